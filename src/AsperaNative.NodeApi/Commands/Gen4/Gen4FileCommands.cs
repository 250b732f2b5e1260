using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Output;
using AsperaNative.Output.Images;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.NodeApi.Commands.Gen4;

/// <summary>Operate on files below the top folder (gen4 file API)</summary>
/// <remarks>Public so that a plugin can run these commands on files it finds itself (AoC's <c>packages browse &lt;id&gt; &lt;path&gt;</c>).</remarks>
[CommandGroup("gen4")]
public sealed class Gen4FileCommands(Gen4Files files, NodeOptions node, CommandOptions options, OutputOptions output, TransferRunner transfer)
{
    public static readonly string[] BrowseFields = ["name", "type", "recursive_size", "size", "modified_time", "access_level"];

    /// <summary>List folder contents</summary>
    [Command("browse")]
    public async Task<Result> Browse([Argument("path")] string path)
    {
        var file = await files.FileAsync(path);
        var info = await file.Api.ReadWithCacheAsync($"files/{file.FileId}") as JsonObject ?? [];
        if (info["type"]?.ToString() != "folder") return Result.ObjectList(new JsonArray(info), BrowseFields);
        return Result.ObjectList(file.Api.ListFolder(file.FileId, options.QueryHash()?.DeepClone()), BrowseFields, TotalLine.WhenPartial);
    }

    /// <summary>Recursive search (filter: glob, @re:)</summary>
    [Command("find")]
    public async Task<Result> Find([Argument("path")] string path, [Argument("filter")] JsonNode? filter = null)
    {
        var file = await files.FileAsync(path);
        var match = Matcher(filter);
        // ascli walks from the top node even when the path led through a link to another node
        return Result.ObjectList(ItemStream.From(FileResolver.Find(files.Api, file.FileId, match)), ["path"]);
    }

    /// <summary>Create a folder</summary>
    [Command("mkdir")]
    public async Task<Result> Mkdir([Argument("path")] string path)
    {
        var (folder, name) = FileResolver.Split(path);
        var parent = await files.ResolveAsync(folder, followLastLink: true);
        var created = await parent.Api.CreateAsync($"files/{parent.FileId}/files", new JsonObject { ["name"] = name, ["type"] = "folder" });
        return Result.Status($"created: {created?["name"]} (id={created?["id"]})");
    }

    /// <summary>Rename an entry</summary>
    [Command("rename")]
    public async Task<Result> Rename([Argument("source path", Name = "path")] string path, [Argument("new name", Name = "new_name")] string name)
    {
        var file = await files.ResolveAsync(path);
        await file.Api.UpdateAsync($"files/{file.FileId}", new JsonObject { ["name"] = name });
        return Result.Status($"renamed to {name}");
    }

    /// <summary>Delete entries (path or %id:&lt;file_id&gt;)</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("path", Multiple = true)] IReadOnlyList<string> paths)
    {
        var rows = new JsonArray();
        foreach (var path in paths)
        {
            var file = await files.FileAsync(path);
            await file.Api.DeleteAsync($"files/{file.FileId}");
            rows.Add((JsonNode)new JsonObject { ["path"] = path, ["status"] = "deleted" });
        }
        return rows.Count == 1 ? Result.SingleObject((JsonObject)rows[0]!.DeepClone()) : Result.ObjectList(rows, ["path", "status"]);
    }

    /// <summary>Show file information</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("path or id", Name = "path")] string path)
    {
        var file = await files.FileAsync(path);
        return Result.SingleObject(await file.Api.ReadAsync($"files/{file.FileId}") as JsonObject ?? []);
    }

    /// <summary>Modify file properties</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("path or id", Name = "path")] string path, [Argument("update data", Name = "params")] JsonObject update)
    {
        var file = await files.FileAsync(path);
        await file.Api.UpdateAsync($"files/{file.FileId}", update);
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
        if (!NodeConnection.IsBearer(password)) throw CliException.Assertion("not a bearer token, wrong prefix");
        return Result.Status(password);
    }

    private async Task<JsonObject> Info(string path)
    {
        var file = await files.FileAsync(path);
        var credentials = file.Api.Credentials;
        return new JsonObject
        {
            ["url"] = file.Api.BaseUrl,
            ["root_id"] = file.FileId,
            ["username"] = credentials.Username,
            // an OAuth node (AoC) gives its current token; a secret or a given bearer token is the password
            ["password"] = credentials.Bearer ? await file.Api.AuthorizationAsync() : credentials.Password,
        };
    }

