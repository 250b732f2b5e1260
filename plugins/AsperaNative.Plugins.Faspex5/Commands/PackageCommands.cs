// Faspex 5 packages ({url}/api/v5): <box>/packages (offset paging), packages/<id>, packages/<id>/upload_details,
// packages/<id>/files/received|sent (browse), DELETE packages, POST packages, packages/<id>/transfer_spec/upload|download,
// packages/<id>/remote_transfer, contacts (recipients). Manual: "Plugin: faspex5", packages; docs/products/faspex5.md §4, §6.
using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Faspex5.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Errors;

namespace AsperaNative.Plugins.Faspex5.Commands;

/// <summary>Packages (box: --box)</summary>
[CommandGroup("faspex5 packages")]
internal sealed class PackageCommands(Faspex5Plugin plugin, CommandOptions options)
{
    /// <summary>The boxes that the API lists as <c>&lt;box&gt;/packages</c>; any other value names a shared inbox or workgroup.</summary>
    public static readonly string[] Mailboxes = ["inbox", "inbox_history", "inbox_all", "inbox_all_history", "outbox", "outbox_history", "pending", "pending_history", "all"];
    /// <summary>Every package of every user (admin).</summary>
    public const string AllBoxes = "ALL";
    private const string TransferType = "connect";
    private static readonly string[] ListFields = ["id", "title", "release_date", "total_bytes", "total_files", "created_time", "state"];
    private static readonly string[] RecipientTypes = ["user", "workgroup", "external_user", "distribution_list", "shared_inbox"];
    private static readonly string[] UploadTerminated = ["completed", "failed"];

    /// <summary>List packages of --box</summary>
    [Command("list")]
    public async Task<Result> List([Argument("filter", Types = "Proc")] JsonNode? filter = null)
        => Result.ObjectList(await ListBoxAsync(options.Query ?? new JsonObject()), ListFields);

    /// <summary>Show a package</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id")] PendingArguments args)
    {
        var id = await PackageIdAsync(args);
        return Result.SingleObject(await (await plugin.ApiAsync()).Rest.ReadAsync($"packages/{Faspex5Plugin.Text(id)}") as JsonObject ?? []);
    }

    /// <summary>Upload status of a package</summary>
    [Command("status")]
    public async Task<Result> Status([Argument("identifier", Name = "id")] PendingArguments args)
    {
        string id = Faspex5Plugin.Text(await PackageIdAsync(args));
        return Result.SingleObject(await UploadStatusAsync(await plugin.ApiAsync(), id));
    }

    /// <summary>Browse package content</summary>
    [Command("browse")]
    public async Task<Result> Browse([Argument("identifier", Name = "id")] PendingArguments args)
    {
        string id = Faspex5Plugin.Text(await PackageIdAsync(args));
        string location = plugin.Options.Box switch
        {
            "inbox" => "received",
            "outbox" => "sent",
            _ => throw CliException.Runtime("Browse only available for inbox and outbox"),
        };
        string folder = args.IsEmpty ? "/" : Faspex5Plugin.Text(args.Next(mandatory: false)) is { Length: > 0 } f ? f : "/";
        return Result.ObjectList((await plugin.ApiAsync()).Browse($"packages/{id}/files/{location}", folder, options.Query));
    }

    /// <summary>Delete package(s)</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("identifier", Name = "id")] PendingArguments args)
    {
        var given = await PackageIdAsync(args);
        var ids = given as JsonArray ?? new JsonArray(given?.DeepClone());
        if (!ids.All(static i => i is JsonValue v && JsonScalar.TryGetText(v, out string? _)))
            throw CliException.Assertion($"Package id(s) shall be String, but have: {string.Join(", ", ids.Select(ArgumentBinder.RubyClass).Distinct())}");
        await (await plugin.ApiAsync()).Rest.CallAsync(new RestRequest("DELETE", "packages") { Headers = Faspex5Api.AcceptJson, Json = new JsonObject { ["ids"] = ids.DeepClone() } });
        return Result.Status("Package(s) deleted");
    }

