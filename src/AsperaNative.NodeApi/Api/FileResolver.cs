using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.NodeApi.Api;

/// <summary>A gen4 file: the node API that holds it (a link may lead to another node) and its file id there.</summary>
public sealed record NodeFile(NodeApiClient Api, string FileId);

/// <summary>
/// Gen4 paths (ascli's <c>resolve_api_fid</c> and <c>process_folder_tree</c>): the Node API knows files by id only,
/// so a path is resolved from a top folder id by listing folders breadth first (<c>/files/{id}/files</c>) and
/// descending into the entry of each name; a shared-folder link is followed to its target, possibly on another
/// node of the application (<see cref="INodeApplication.NodeApiAsync"/>). A folder that cannot be listed counts as empty.
/// </summary>
public static class FileResolver
{
    public const char Separator = '/';

    /// <summary>
    /// The file of <paramref name="path"/> below <paramref name="topFileId"/> (no element: the top folder itself, no call).
    /// A link that is the last element is followed when <paramref name="followLastLink"/> or the path ends with <c>/</c>.
    /// </summary>
    public static async Task<NodeFile> ResolveAsync(NodeApiClient api, string topFileId, string path, bool followLastLink = false, CancellationToken cancel = default)
    {
        followLastLink |= path.EndsWith(Separator);
        var remaining = new Queue<string>(path.Split(Separator, StringSplitOptions.RemoveEmptyEntries));
        if (remaining.Count == 0) return new NodeFile(api, topFileId);
        NodeFile? found = null;
        await Walk(api, topFileId, "/", async (node, entry, _) =>
        {
            if (found is not null || remaining.Count == 0 || Text(entry["name"]) != remaining.Peek()) return false;
            remaining.Dequeue();
            bool last = remaining.Count == 0;
            switch (Text(entry["type"]))
            {
                case "file":
                    if (!last) throw CliException.Runtime($"{Text(entry["name"])} is a file, expecting folder to find: {RubyInspect.Inspect(remaining)}");
                    found = new NodeFile(node, Text(entry["id"]));
                    return false;
                case "folder":
                    if (!last) return true;
                    found = new NodeFile(node, Text(entry["id"]));
                    return false;
                case "link":
                    if (!last) return true;
                    if (!followLastLink) { found = new NodeFile(node, Text(entry["id"])); return false; }
                    var target = await LinkTargetAsync(node, entry, cancel) ?? throw CliException.Runtime("Cannot resolve link");
                    found = target;
                    return false;
                default:
                    node.Rest.Factory.Log.Warn($"Unknown element type: {Text(entry["type"])}");
                    return true;
            }
        }, cancel);
        return found ?? throw CliException.Runtime($"entry not found: {RubyInspect.Inspect(remaining)}");
    }

    /// <summary>
    /// Recursive search below a folder: every entry that matches, with its <c>path</c> (from <c>/</c>), folders and
    /// links walked breadth first in the node's order. Matches flow as folders are listed.
    /// </summary>
    public static async IAsyncEnumerable<JsonNode?> Find(NodeApiClient api, string folderId, Func<JsonObject, bool> match,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        await foreach (var (_, entry, path) in Entries(api, folderId, "/", cancel))
        {
            if (!match(entry)) continue;
            entry["path"] = path;
            yield return entry;
        }
    }

    /// <summary>Every entry below a folder, breadth first; a link's target is walked where the link is met (ascli's order).</summary>
    private static async IAsyncEnumerable<(NodeApiClient Api, JsonObject Entry, string Path)> Entries(NodeApiClient api, string topFileId, string topPath,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        var pending = new Queue<(string Id, string Path)>();
        pending.Enqueue((topFileId, topPath));
        while (pending.Count > 0)
        {
            var (id, folderPath) = pending.Dequeue();
            foreach (var entry in await ListAsync(api, id, folderPath, cancel))
            {
                string path = Child(folderPath, entry);
                yield return (api, entry, path);
                switch (Text(entry["type"]))
                {
                    case "folder":
                        pending.Enqueue((Text(entry["id"]), path));
                        break;
                    case "link":
                        if (await LinkTargetAsync(api, entry, cancel) is { } target)
                            await foreach (var inner in Entries(target.Api, target.FileId, path, cancel)) yield return inner;
                        break;
                }
            }
        }
    }

