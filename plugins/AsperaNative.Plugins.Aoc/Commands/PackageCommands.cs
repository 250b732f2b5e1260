using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Config;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen4;
using AsperaNative.Output;
using AsperaNative.Plugins.Aoc.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Aoc.Commands;

/// <summary>Packages of the current workspace</summary>
[CommandGroup("aoc packages")]
internal sealed class PackageCommands(AocPlugin plugin, AocOptions aocOptions, CommandOptions options, GlobalOptions global, NodeOptions node, OutputOptions output, TransferRunner transfer)
{
    private static readonly string[] ListFields = ["id", "name", "bytes_transferred"];
    private AocConnection Aoc => plugin.Aoc;

    /// <summary>List received packages (--query)</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext c)
    {
        var (api, workspace) = await ContextAsync(c);
        var query = BaseQuery();
        if (options.Query is JsonObject user) foreach (var (k, v) in user) query[k] = v?.DeepClone();
        else if (options.Query is not null) throw CliException.BadArgument("query: expecting a Hash");
        await AdjustQueryAsync(api, query, workspace);
        return Result.ObjectList(AocPager.List(api, "packages", query), ListFields, TotalLine.WhenAnnounced);
    }

    /// <summary>Show a package</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext c, [Argument("identifier", Name = "id")] string id)
    {
        var (api, _) = await ContextAsync(c);
        return Result.SingleObject(await api.ReadAsync($"packages/{id}") as JsonObject ?? []);
    }

    /// <summary>Delete package(s)</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c, [Argument("identifier", Name = "id", Bulk = true, Types = "String,Integer")] JsonNode ids)
    {
        var (api, _) = await ContextAsync(c);
        bool bulk = options.Bulk == true;
        var rows = new JsonArray();
        foreach (var one in bulk ? ((JsonArray)ids).ToList() : [ids])
        {
            if (one is not JsonValue v || (!JsonScalar.TryGetText(v, out string? _) && !v.TryGetValue(out long _)))
                throw CliException.Assertion($"identifier: expecting one of [String, Integer], but have {Core.Commands.ArgumentBinder.RubyClass(one)}");
            string id = AocLink.Text(one);
            var row = new JsonObject { ["id"] = one.DeepClone() };
            try
            {
                await api.DeleteAsync($"packages/{id}");
                row["status"] = "deleted";
            }
            catch (CliException e) when (options.Bfail == false) { row["status"] = e.Message; }
            rows.Add((JsonNode)row);
        }
        string[] fields = ["id", "status"];
        return bulk ? Result.ObjectList(rows, fields) : Result.SingleObject((JsonObject)rows[0]!.DeepClone(), fields);
    }

    /// <summary>Send a package (recipients, name, ...) with the given files</summary>
    [Command("send")]
    public async Task<Result> Send(CommandContext c, [Argument("parameters for send", Name = "params")] JsonObject package,
        [Argument("source file list", Name = "source")] PendingArguments sources)
    {
        var (api, workspace) = await ContextAsync(c);
        var created = await new PackageSender(Aoc, aocOptions).CreateAsync(api, workspace, package);
        await SendContentAsync(api, created, sources);
        return Result.SingleObject(created);
    }

    /// <summary>Uploads the files of a created package (a new node token, the package's contents folder).</summary>
    private async Task SendContentAsync(RestClient api, JsonObject created, PendingArguments? sources)
    {
        var spec = await PackageSender.UploadSpecAsync(Aoc, api, created, node.DefaultPorts != false);
        TransferRunner.ResultOf(await transfer.StartAsync(spec, sources));
    }