    /// <summary>Download package(s) (ALL, INIT with --once-only)</summary>
    [Command("receive")]
    public async Task<Result> Receive([Argument("identifier", Name = "id|ALL|INIT")] PendingArguments args)
    {
        var given = await PackageIdAsync(args);
        var api = await plugin.ApiAsync();
        var done = plugin.Folders.OnceOnly ? new ReceivedPackages(plugin.Folders.Persistency.Folder, Faspex5Ids.Received(plugin.Auth.RequiredUrl, plugin.Auth.RequiredUsername, plugin.Options.RequiredBox)) : null;
        var ids = new List<string>();
        switch (given is JsonValue gv && JsonScalar.TryGetText(gv, out string? word) ? word : null)
        {
            case "INIT":
            {
                if (done is null) throw CliException.Assertion("Only with option once_only");
                ReadFilter(args);
                var all = new List<string>();
                await foreach (var package in await ListBoxAsync(options.Query ?? new JsonObject())) all.Add(Faspex5Plugin.Text(package?["id"]));
                done.Replace(all);
                return Result.Status($"Initialized skip for {all.Count} package(s)");
            }
            case AllBoxes:
            {
                ReadFilter(args);
                await foreach (var package in await ListBoxAsync(options.Query ?? new JsonObject { ["status"] = "completed" }))
                {
                    string id = Faspex5Plugin.Text(package?["id"]);
                    if (done?.Contains(id) != true) ids.Add(id);
                }
                break;
            }
            default:
            {
                var list = given as JsonArray ?? new JsonArray(given?.DeepClone());
                if (!list.All(static i => i is JsonValue v && JsonScalar.TryGetText(v, out string? _))) throw CliException.Assertion("Package id shall be String");
                ids.AddRange(list.Select(Faspex5Plugin.Text));
                break;
            }
        }
        var body = new JsonObject();
        try
        {
            if (plugin.Transfer.SourcePaths(args) is { } paths)
                body["paths"] = new JsonArray([.. paths.Select(static p => (JsonNode)new JsonObject { ["path"] = p?["source"]?.DeepClone() })]);
        }
        catch (CliException e) when (e.Kind == "Argument")
        {
            // the files inside the package are optional
        }
        var query = new JsonObject { ["type"] = plugin.Options.Box?.Contains("outbox") == true ? "sent" : "received", ["transfer_type"] = TransferType };
        if (GroupBox() is { } group) query["recipient_workgroup_id"] = (await LookupGroupAsync(api, group))["id"]?.DeepClone();
        var rows = new JsonArray();
        Exception? failure = null;
        foreach (string id in ids)
        {
            plugin.Context.Status($"Receiving package {id}");
            var spec = await api.Rest.CallAsync(new RestRequest("POST", $"packages/{id}/transfer_spec/download") { Headers = Faspex5Api.AcceptJson, Query = query.DeepClone(), Json = body.DeepClone() });
            var ts = spec.Data as JsonObject ?? [];
            ts.Remove("authentication");
            var statuses = await plugin.Transfer.StartAsync(ts, args);
            rows.Add((JsonNode)new JsonObject { ["package"] = id, ["status"] = string.Join(',', statuses.Select(static s => s.Success ? "success" : s.Error!.Message)) });
            if (statuses.FirstOrDefault(static s => !s.Success) is { } bad) failure ??= bad.Error;
            else done?.Add(id);
        }
        if (failure is not null) throw failure is CliException c ? c : new TransferException(failure.Message);
        return Result.ObjectList(rows);
    }