    /// <summary>Recursive search, read whole (see <see cref="Find"/>).</summary>
    public static async Task<JsonArray> FindAsync(NodeApiClient api, string folderId, Func<JsonObject, bool> match)
    {
        var found = new JsonArray();
        await foreach (var item in Find(api, folderId, match)) found.Add(item);
        return found;
    }

    /// <summary>The containing folder and last element of a path (<c>/a/b</c> gives <c>/a</c> and <c>b</c>).</summary>
    public static (string Folder, string Name) Split(string path)
    {
        var parts = path.Split(Separator).ToList();
        string name = parts[^1];
        parts.RemoveAt(parts.Count - 1);
        return (string.Join(Separator, parts), name);
    }

    /// <summary>
    /// ascli's <c>process_folder_tree</c>: lists folders breadth first from <paramref name="topFileId"/> and gives each entry
    /// (with its path) to <paramref name="visit"/>; a true answer descends into it (a folder, or a link's target).
    /// Entries with an <c>error</c> are skipped (its message logged), a listing that fails is logged and empty.
    /// </summary>
    private static async Task Walk(NodeApiClient api, string topFileId, string topPath, Func<NodeApiClient, JsonObject, string, Task<bool>> visit, CancellationToken cancel)
    {
        var pending = new Queue<(string Id, string Path)>();
        pending.Enqueue((topFileId, topPath));
        while (pending.Count > 0)
        {
            var (id, folderPath) = pending.Dequeue();
            foreach (var entry in await ListAsync(api, id, folderPath, cancel))
            {
                string path = Child(folderPath, entry);
                if (!await visit(api, entry, path)) continue;
                switch (Text(entry["type"]))
                {
                    case "folder":
                        pending.Enqueue((Text(entry["id"]), path));
                        break;
                    case "link":
                        if (await LinkTargetAsync(api, entry, cancel) is { } target) await Walk(target.Api, target.FileId, path, visit, cancel);
                        break;
                }
            }
        }
    }

    /// <summary>The entries of one folder without those in error (their message logged); a failed listing is logged and empty.</summary>
    private static async Task<IEnumerable<JsonObject>> ListAsync(NodeApiClient api, string id, string folderPath, CancellationToken cancel)
    {
        JsonArray entries;
        try { entries = await api.ReadWithCacheAsync($"files/{id}/files", cancel: cancel) as JsonArray ?? []; }
        catch (CliException e)
        {
            api.Rest.Factory.Log.Warn($"{folderPath}: {e.Message}");
            return [];
        }
        var result = new List<JsonObject>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            if (entry["error"] is { } error)
            {
                if (error is JsonObject e && e["user_message"] is { } message) api.Rest.Factory.Log.Error(Text(message));
                continue;
            }
            result.Add(entry);
        }
        return result;
    }

    private static string Child(string folderPath, JsonObject entry) => folderPath.TrimEnd(Separator) + Separator + Text(entry["name"]);

    /// <summary>The target of a link entry (read from the node when the listing lacks it), on this node or another of the application.</summary>
    private static async Task<NodeFile?> LinkTargetAsync(NodeApiClient api, JsonObject entry, CancellationToken cancel)
    {
        if (entry["target_node_id"] is null || entry["target_id"] is null)
        {
            var link = await api.ReadAsync($"files/{Text(entry["id"])}") as JsonObject ?? [];
            entry["target_node_id"] = link["target_node_id"]?.DeepClone();
            entry["target_id"] = link["target_id"]?.DeepClone();
        }
        if (entry["target_node_id"] is null || entry["target_id"] is null)
        {
            api.Rest.Factory.Log.Warn($"Missing target information for link: {Text(entry["name"])}");
            return null;
        }
        string nodeId = Text(entry["target_node_id"]);
        NodeApiClient? target = api.Application switch
        {
            null => null,
            { } app when app.NodeId == nodeId => api,
            { } app => await app.NodeApiAsync(nodeId, cancel),
        };
        if (target is null)
        {
            api.Rest.Factory.Log.Warn($"Cannot resolve link with node id {nodeId}, no resolver");
            return null;
        }
        return new NodeFile(target, Text(entry["target_id"]));
    }

    private static string Text(JsonNode? node) => node is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : node?.ToJsonString() ?? "";
}
