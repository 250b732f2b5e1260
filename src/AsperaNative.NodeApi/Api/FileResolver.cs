using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// Gen4 paths: the Node API knows files by id only, so a path is resolved from a top folder id by
/// listing each folder on the way (<c>/files/{id}/files</c>) and picking the entry of that name.
/// </summary>
public static class FileResolver
{
    public const char Separator = '/';

    /// <summary>The file id of <paramref name="path"/> below <paramref name="topFileId"/> (empty or <c>/</c> is the top folder).</summary>
    public static async Task<string> ResolveAsync(NodeApiClient api, string topFileId, string path)
    {
        string current = topFileId;
        var walked = new List<string>();
        foreach (string name in path.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (name == ".") continue;
            walked.Add(name);
            var (items, _) = await api.ListFolderAsync(current);
            var entry = items.OfType<JsonObject>().FirstOrDefault(i => i["name"]?.ToString() == name)
                ?? throw CliException.Runtime($"entry not found: {string.Join(Separator, walked)}");
            current = entry["id"]?.ToString() ?? throw CliException.Runtime($"no id for entry: {name}");
        }
        return current;
    }

    /// <summary>
    /// Recursive search below a folder: every entry whose name matches, with its <c>path</c> relative to
    /// the folder; folders are walked depth first in the node's order. Matches flow as folders are listed.
    /// </summary>
    public static async IAsyncEnumerable<JsonNode?> Find(NodeApiClient api, string folderId, Func<JsonObject, bool> match,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var pending = new Stack<(string Id, string Path)>();
        pending.Push((folderId, ""));
        while (pending.Count > 0)
        {
            var (id, prefix) = pending.Pop();
            var folders = new List<(string, string)>();
            await foreach (var node in api.ListFolder(id).WithCancellation(cancel))
            {
                if (node is not JsonObject item) continue;
                string path = prefix + "/" + item["name"];
                item["path"] = path;
                if (item["type"]?.ToString() == "folder" && item["id"] is { } fid) folders.Add((fid.ToString(), path));
                if (match(item)) yield return item;
            }
            for (int i = folders.Count - 1; i >= 0; i--) pending.Push(folders[i]);
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
}
