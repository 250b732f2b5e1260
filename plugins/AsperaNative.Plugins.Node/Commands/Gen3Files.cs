using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>
/// The gen3 file commands on paths, shared by <c>node</c> and <c>node access_keys do &lt;id&gt; v3</c>
/// (the latter with the access key's credentials).
/// </summary>
internal static class Gen3Files
{
    private static readonly string[] SearchHiddenFields = ["basename", "permissions"];

    public static async Task<Result> Browse(NodePlugin p, NodeApiClient api, CommandContext c)
    {
        string path = c.Args.NextString("path");
        var listing = await api.BrowseListingAsync(path, QueryObject(p));
        return listing.IsFolder ? Result.ObjectList(listing.Items, totalLine: TotalLine.WhenPartial) : Result.SingleObject(listing.Self);
    }

    public static async Task<Result> Delete(NodeApiClient api, CommandContext c)
    {
        var paths = c.Args.NextMultiple("file list");
        var body = new JsonArray();
        foreach (var item in paths)
        {
            string s = item?.ToString() ?? "";
            body.Add((JsonNode)new JsonObject { ["path"] = s.StartsWith('/') ? s : "/" + s });
        }
        return Translate(await api.PathsCallAsync("files/delete", body), "file", "deleted");
    }

    public static async Task<Result> Mkdir(NodeApiClient api, CommandContext c)
    {
        var body = new JsonArray();
        foreach (var item in c.Args.NextMultiple("folder path"))
            body.Add((JsonNode)new JsonObject { ["type"] = "directory", ["path"] = item?.ToString() });
        return Translate(await api.PathsCallAsync("files/create", body), "folder", "created");
    }

    public static async Task<Result> Mklink(NodeApiClient api, CommandContext c)
    {
        string target = c.Args.NextString("target");
        string link = c.Args.NextString("link path");
        var body = new JsonArray(new JsonObject { ["type"] = "symbolic_link", ["path"] = link, ["target"] = new JsonObject { ["path"] = target } });
        return Translate(await api.PathsCallAsync("files/create", body), "folder", "created");
    }

    public static async Task<Result> Mkfile(NodeApiClient api, CommandContext c)
    {
        string path = c.Args.NextString("file path");
        string contents = c.Args.NextString("contents");
        var body = new JsonArray(new JsonObject { ["type"] = "file", ["path"] = path, ["contents"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(contents)) });
        return Translate(await api.PathsCallAsync("files/create", body), "folder", "created");
    }

    public static async Task<Result> Rename(NodeApiClient api, CommandContext c)
    {
        string folder = c.Args.NextString("path_base");
        string source = c.Args.NextString("path_src");
        string destination = c.Args.NextString("path_dst");
        var body = new JsonArray(new JsonObject { ["path"] = folder, ["source"] = source, ["destination"] = destination });
        return Translate(await api.PathsCallAsync("files/rename", body), "entry", "moved");
    }

    public static async Task<Result> Search(NodePlugin p, NodeApiClient api, CommandContext c)
    {
        var body = new JsonObject { ["path"] = c.Args.NextString("search root") };
        if (QueryObject(p) is { } q) foreach (var (k, v) in q) body[k] = v?.DeepClone();
        var data = await api.CreateAsync("files/search", body) as JsonObject ?? [];
        var items = data["items"] as JsonArray ?? [];
        if (items.Count == 0) return Result.Empty;
        var fields = ((JsonObject)items[0]!).Select(static kv => kv.Key).Where(static k => !SearchHiddenFields.Contains(k)).ToList();
        if (data["parameters"] is JsonObject parameters)
            c.Status("params: " + string.Join(',', parameters.Select(static kv => $"{kv.Key}:{Ruby(kv.Value)}")));
        long? total = data["total_count"] is JsonValue t && t.TryGetValue(out long n) ? n : null;
        return Result.ObjectList(ItemStream.From(Rest.Paging.PagedItems.ItemsOf(data, "items"), total), fields, TotalLine.WhenPartial);
    }

    public static async Task<Result> Space(NodeApiClient api, CommandContext c)
    {
        var body = new JsonArray();
        foreach (var item in c.Args.NextMultiple("folder path or ext.val. list"))
            body.Add((JsonNode)new JsonObject { ["path"] = item?.ToString() });
        var data = await api.CreateAsync("space", new JsonObject { ["paths"] = body });
        return Result.ObjectList(data?["paths"] as JsonArray ?? []);
    }

    public static async Task<Result> Upload(NodePlugin p, NodeApiClient api, CommandContext c)
    {
        var request = new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["destination"] = p.Transfer.DestinationFolder(TransferRunner.DirectionSend) }) };
        var spec = await api.TransferSetupAsync("upload", request);
        // the answer has the destination only, sources come from the command line
        spec.Remove("paths");
        return TransferRunner.ResultOf(await p.Transfer.StartAsync(spec, c.Args));
    }

    public static async Task<Result> Download(NodePlugin p, NodeApiClient api, CommandContext c)
    {
        var paths = p.Transfer.SourcePaths(c.Args) ?? [];
        var spec = await api.TransferSetupAsync("download", new JsonObject { ["paths"] = paths.DeepClone() });
        return TransferRunner.ResultOf(await p.Transfer.StartAsync(spec, c.Args));
    }

    /// <summary>One file over HTTPS from the node itself (<c>/files/{path}/contents</c>), to <c>--to-folder</c>.</summary>
    public static async Task<Result> HttpNodeDownload(NodePlugin p, NodeApiClient api, CommandContext c)
    {
        string path = c.Args.NextString("path");
        string name = Path.GetFileName(path.TrimEnd('/'));
        string target = Path.Combine(p.Transfer.DestinationFolder(TransferRunner.DirectionReceive), name);
        await api.CallAsync(new RestRequest("GET", $"files/{Uri.EscapeDataString(path)}/contents") { SaveToFile = target });
        return Result.Status($"Downloaded: {name}");
    }

    /// <summary>ascli's result of path operations: one line per path; any error in the answer fails the command.</summary>
    private static Result Translate(JsonArray paths, string column, string success)
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
            rows.Add((JsonNode)new JsonObject { [column] = path, ["result"] = result });
        }
        if (errors.Count > 0) throw CliException.Runtime(string.Join(", ", errors));
        return Result.ObjectList(rows, [column, "result"]);
    }

    internal static JsonObject? QueryObject(NodePlugin p) => p.Global.Query switch
    {
        null => null,
        JsonObject o => o,
        var other => throw CliException.BadArgument($"query: expecting Hash, but have {Core.Values.RubyInspect.Inspect(other)}"),
    };

    private static string Ruby(JsonNode? v) => v is JsonValue s && s.TryGetValue(out string? text) ? text : v?.ToJsonString() ?? "";
}