    /// <summary>Upload files (destination: --to-folder)</summary>
    [Command("upload")]
    public async Task<Result> Upload([Argument("source file list", Name = "source")] PendingArguments sources)
    {
        var folder = await files.ResolveAsync(transfer.DestinationFolder(TransferRunner.DirectionSend), followLastLink: true);
        var spec = await Gen4TransferSpec.BuildAsync(folder.Api, folder.FileId, TransferRunner.DirectionSend, node.DefaultPorts != false);
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
        var source = await files.ResolveAsync(folder, followLastLink: true);
        if (rest.Count == 0)
        {
            var info = await source.Api.ReadAsync($"files/{source.FileId}") as JsonObject ?? [];
            switch (info["type"]?.ToString())
            {
                case "file":
                    var (parent, name) = FileResolver.Split(folder);
                    rest = [name];
                    source = await files.ResolveAsync(parent, followLastLink: true);
                    break;
                case "link" or "folder":
                    rest = ["."];
                    break;
                case var other: throw CliException.Runtime($"Unknown source type: {other}");
            }
        }
        var paths = new JsonObject { ["paths"] = new JsonArray([.. rest.Select(static r => (JsonNode)new JsonObject { ["source"] = r })]) };
        var spec = await Gen4TransferSpec.BuildAsync(source.Api, source.FileId, TransferRunner.DirectionReceive, node.DefaultPorts != false, paths);
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
        var file = await files.ResolveAsync(path);
        string target = Path.Combine(transfer.DestinationFolder(TransferRunner.DirectionReceive), name);
        await file.Api.CallAsync(new RestRequest("GET", $"files/{file.FileId}/content") { SaveToFile = target });
        return Result.Status($"downloaded: {name}");
    }

    private static readonly Dictionary<string, string> AcceptPng = new(StringComparer.Ordinal) { ["Accept"] = "image/png" };

    /// <summary>Display preview thumbnail of a file (path or %id:&lt;file_id&gt;), options: --image</summary>
    [Command("thumbnail")]
    public async Task<Result> Thumbnail([Argument("path or id", Name = "path")] string path)
    {
        var file = await files.FileAsync(path);
        // the body is binary: the REST stack saves it as is
        string temporary = Path.Combine(Path.GetTempPath(), "ascli_preview_" + Guid.NewGuid().ToString("N"));
        byte[] png;
        try
        {
            await file.Api.CallAsync(new RestRequest("GET", $"files/{file.FileId}/preview") { Headers = AcceptPng, SaveToFile = temporary });
            png = await File.ReadAllBytesAsync(temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
        return Result.Text(new ImageSettings { Options = output.Image }.Build(png));
    }

    /// <summary>
    /// The name filter of <c>find</c> (ascli's <c>file_matcher</c>): none (all), a glob on the name (<c>File.fnmatch</c>
    /// with dot files matched), or a regular expression (<c>@re:</c>) searched in the name.
    /// </summary>
    public static Func<JsonObject, bool> Matcher(JsonNode? filter)
    {
        if (filter is null) return static _ => true;
        if (RubyRegex.TryGet(filter, out var regex)) return item => regex.Regex.IsMatch(item["name"]?.ToString() ?? "");
        if (filter is not JsonValue v || !JsonScalar.TryGetText(v, out string? glob))
            throw CliException.BadArgument($"unexpected value: {ArgumentBinder.RubyClass(filter)}");
        var pattern = new System.Text.RegularExpressions.Regex(GlobPattern(glob), System.Text.RegularExpressions.RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        return item => pattern.IsMatch(item["name"]?.ToString() ?? "");
    }

    /// <summary>Ruby's <c>File.fnmatch</c> pattern (no FNM_PATHNAME: <c>*</c> also matches <c>/</c>) as an anchored regex.</summary>
    public static string GlobPattern(string glob)
    {
        var sb = new System.Text.StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            switch (c)
            {
                case '*': sb.Append(".*"); break;
                case '?': sb.Append('.'); break;
                case '\\' when i + 1 < glob.Length: sb.Append(System.Text.RegularExpressions.Regex.Escape(glob[++i].ToString())); break;
                case '[':
                    int close = glob.IndexOf(']', i + 2 <= glob.Length ? i + 2 : i + 1);
                    if (close < 0) { sb.Append("\\["); break; }
                    string set = glob[(i + 1)..close];
                    if (set.StartsWith('!') || set.StartsWith('^')) set = "^" + set[1..];
                    sb.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                    i = close;
                    break;
                default: sb.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString())); break;
            }
        }
        return sb.Append('$').ToString();
    }
}
