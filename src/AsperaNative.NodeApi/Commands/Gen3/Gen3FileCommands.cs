using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Core.Values;

namespace AsperaNative.NodeApi.Commands.Gen3;

/// <summary>Gen3 file operations on paths</summary>
[CommandGroup("gen3")]
internal sealed class Gen3FileCommands(Gen3Node node, CommandOptions options, TransferRunner transfer, PluginContext context)
{
    private static readonly string[] SearchHiddenFields = ["basename", "permissions"];
    private NodeApiClient Api => node.Api;

    /// <summary>List folder contents (query: recursive, max, self, skip)</summary>
    [Command("browse")]
    public async Task<Result> Browse([Argument("path")] string path)
    {
        var listing = await Api.BrowseListingAsync(node.WithPrefix(path), options.QueryHash());
        if (!listing.IsFolder) return Result.SingleObject(listing.Self);
        var items = node.PrefixPath is null ? listing.Items : listing.Items.Select(item => item is JsonObject o ? WithoutPrefix(o, "path") : item);
        return Result.ObjectList(items, totalLine: TotalLine.WhenPartial);
    }

    /// <summary>Delete file(s) or folder(s)</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("file list", Name = "path", Multiple = true)] IReadOnlyList<string> paths)
    {
        var body = new JsonArray();
        foreach (var p in paths.Select(node.WithPrefix)) body.Add((JsonNode)new JsonObject { ["path"] = p.StartsWith('/') ? p : "/" + p });
        return Translate(await Api.PathsCallAsync("files/delete", body), "file", "deleted");
    }

    /// <summary>Create folder(s)</summary>
    [Command("mkdir")]
    public async Task<Result> Mkdir([Argument("folder path or ext.val. list", Name = "path", Multiple = true)] IReadOnlyList<string> paths)
    {
        var body = new JsonArray();
        foreach (var p in paths.Select(node.WithPrefix)) body.Add((JsonNode)new JsonObject { ["type"] = "directory", ["path"] = p });
        return Translate(await Api.PathsCallAsync("files/create", body), "folder", "created");
    }

    /// <summary>Create a symbolic link</summary>
    [Command("mklink")]
    public async Task<Result> Mklink([Argument("target")] string target, [Argument("link path")] string link)
    {
        var body = new JsonArray(new JsonObject { ["type"] = "symbolic_link", ["path"] = node.WithPrefix(link), ["target"] = new JsonObject { ["path"] = node.WithPrefix(target) } });
        return Translate(await Api.PathsCallAsync("files/create", body), "folder", "created");
    }

    /// <summary>Create a file with the given text contents</summary>
    [Command("mkfile")]
    public async Task<Result> Mkfile([Argument("file path")] string path, [Argument("contents")] string contents)
    {
        var body = new JsonArray(new JsonObject { ["type"] = "file", ["path"] = node.WithPrefix(path), ["contents"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(contents)) });
        return Translate(await Api.PathsCallAsync("files/create", body), "folder", "created");
    }

    /// <summary>Rename an entry located in a folder</summary>
    [Command("rename")]
    public async Task<Result> Rename([Argument("path_base", Name = "folder")] string folder, [Argument("path_src", Name = "old_name")] string source, [Argument("path_dst", Name = "new_name")] string destination)
    {
        var body = new JsonArray(new JsonObject { ["path"] = node.WithPrefix(folder), ["source"] = node.WithPrefix(source), ["destination"] = node.WithPrefix(destination) });
        return Translate(await Api.PathsCallAsync("files/rename", body), "entry", "moved");
    }

    /// <summary>Search files under a folder (criteria via --query)</summary>
    [Command("search")]
    public async Task<Result> Search([Argument("search root", Name = "path")] string root)
    {
        var body = new JsonObject { ["path"] = node.WithPrefix(root) };
        if (options.QueryHash() is { } q) foreach (var (k, v) in q) body[k] = v?.DeepClone();
        var data = await Api.CreateAsync("files/search", body) as JsonObject ?? [];
        var items = data["items"] as JsonArray ?? [];
        if (items.Count == 0) return Result.Empty;
        var fields = ((JsonObject)items[0]!).Select(static kv => kv.Key).Where(static k => !SearchHiddenFields.Contains(k)).ToList();
        if (data["parameters"] is JsonObject parameters)
            context.Status("params: " + string.Join(',', parameters.Select(static kv => $"{kv.Key}:{Text(kv.Value)}")));
        long? total = data["total_count"] is JsonValue t && t.TryGetValue(out long n) ? n : null;
        var found = ItemStream.From(Rest.Paging.PagedItems.ItemsOf(data, "items"), total);
        return Result.ObjectList(node.PrefixPath is null ? found : found.Select(item => item is JsonObject o ? WithoutPrefix(o, "path") : item), fields, TotalLine.WhenPartial);
    }

