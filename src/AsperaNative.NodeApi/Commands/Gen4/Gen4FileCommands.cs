using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Output;
using AsperaNative.Output.Images;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.NodeApi.Commands.Gen4;

/// <summary>Operate on files below the top folder (gen4 file API)</summary>
[CommandGroup("gen4")]
internal sealed class Gen4FileCommands(Gen4Files files, NodeOptions node, CommandOptions options, OutputOptions output, TransferRunner transfer)
{
    public static readonly string[] BrowseFields = ["name", "type", "recursive_size", "size", "modified_time", "access_level"];

    /// <summary>List folder contents</summary>
    [Command("browse")]
    public async Task<Result> Browse([Argument("path")] string path)
    {
        string id = await files.PathIdAsync(path);
        var info = await files.Api.ReadAsync($"files/{id}") as JsonObject ?? [];
        if (info["type"]?.ToString() != "folder") return Result.ObjectList(new JsonArray(info), BrowseFields);
        return Result.ObjectList(files.Api.ListFolder(id, options.QueryHash()?.DeepClone()), BrowseFields, TotalLine.WhenPartial);
    }

    /// <summary>Recursive search (filter: glob, @re:)</summary>
    [Command("find")]
    public async Task<Result> Find([Argument("path")] string path, [Argument("filter")] JsonNode? filter = null)
    {
        string id = await files.PathIdAsync(path);
        var match = Matcher(filter);
        return Result.ObjectList(ItemStream.From(FileResolver.Find(files.Api, id, match)), ["path"]);
    }

    /// <summary>Create a folder</summary>
    [Command("mkdir")]
    public async Task<Result> Mkdir([Argument("path")] string path)
    {
        var (folder, name) = FileResolver.Split(path);
        string id = await files.PathIdAsync(folder);
        var created = await files.Api.CreateAsync($"files/{id}/files", new JsonObject { ["name"] = name, ["type"] = "folder" });
        return Result.Status($"created: {created?["name"]} (id={created?["id"]})");
    }

    /// <summary>Rename an entry</summary>
    [Command("rename")]
    public async Task<Result> Rename([Argument("source path", Name = "path")] string path, [Argument("new name", Name = "new_name")] string name)
    {
        string id = await files.PathIdAsync(path);
        await files.Api.UpdateAsync($"files/{id}", new JsonObject { ["name"] = name });
        return Result.Status($"renamed to {name}");
    }

    /// <summary>Delete entries (path or %id:&lt;file_id&gt;)</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("path", Multiple = true)] IReadOnlyList<string> paths)
    {
        var rows = new JsonArray();
        foreach (var path in paths)
        {
            string id = await files.FileIdAsync(path);
            await files.Api.DeleteAsync($"files/{id}");
            rows.Add((JsonNode)new JsonObject { ["path"] = path, ["status"] = "deleted" });
        }
        return rows.Count == 1 ? Result.SingleObject((JsonObject)rows[0]!.DeepClone()) : Result.ObjectList(rows, ["path", "status"]);
    }

    /// <summary>Show file information</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("path or id", Name = "path")] string path)
    {
        string id = await files.FileIdAsync(path);
        return Result.SingleObject(await files.Api.ReadAsync($"files/{id}") as JsonObject ?? []);
    }

    /// <summary>Modify file properties</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("path or id", Name = "path")] string path, [Argument("update data", Name = "params")] JsonObject update)
    {
        string id = await files.FileIdAsync(path);
        await files.Api.UpdateAsync($"files/{id}", update);
        return Result.Status("Done");
    }

    /// <summary>Show node URL, credentials and file id for the folder</summary>
    [Command("node_info")]
    public async Task<Result> NodeInfo([Argument("path")] string path) => Result.SingleObject(await Info(path));

    /// <summary>Generate a bearer token for the folder</summary>
    [Command("bearer_token_node")]
    public async Task<Result> BearerTokenNode([Argument("path")] string path)
    {
        string password = (await Info(path))["password"]?.ToString() ?? "";
        if (!NodeConnection.IsBearer(password)) throw CliException.Runtime("not bearer token");
        return Result.Status(password);
    }

    private async Task<JsonObject> Info(string path)
    {
        string id = await files.PathIdAsync(path);
        return new JsonObject
        {
            ["url"] = files.Api.BaseUrl,
            ["root_id"] = id,
            ["username"] = files.Api.Credentials.Username,
            ["password"] = files.Api.Credentials.Password,
        };
    }