    /// <summary>Download package(s) (ALL, INIT with --once-only)</summary>
    [Command("receive|recv")]
    public async Task<Result> Receive(CommandContext c, [Argument("identifier", Name = "id", Bulk = true, Types = "String")] JsonNode id,
        [Argument("source file list", Name = "source")] PendingArguments sources)
    {
        var (api, workspace) = await ContextAsync(c);
        bool once = global.OnceOnly == true;
        string given = id is JsonValue gv && JsonScalar.TryGetText(gv, out string? gs) ? gs : "";
        JsonObject? link = Aoc.Link.IsPublic ? await Aoc.UrlTokenAsync() : null;
        if (link is not null)
        {
            string purpose = AocLink.Text(link["purpose"]);
            if (purpose != "view_received_package") throw CliException.Assertion($"public link type: expecting one of [\"view_received_package\"], but have \"{purpose}\"");
            given = AocLink.Text(link["data"]?["package_id"]);
            id = given;
        }
        var self = link is null ? await Aoc.UserInfoAsync() : [];
        // ascli's id: the url (its host), the workspace, the user (not for a public link), as token cache ids are made
        string stateId = Auth.Cache.TokenCache.Id(["aoc_recv", plugin.Basic.Url, workspace.Id, .. link is null ? new[] { AocLink.Text(self["id"]) } : []]);
        var state = new OnceOnlyState(Aoc.Persistency, stateId, once);
        var skip = (state.Load() as JsonArray)?.Select(static i => AocLink.Text(i)).ToList() ?? [];
        List<string> ids;
        if (given is "ALL" or "INIT")
        {
            JsonObject query;
            if (options.Query is JsonObject user) query = (JsonObject)user.DeepClone();
            else query = BaseQuery();
            await AdjustQueryAsync(api, query, workspace);
            var all = await AocPager.ReadAllAsync(api, "packages", query);
            var every = all.Items.Select(static p => AocLink.Text(p?["id"])).ToList();
            if (given == "INIT")
            {
                if (!once) throw CliException.Assertion("Only with option once_only");
                SaveSkip(state, every);
                return Result.Status($"Initialized skip for {every.Count} package(s)");
            }
            ids = every.Where(i => !skip.Contains(i)).ToList();
        }
        else ids = options.Bulk == true && id is JsonArray a ? a.Select(static i => AocLink.Text(i)).ToList() : [AocLink.Text(id)];
        var paths = sources.IsEmpty
            ? new JsonArray(new JsonObject { ["source"] = "." })
            : new JsonArray([.. sources.Multiple().Select(static s => (JsonNode)new JsonObject { ["source"] = AocLink.Text(s) })]);
        c.Status($"found {ids.Count} package(s).");
        var rows = new JsonArray();
        Exception? failure = null;
        foreach (string packageId in ids)
        {
            var package = await api.ReadAsync($"packages/{packageId}") as JsonObject ?? [];
            c.Status($"downloading package: [{packageId}] {AocLink.Text(package["name"])}");
            var nodeApi = await Aoc.NodeApiAsync(AocLink.Text(package["node_id"]), new AocNodeUse(workspace, "packages", package));
            var spec = await Gen4TransferSpec.BuildAsync(nodeApi, AocLink.Text(package["contents_file_id"]), TransferRunner.DirectionReceive,
                node.DefaultPorts != false, new JsonObject { ["paths"] = paths.DeepClone() });
            var statuses = await transfer.StartAsync(spec, null);
            rows.Add((JsonNode)new JsonObject { ["package"] = packageId, ["status"] = string.Join(',', statuses.Select(static s => s.Success ? "success" : s.Error?.Message)) });
            if (statuses.All(static s => s.Success))
            {
                skip.Add(packageId);
                // merged with what a concurrent run received meanwhile: neither receives a package twice
                if (once) state.Merge(new JsonArray([.. skip.Select(static i => (JsonNode)i)]));
            }
            else failure ??= statuses.First(static s => !s.Success).Error;
        }
        if (failure is not null) throw failure is CliException ce ? ce : CliException.Runtime(failure.Message);
        return Result.ObjectList(rows, ["package", "status"]);
    }

    private void SaveSkip(OnceOnlyState state, List<string> ids)
    {
        // an empty list is no file
        if (ids.Count == 0) { if (state.Enabled) Aoc.Persistency.Delete(state.Id); return; }
        state.Save(new JsonArray([.. ids.Select(static i => (JsonNode)i)]));
    }

    /// <summary>Browse package content</summary>
    [Command("browse")]
    public async Task<Result> Browse(CommandContext c, [Argument("identifier", Name = "id")] string id, [Argument("path")] string path)
        => await (await ContentCommandsAsync(c, id)).Browse(path);

    /// <summary>Find files in a package</summary>
    [Command("find")]
    public async Task<Result> Find(CommandContext c, [Argument("identifier", Name = "id")] string id, [Argument("path")] string path, [Argument("filter")] JsonNode? filter = null)
        => await (await ContentCommandsAsync(c, id)).Find(path, filter);

    /// <summary>Node access info for a package folder</summary>
    [Command("node_info")]
    public async Task<Result> NodeInfo(CommandContext c, [Argument("identifier", Name = "id")] string id, [Argument("path")] string path)
        => await (await ContentCommandsAsync(c, id)).NodeInfo(path);

    /// <summary>Bearer token for a package folder</summary>
    [Command("bearer_token_node")]
    public async Task<Result> BearerTokenNode(CommandContext c, [Argument("identifier", Name = "id")] string id, [Argument("path")] string path)
        => await (await ContentCommandsAsync(c, id)).BearerTokenNode(path);

    /// <summary>The gen4 commands on a package's contents folder.</summary>
    private async Task<Gen4FileCommands> ContentCommandsAsync(CommandContext c, string id)
    {
        var (api, workspace) = await ContextAsync(c);
        var package = await api.ReadAsync($"packages/{id}") as JsonObject ?? [];
        var nodeApi = await Aoc.NodeApiAsync(AocLink.Text(package["node_id"]), new AocNodeUse(workspace, "packages", package));
        var files = new Gen4Files(nodeApi, AocLink.Text(package["contents_file_id"]), plugin.Context);
        return new Gen4FileCommands(files, node, options, output, transfer);
    }