    /// <summary>Disk space information for paths</summary>
    [Command("space")]
    public async Task<Result> Space([Argument("folder path or ext.val. list", Name = "path", Multiple = true)] IReadOnlyList<string> paths)
    {
        var body = new JsonArray();
        foreach (var p in paths.Select(node.WithPrefix)) body.Add((JsonNode)new JsonObject { ["path"] = p });
        var data = await Api.CreateAsync("space", new JsonObject { ["paths"] = body });
        return Result.ObjectList(WithoutPrefix(data?["paths"] as JsonArray ?? [], "path"));
    }

    /// <summary>Upload files (destination: --to-folder)</summary>
    [Command("upload")]
    public async Task<Result> Upload([Argument("source file list", Name = "source")] PendingArguments sources)
    {
        var request = new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["destination"] = transfer.DestinationFolder(TransferRunner.DirectionSend) }) };
        var spec = await Api.TransferSetupAsync("upload", request);
        // the answer has the destination only, sources come from the command line
        spec.Remove("paths");
        return TransferRunner.ResultOf(await transfer.StartAsync(spec, sources));
    }

    /// <summary>Download files (destination: --to-folder)</summary>
    [Command("download")]
    public async Task<Result> Download([Argument("source file list", Name = "source")] PendingArguments sources)
    {
        var paths = transfer.SourcePaths(sources) ?? [];
        var spec = await Api.TransferSetupAsync("download", new JsonObject { ["paths"] = paths.DeepClone() });
        return TransferRunner.ResultOf(await transfer.StartAsync(spec, sources));
    }

    /// <summary>Download one file over HTTP from the node API</summary>
    [Command("http_node_download")]
    public async Task<Result> HttpNodeDownload([Argument("remote path", Name = "path")] string path)
    {
        path = node.WithPrefix(path);
        string name = Path.GetFileName(path.TrimEnd('/'));
        string target = Path.Combine(transfer.DestinationFolder(TransferRunner.DirectionReceive), name);
        await Api.CallAsync(new RestRequest("GET", $"files/{Uri.EscapeDataString(path)}/contents") { SaveToFile = target });
        return Result.Status($"downloaded: {name}");
    }

    /// <summary>ascli's result of path operations: one line per path; any error in the answer fails the command.</summary>
    private Result Translate(JsonArray paths, string column, string success)
    {
        var rows = new JsonArray();
        var errors = new List<string>();
        foreach (var item in paths.OfType<JsonObject>())
        {
            string path = item["path"]?.ToString() ?? "";
            string result = success;
            if (item["error"] is JsonObject error)
            {
                string message = error["user_message"]?.ToString() ?? "";
                result = "ERROR: " + message;
                errors.Add($"{path}: {message}");
            }
            rows.Add((JsonNode)new JsonObject { [column] = node.WithoutPrefix(path), ["result"] = result });
        }
        if (errors.Count > 0) throw CliException.Runtime(string.Join(", ", errors));
        return Result.ObjectList(rows, [column, "result"]);
    }

    private JsonArray WithoutPrefix(JsonArray items, string column)
    {
        if (node.PrefixPath is null) return items;
        foreach (var item in items.OfType<JsonObject>()) WithoutPrefix(item, column);
        return items;
    }

    private JsonObject WithoutPrefix(JsonObject item, string column)
    {
        if (item[column] is JsonValue v && JsonScalar.TryGetText(v, out string? p)) item[column] = node.WithoutPrefix(p);
        return item;
    }


    private static string Text(JsonNode? v) => v is JsonValue s && JsonScalar.TryGetText(s, out string? text) ? text : v?.ToJsonString() ?? "";
}
