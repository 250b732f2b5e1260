using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Operate on files inside the access key (gen4 file API); &lt;id&gt;: access key id (self = current one)</summary>
[CommandGroup("node access_keys do <id>")]
internal sealed class Gen4Commands(NodePlugin plugin)
{
    /// <summary>List folder contents</summary>
    [Command("browse")]
    public async Task<Result> Browse(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, c.Args.NextString("path"));
        var info = await scope.Api.ReadAsync($"files/{id}") as JsonObject ?? [];
        if (info["type"]?.ToString() != "folder") return Result.ObjectList(new JsonArray(info), Gen4Files.BrowseFields);
        return Result.ObjectList(scope.Api.ListFolder(id, Gen3Files.QueryObject(plugin)?.DeepClone()), Gen4Files.BrowseFields, TotalLine.WhenPartial);
    }

    /// <summary>Recursive search (filter: glob, @re:)</summary>
    [Command("find")]
    public async Task<Result> Find(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, c.Args.NextString("path"));
        var match = Gen4Files.Matcher(c.Args.NextValue("filter", mandatory: false));
        return Result.ObjectList(ItemStream.From(FileResolver.Find(scope.Api, id, match)), ["path"]);
    }

    /// <summary>Create a folder</summary>
    [Command("mkdir")]
    public async Task<Result> Mkdir(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        var (folder, name) = FileResolver.Split(c.Args.NextString("path"));
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, folder);
        var created = await scope.Api.CreateAsync($"files/{id}/files", new JsonObject { ["name"] = name, ["type"] = "folder" });
        return Result.Status($"created: {created?["name"]} (id={created?["id"]})");
    }

    /// <summary>Rename an entry</summary>
    [Command("rename")]
    public async Task<Result> Rename(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, c.Args.NextString("source path"));
        string name = c.Args.NextString("new name");
        await scope.Api.UpdateAsync($"files/{id}", new JsonObject { ["name"] = name });
        return Result.Status($"renamed to {name}");
    }

    /// <summary>Delete entries (path or %id:&lt;file_id&gt;)</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        var paths = c.Args.NextMultiple("path");
        var rows = new JsonArray();
        foreach (var p in paths)
        {
            string path = p?.ToString() ?? "";
            string id = await Gen4Files.FileIdAsync(scope, path);
            await scope.Api.DeleteAsync($"files/{id}");
            rows.Add((JsonNode)new JsonObject { ["path"] = path, ["status"] = "deleted" });
        }
        return rows.Count == 1 ? Result.SingleObject((JsonObject)rows[0]!.DeepClone()) : Result.ObjectList(rows, ["path", "status"]);
    }

    /// <summary>Show file information</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await Gen4Files.NextFileIdAsync(scope, c);
        return Result.SingleObject(await scope.Api.ReadAsync($"files/{id}") as JsonObject ?? []);
    }

    /// <summary>Modify file properties</summary>
    [Command("modify")]
    public async Task<Result> Modify(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await Gen4Files.NextFileIdAsync(scope, c);
        var update = c.Args.NextValue("update data") as JsonObject ?? throw CliException.BadArgument("update data: expecting Hash");
        await scope.Api.UpdateAsync($"files/{id}", update);
        return Result.Status("Done");
    }

    /// <summary>Show node URL, credentials and file id for the folder</summary>
    [Command("node_info")]
    public async Task<Result> NodeInfo(CommandContext c) => Result.SingleObject(await Info(c));

    /// <summary>Generate a bearer token for the folder</summary>
    [Command("bearer_token_node")]
    public async Task<Result> BearerTokenNode(CommandContext c)
    {
        string password = (await Info(c))["password"]?.ToString() ?? "";
        if (!NodeConnection.IsBearer(password)) throw CliException.Runtime("not bearer token");
        return Result.Status(password);
    }

    private async Task<JsonObject> Info(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, c.Args.NextString("path"));
        return new JsonObject
        {
            ["url"] = scope.Api.BaseUrl,
            ["root_id"] = id,
            ["username"] = scope.Api.Credentials.Username,
            ["password"] = scope.Api.Credentials.Password,
        };
    }

    /// <summary>Upload files (destination: --to-folder)</summary>
    [Command("upload")]
    public async Task<Result> Upload(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, plugin.Transfer.DestinationFolder(TransferRunner.DirectionSend));
        var spec = await Gen4TransferSpec.BuildAsync(scope.Api, id, TransferRunner.DirectionSend, plugin.Options.DefaultPorts != false);
        return TransferRunner.ResultOf(await plugin.Transfer.StartAsync(spec, c.Args));
    }

    /// <summary>Download files (all sources in one folder)</summary>
    [Command("download")]
    public async Task<Result> Download(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        var sources = (plugin.Transfer.SourcePaths(c.Args) ?? []).Select(static s => s?["source"]?.ToString() ?? "").ToList();
        if (sources.Count == 0) throw CliException.BadArgument("missing source");
        string folder = sources[0];
        var rest = sources.Skip(1).ToList();
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, folder);
        if (rest.Count == 0)
        {
            var info = await scope.Api.ReadAsync($"files/{id}") as JsonObject ?? [];
            switch (info["type"]?.ToString())
            {
                case "file":
                    var (parent, name) = FileResolver.Split(folder);
                    rest = [name];
                    id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, parent);
                    break;
                case "link" or "folder":
                    rest = ["."];
                    break;
                case var other: throw CliException.Runtime($"Unknown source type: {other}");
            }
        }
        var spec = await Gen4TransferSpec.BuildAsync(scope.Api, id, TransferRunner.DirectionReceive, plugin.Options.DefaultPorts != false);
        spec["paths"] = new JsonArray([.. rest.Select(static r => (JsonNode)new JsonObject { ["source"] = r })]);
        return TransferRunner.ResultOf(await plugin.Transfer.StartAsync(spec, c.Args));
    }

    /// <summary>Download one file over HTTP</summary>
    [Command("http_node_download")]
    public async Task<Result> HttpNodeDownload(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        var sources = (plugin.Transfer.SourcePaths(c.Args) ?? []).Select(static s => s?["source"]?.ToString() ?? "").ToList();
        if (sources.Count > 2 || sources.Count == 0) throw CliException.BadArgument("one file at a time only in HTTP mode");
        string path = sources.Count == 2 ? sources[0].TrimEnd('/') + "/" + sources[1] : sources[0];
        string name = FileResolver.Split(path).Name;
        string id = await FileResolver.ResolveAsync(scope.Api, scope.RootId, path);
        string target = Path.Combine(plugin.Transfer.DestinationFolder(TransferRunner.DirectionReceive), name);
        await scope.Api.CallAsync(new RestRequest("GET", $"files/{id}/content") { SaveToFile = target });
        return Result.Status($"downloaded: {name}");
    }
}