    /// <summary>Send a package (files as args or --shared-folder)</summary>
    [Command("send")]
    public async Task<Result> Send([Argument("parameters for send", Name = "params")] JsonObject parameters, [Argument("source file list", Name = "source")] PendingArguments sources)
    {
        var connection = await plugin.ConnectionAsync();
        var api = connection.Api;
        if (connection.PublicContext is { } link && link.ContainsKey("recipient_type") && !parameters.ContainsKey("recipients"))
            parameters["recipients"] = new JsonArray(new JsonObject { ["name"] = link["name"]?.DeepClone(), ["recipient_type"] = link["recipient_type"]?.DeepClone() });
        await NormalizeRecipientsAsync(api, parameters);
        var package = await api.Rest.CreateAsync("packages", parameters) as JsonObject ?? [];
        string id = Faspex5Plugin.Text(package["id"]);
        if (plugin.Options.SharedFolder is not { } sharedFolder)
        {
            var paths = plugin.Transfer.SourcePaths(sources) ?? [];
            var request = new RestRequest("POST", $"packages/{id}/transfer_spec/upload")
            {
                Headers = Faspex5Api.AcceptJson,
                Query = new JsonObject { ["transfer_type"] = TransferType },
                Json = new JsonObject { ["paths"] = new JsonArray([.. paths.Select(static p => p?["source"]?.DeepClone())]) },
            };
            var ts = (await api.Rest.CallAsync(request)).Data as JsonObject ?? [];
            ts.Remove("authentication");
            return TransferRunner.ResultOf(await plugin.Transfer.StartAsync(ts, sources));
        }
        JsonNode? folderId = sharedFolder;
        if (plugin.Selector(sharedFolder) is { } s) folderId = (await api.LookupAsync("shared_folders", s.Field, s.Value))["id"]?.DeepClone();
        var files = plugin.Transfer.SourcePaths(sources) ?? [];
        var remote = new JsonObject { ["shared_folder_id"] = folderId, ["paths"] = new JsonArray([.. files.Select(static p => p?["source"]?.DeepClone())]) };
        var result = await api.Rest.CreateAsync($"packages/{id}/remote_transfer", remote) as JsonObject ?? [];
        result["id"] = id;
        if (Faspex5Plugin.Text(result["status"]) != "completed")
        {
            plugin.Context.Status($"Package {id}");
            while (true)
            {
                result = await UploadStatusAsync(api, id);
                if (UploadTerminated.Contains(Faspex5Plugin.Text(result["upload_status"]))) break;
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        return Result.SingleObject(result);
    }

    // ascli's normalize_recipients: names become {name, recipient_type} of the matching contact
    private static async Task NormalizeRecipientsAsync(Faspex5Api api, JsonObject parameters)
    {
        if (!parameters.TryGetPropertyValue("recipients", out var recipientsNode)) return;
        if (recipientsNode is not JsonArray recipients) throw CliException.Assertion($"recipients: expecting Array, but have {RubyInspect.Inspect(recipientsNode)}");
        IEnumerable<string> types = RecipientTypes;
        if (parameters.Remove("recipient_types", out var given))
            types = given is JsonArray a ? a.Select(Faspex5Plugin.Text) : [Faspex5Plugin.Text(given)];
        var typeQuery = new JsonArray(RestQuery.PhpArrayMarker);
        foreach (string t in types) typeQuery.Add((JsonNode)t);
        for (int i = 0; i < recipients.Count; i++)
        {
            if (recipients[i] is not JsonValue v || !JsonScalar.TryGetText(v, out string? name)) continue;
            var matched = await api.Rest.LookupByNameAsync("contacts", name, new JsonObject { ["context"] = "packages", ["type"] = typeQuery.DeepClone() });
            recipients[i] = new JsonObject { ["name"] = matched["name"]?.DeepClone(), ["recipient_type"] = matched["type"]?.DeepClone() };
        }
    }

    private static async Task<JsonObject> UploadStatusAsync(Faspex5Api api, string id)
    {
        var status = await api.Rest.ReadAsync($"packages/{id}/upload_details") as JsonObject ?? [];
        status["id"] = id;
        return status;
    }

    /// <summary>The package of the command: the public link's, else the next argument (no selector; a list with --bulk=yes).</summary>
    private async Task<JsonNode?> PackageIdAsync(PendingArguments args)
    {
        var connection = await plugin.ConnectionAsync();
        if (connection.PublicContext?["package_id"] is { } linked) return linked.DeepClone();
        if (options.Bulk == true) return args.Multiple();
        var id = args.Next();
        if (id is JsonValue v && JsonScalar.TryGetText(v, out string? text)) Faspex5Plugin.PlainId(text);
        return id;
    }

    // INIT and ALL: the optional filter slot (a Ruby Proc in ascli, which this build has no way to give)
    private static void ReadFilter(PendingArguments args)
    {
        if (args.IsEmpty) return;
        var filter = args.Next(mandatory: false);
        if (filter is not null) throw CliException.BadArgument($"Argument filter (Proc) is a {ArgumentBinder.RubyClass(filter)} but must be Proc");
    }

    /// <summary>The --box value when it names a shared inbox or workgroup.</summary>
    private string? GroupBox()
    {
        string box = plugin.Options.RequiredBox;
        return box == AllBoxes || Mailboxes.Contains(box) ? null : box;
    }

    private async Task<JsonObject> LookupGroupAsync(Faspex5Api api, string name)
    {
        string groupType = plugin.Options.GroupType ?? "shared_inboxes";
        return await api.LookupAsync(groupType, "name", JsonValue.Create(name));
    }

    /// <summary>The packages of --box, page after page (ascli's <c>list_packages_with_filter</c>).</summary>
    private async Task<ItemStream> ListBoxAsync(JsonNode query)
    {
        var api = await plugin.ApiAsync();
        string box = plugin.Options.RequiredBox;
        string path = box == AllBoxes ? "packages"
            : Mailboxes.Contains(box) ? $"{box}/packages"
            : $"{plugin.Options.GroupType ?? "shared_inboxes"}/{Faspex5Plugin.Text((await LookupGroupAsync(api, box))["id"])}/packages";
        return api.List(path, query, "packages");
    }
}

/// <summary>The persistency ids of the faspex5 plugin (ascli's IdGenerator rules: https URLs reduced to their host).</summary>
internal static class Faspex5Ids
{
    public static string Received(string url, string username, string box) => Auth.Cache.TokenCache.Id("faspex_recv", url, username, box);
}

/// <summary>
/// The packages already received with <c>--once-only=yes</c>: a JSON array of ids in <c>persist_store/&lt;id&gt;.txt</c>,
/// saved after each package (merged with what a concurrent run saved meanwhile), deleted when empty.
/// </summary>
internal sealed class ReceivedPackages
{
    private readonly PersistencyFolder _folder;
    private readonly string _id;
    private readonly List<string> _ids = [];

    public ReceivedPackages(string folder, string id)
    {
        _folder = new PersistencyFolder(folder);
        _id = id;
        if (_folder.Get(id) is { } text && JsonNode.Parse(text) is JsonArray saved)
            _ids.AddRange(saved.Select(Faspex5Plugin.Text));
    }

    public bool Contains(string id) => _ids.Contains(id);

    public void Add(string id)
    {
        var stored = _folder.AddToList(_id, new JsonArray([.. _ids.Append(id).Select(static i => (JsonNode)i)]));
        _ids.Clear();
        _ids.AddRange(stored.Select(Faspex5Plugin.Text));
    }

    public void Replace(IEnumerable<string> ids)
    {
        _ids.Clear();
        _ids.AddRange(ids);
        if (_ids.Count == 0) _folder.Delete(_id);
        else _folder.Put(_id, new JsonArray([.. _ids.Select(static i => (JsonNode)i)]).ToJsonString());
    }
}