    private static JsonObject BaseQuery() => new()
    {
        ["archived"] = false,
        ["has_content"] = true,
        ["received"] = true,
        ["completed"] = true,
    };

    /// <summary>ascli's package query rules: <c>dropbox_name</c> becomes <c>dropbox_id</c>, the workspace and <c>exclude_dropbox_packages</c> are added.</summary>
    private static async Task AdjustQueryAsync(RestClient api, JsonObject query, AocWorkspace workspace)
    {
        if (query.Remove("dropbox_name", out var name))
        {
            if (query.ContainsKey("dropbox_id")) throw CliException.Runtime("not both dropbox_name and dropbox_id");
            query["dropbox_id"] = await AocLookup.IdAsync(api, "dropboxes", AocLink.Text(name));
        }
        if (!query.ContainsKey("workspace_id")) query["workspace_id"] = workspace.Id;
        if (!query.ContainsKey("exclude_dropbox_packages")) query["exclude_dropbox_packages"] = !query.ContainsKey("dropbox_id");
    }

    /// <summary>The packages context: the workspace, and its status line.</summary>
    private async Task<(RestClient Api, AocWorkspace Workspace)> ContextAsync(CommandContext c) => await PackageContext.OfAsync(plugin, c);
}

/// <summary>The workspace of packages commands, read once with its status line.</summary>
internal static class PackageContext
{
    public static async Task<(RestClient Api, AocWorkspace Workspace)> OfAsync(AocPlugin plugin, CommandContext c)
    {
        var api = await plugin.Aoc.ApiAsync();
        bool first = !plugin.Aoc.WorkspaceKnown;
        var workspace = await plugin.Aoc.WorkspaceAsync();
        if (first) c.Status($"Workspace: {workspace.Name}");
        return (api, workspace);
    }
}

/// <summary>Shared inboxes</summary>
[CommandGroup("aoc packages shared_inboxes")]
internal sealed class SharedInboxCommands(AocPlugin plugin, CommandOptions options)
{
    /// <summary>List shared inboxes of the user</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext c)
    {
        var (api, workspace) = await PackageContext.OfAsync(plugin, c);
        var query = options.Query ?? new JsonObject
        {
            ["embed[]"] = "dropbox",
            ["aggregate_permissions_by_dropbox"] = true,
            ["sort"] = "dropbox_name",
            ["workspace_id"] = workspace.Id,
        };
        return Result.ObjectList(AocPager.List(api, "dropbox_memberships", query), ["dropbox_id", "dropbox.name"], TotalLine.WhenAnnounced);
    }

    /// <summary>Show one shared inbox</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext c, [Argument("identifier", Name = "id")] string id)
    {
        var (api, _) = await PackageContext.OfAsync(plugin, c);
        return Result.SingleObject(await api.ReadAsync($"dropboxes/{await InboxIdAsync(plugin, api, id)}") as JsonObject ?? []);
    }

    public static async Task<string> InboxIdAsync(AocPlugin plugin, RestClient api, string given)
    {
        if (!given.StartsWith('%') || given.IndexOf(':') is not (> 0 and var colon)) return given;
        AocLookup.CheckField(given[1..colon]);
        var value = Core.ExtendedValues.ExtendedValue.Evaluate(given[(colon + 1)..], plugin.Context.ExtendedValues);
        return await AocLookup.IdAsync(api, "dropboxes", AocLink.Text(value));
    }
}

/// <summary>Public/private links to a shared inbox</summary>
[CommandGroup("aoc packages shared_inboxes short_link <id:identifier> {type:public|private}")]
internal sealed class SharedInboxShortLinkCommands(AocPlugin plugin, CommandOptions options)
{
    /// <summary>Create the link</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c) => Result.SingleObject(await (await LinksAsync(c)).CreateAsync());

    /// <summary>List links</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext c) => (await LinksAsync(c)).List(options.Query);

    /// <summary>Delete a link</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c, [Argument("identifier", Name = "link_id")] string id) => await (await LinksAsync(c)).DeleteAsync(id);

    private async Task<ShortLinks> LinksAsync(CommandContext c)
    {
        var (api, workspace) = await PackageContext.OfAsync(plugin, c);
        string inbox = await SharedInboxCommands.InboxIdAsync(plugin, api, c.Identifier("id"));
        var shared = new JsonObject { ["workspace_id"] = workspace.Id, ["dropbox_id"] = inbox, ["name"] = "" };
        return new ShortLinks(api, shared, "send_package_to_dropbox", c.Identifier("type") == "public");
    }
}