    /// <summary>Upload files (destination: --to-folder)</summary>
    [Command("upload")]
    public async Task<Result> Upload([Argument("source file list", Name = "source")] PendingArguments sources)
    {
        string id = await files.PathIdAsync(transfer.DestinationFolder(TransferRunner.DirectionSend));
        var spec = await Gen4TransferSpec.BuildAsync(files.Api, id, TransferRunner.DirectionSend, node.DefaultPorts != false);
        return TransferRunner.ResultOf(await transfer.StartAsync(spec, sources));
    }

    /// <summary>Download files (all sources in one folder)</summary>
    [Command("download")]
    public async Task<Result> Download([Argument("source file list", Name = "source")] PendingArguments arguments)
    {
        var sources = (transfer.SourcePaths(arguments) ?? []).Select(static s => s?["source"]?.ToString() ?? "").ToList();
        if (sources.Count == 0) throw CliException.BadArgument("missing source");
        string folder = sources[0];
        var rest = sources.Skip(1).ToList();
        string id = await files.PathIdAsync(folder);
        if (rest.Count == 0)
        {
            var info = await files.Api.ReadAsync($"files/{id}") as JsonObject ?? [];
            switch (info["type"]?.ToString())
            {
                case "file":
                    var (parent, name) = FileResolver.Split(folder);
                    rest = [name];
                    id = await files.PathIdAsync(parent);
                    break;
                case "link" or "folder":
                    rest = ["."];
                    break;
                case var other: throw CliException.Runtime($"Unknown source type: {other}");
            }
        }
        var spec = await Gen4TransferSpec.BuildAsync(files.Api, id, TransferRunner.DirectionReceive, node.DefaultPorts != false);
        spec["paths"] = new JsonArray([.. rest.Select(static r => (JsonNode)new JsonObject { ["source"] = r })]);
        return TransferRunner.ResultOf(await transfer.StartAsync(spec, arguments));
    }

    /// <summary>Download one file over HTTP</summary>
    [Command("http_node_download")]
    public async Task<Result> HttpNodeDownload([Argument("source file list", Name = "source")] PendingArguments arguments)
    {
        var sources = (transfer.SourcePaths(arguments) ?? []).Select(static s => s?["source"]?.ToString() ?? "").ToList();
        if (sources.Count > 2 || sources.Count == 0) throw CliException.BadArgument("one file at a time only in HTTP mode");
        string path = sources.Count == 2 ? sources[0].TrimEnd('/') + "/" + sources[1] : sources[0];
        string name = FileResolver.Split(path).Name;
        string id = await files.PathIdAsync(path);
        string target = Path.Combine(transfer.DestinationFolder(TransferRunner.DirectionReceive), name);
        await files.Api.CallAsync(new RestRequest("GET", $"files/{id}/content") { SaveToFile = target });
        return Result.Status($"downloaded: {name}");
    }

    private static readonly Dictionary<string, string> AcceptPng = new(StringComparer.Ordinal) { ["Accept"] = "image/png" };

    /// <summary>Display preview thumbnail of a file (path or %id:&lt;file_id&gt;), options: --image</summary>
    [Command("thumbnail")]
    public async Task<Result> Thumbnail([Argument("path or id", Name = "path")] string path)
    {
        string id = await files.FileIdAsync(path);
        // the body is binary: the REST stack saves it as is
        string file = Path.Combine(Path.GetTempPath(), "ascli_preview_" + Guid.NewGuid().ToString("N"));
        byte[] png;
        try
        {
            await files.Api.CallAsync(new RestRequest("GET", $"files/{id}/preview") { Headers = AcceptPng, SaveToFile = file });
            png = await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
        return Result.Text(new ImageSettings { Options = output.Image }.Build(png));
    }

    /// <summary>The name filter of <c>find</c>: none (all), a glob on the name, or a regular expression (<c>@re:</c>).</summary>
    private static Func<JsonObject, bool> Matcher(JsonNode? filter)
    {
        if (filter is null) return static _ => true;
        string text = filter.ToString();
        if (filter is JsonObject o && o["regex"] is { } re) text = re.ToString();
        else
        {
            text = "^" + System.Text.RegularExpressions.Regex.Escape(text).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        }
        var regex = new System.Text.RegularExpressions.Regex(text, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return item => regex.IsMatch(item["name"]?.ToString() ?? "");
    }
}
