using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Faspex.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Errors;

namespace AsperaNative.Plugins.Faspex.Commands;

/// <summary>Packages (box: --box)</summary>
[CommandGroup("faspex package")]
internal sealed partial class PackageCommands(FaspexPlugin plugin, GlobalOptions global, TransferRunner transfer, RunFolders folders, PluginContext context)
{
    private const string All = "ALL";
    private const string Init = "INIT";
    private static readonly string[] ListFields = [Mailbox.PackageIdField, "title", "items"];
    private static readonly string[] SubmissionPaths = ["external/submissions/new", "external/dropbox_submissions/new"];
    private const string DeliveriesPath = "external_deliveries/";

    private FaspexOptions Faspex => plugin.Options;

    /// <summary>List packages of box (--query)</summary>
    [Command("list")]
    public Result List() => Result.ObjectList(Stream(plugin.Mailbox()), ListFields);

    /// <summary>Show a package</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id")] string id)
    {
        var found = await FindAsync(plugin.Mailbox(), id);
        return found is null ? new Result(ResultKind.SingleObject, null) : Result.SingleObject(found);
    }

    /// <summary>Send package (--delivery-info, --remote-source, --link)</summary>
    [Command("send")]
    public async Task<Result> Send([Argument("source file list", Name = "source")] PendingArguments sources)
    {
        if (Faspex.RequiredDeliveryInfo is not JsonObject delivery)
            throw CliException.BadArgument($"assertion failed: delivery_info: expecting Hash, but have {RubyInspect.Inspect(Faspex.DeliveryInfo)}");
        delivery = (JsonObject)delivery.DeepClone();
        var create = new JsonObject { ["delivery"] = delivery };
        JsonObject spec;
        if (Faspex.Link is { } link)
        {
            spec = await SubmissionSpecAsync(link, create, delivery, sources);
        }
        else
        {
            if (delivery["sources"] is not JsonArray list)
                delivery["sources"] = list = new JsonArray(new JsonObject { ["paths"] = new JsonArray() });
            var first = list[0] as JsonObject ?? throw CliException.Other("NoMethodError", "undefined method `[]' for nil");
            var paths = first["paths"] as JsonArray ?? throw CliException.Other("NoMethodError", "undefined method `concat' for nil");
            foreach (var path in SourceList(sources)) paths.Add(path);
            if (Faspex.RemoteSource is { } remote)
                first["id"] = await FaspexPlugin.SourceIdAsync(remote, plugin.SourcesAsync, context.ExtendedValues);
            var created = await plugin.V3.CreateAsync("send", create) as JsonObject ?? [];
            // a remote source: Faspex transfers the files itself
            if (first.ContainsKey("id")) return Result.ValueList(new JsonArray(created["links"]?["status"]?.DeepClone()), "link");
            if (created["xfer_sessions"] is not JsonArray sessions || sessions.Count != 1 || sessions[0] is not JsonObject session)
                throw CliException.BadArgument("expecting one session exactly");
            spec = (JsonObject)session.DeepClone();
            // the session only holds the destination (already in destination_root): sources are the command line's
            spec.Remove("paths");
        }
        return TransferRunner.ResultOf(await transfer.StartAsync(spec, sources));
    }

    /// <summary>Download package(s) (ALL, INIT; or --link)</summary>
    [Command("receive")]
    public async Task<Result> Receive([Argument("identifier", Name = "id")] PendingArguments arguments)
    {
        var packages = new List<(string? Id, string? Uri)>();
        var skip = new JsonArray();
        PersistencyFolder? persistency = null;
        string? persistencyId = null;
        string? link = Faspex.Link;
        if (link is null)
        {
            if (global.OnceOnly == true)
            {
                persistency = folders.Persistency;
                persistencyId = PersistencyId("faspex_recv", plugin.Auth.RequiredUrl, plugin.Auth.RequiredUsername, Faspex.Box ?? "inbox");
                if (persistency.Get(persistencyId) is { } saved && JsonNode.Parse(saved) is JsonArray previous)
                    foreach (var item in previous) if (!skip.Any(s => JsonNode.DeepEquals(s, item))) skip.Add(item?.DeepClone());
            }
            string id = arguments.NextString();
            if (id.Length == 0) throw CliException.Runtime("empty id");
            if (id == All)
            {
                await foreach (var entry in plugin.Mailbox().EntriesAsync())
                    packages.Add((Mailbox.Text(entry[Mailbox.PackageIdField]), PackageLink(entry, raiseNoLink: false)));
            }
            else if (id == Init)
            {
                if (persistency is null) throw CliException.Assertion("Only with option once_only");
                skip.Clear();
                await foreach (var entry in plugin.Mailbox().EntriesAsync())
                    skip.Add((JsonNode)new JsonObject { ["id"] = entry[Mailbox.PackageIdField]?.DeepClone() });
                Save(persistency, persistencyId!, skip);
                return Result.Status($"Initialized skip for {skip.Count} package(s)");
            }
            else if (Faspex.Recipient is { } recipient && recipient.StartsWith('*'))
            {
                var entry = await FindAsync(plugin.Mailbox(), id) ?? throw CliException.Other("NoMethodError", "undefined method `[]' for nil");
                string? href = Mailbox.Text((entry["link"] as JsonArray)?[0]?["href"]);
                if (href is null) throw CliException.Runtime($"Not Found. Dropbox and Workgroup packages can use the link option with {FaspeUri.Scheme}");
                packages.Add((id, href));
            }
            else
            {
                string endpoint = Faspex.Box == "sent" ? "sent" : "received";
                var response = await plugin.V3.CallAsync(new RestRequest("GET", $"{endpoint}/{id}") { Headers = AcceptXml });
                packages.Add((id, PackageLink(Faspex4Xml.Parse(response.Text, Faspex4Xml.AllLists), raiseNoLink: true)));
            }
        }
        else if (FaspeUri.IsFaspe(link))
        {
            packages.Add(("package", link));
        }
        else
        {
            var data = PublicLink.Parse(link);
            if (!data.Subpath.StartsWith(DeliveriesPath, StringComparison.Ordinal))
                throw CliException.BadArgument($"Pub link is {data.Subpath}. Expecting {DeliveriesPath}");
            var response = await plugin.Rest.Create(data.BaseUrl).CallAsync(new RestRequest("GET", data.Subpath)
            {
                Headers = AcceptXml,
                Query = new JsonObject { ["passcode"] = data.Passcode },
            });
            if (!response.Text.StartsWith("<?xml ", StringComparison.Ordinal))
            {
                Auth.Browser.Open(new Uri(link), global.Ui, context.Terminal.Out);
                throw CliException.Tool("Unexpected response: package not found ?");
            }
            var entry = Faspex4Xml.Parse(response.Text, Faspex4Xml.NoLists);
            packages.Add((Mailbox.Text(entry["id"]), PackageLink(entry, raiseNoLink: true)));
        }
        packages.RemoveAll(p => skip.Any(s => Mailbox.Text(s) == p.Id && s is JsonValue));
        if (packages.Count == 0) return Result.Status("no new package");
        var rows = new JsonArray();
        Exception? failure = null;
        foreach (var (id, uri) in packages)
        {
            IReadOnlyList<SessionStatus> statuses;
            if (uri is null) statuses = [SessionStatus.Ok];
            else
            {
                var spec = FaspeUri.TransferSpec(uri, Core.Commands.CoreServices.Log(context));
                // only external users' links carry a token: others get one for the link
                if (!spec.ContainsKey("token")) spec["token"] = await IssueTokenAsync(uri);
                spec["direction"] = TransferRunner.DirectionReceive;
                statuses = await transfer.StartAsync(spec, null);
            }
            var worst = statuses.FirstOrDefault(static s => !s.Success);
            failure ??= worst?.Error;
            rows.Add((JsonNode)new JsonObject { ["package"] = id, ["status"] = string.Join(',', statuses.Select(static s => s.Success ? "success" : s.Error!.Message)) });
            if (worst is null) skip.Add((JsonNode?)JsonValue.Create(id));
        }
        // merged with what a concurrent run saved meanwhile: none of its packages is received again
        if (persistency is not null) persistency.AddToList(persistencyId!, skip);
        if (failure is not null) throw failure is CliException e ? e : new TransferException(failure.Message);
        return Result.ObjectList(rows);
    }

    private static readonly IReadOnlyDictionary<string, string> AcceptXml = new Dictionary<string, string> { ["Accept"] = "application/xml" };

    private static async IAsyncEnumerable<JsonNode?> Stream(Mailbox mailbox)
    {
        await foreach (var entry in mailbox.EntriesAsync()) yield return entry;
    }

    private static async Task<JsonObject?> FindAsync(Mailbox mailbox, string id)
    {
        JsonObject? found = null;
        await foreach (var entry in mailbox.EntriesAsync(stopAtId: id))
            if (found is null && Mailbox.Text(entry[Mailbox.PackageIdField]) == id) found = entry;
        return found;
    }

    /// <summary>The href of the entry's <c>package</c> link (ascli's <c>get_fasp_uri_from_entry</c>).</summary>
    private static string? PackageLink(JsonObject entry, bool raiseNoLink)
    {
        if (!entry.ContainsKey("link"))
        {
            if (raiseNoLink) throw CliException.BadArgument("package has no link (deleted?)");
            return null;
        }
        var links = entry["link"] as JsonArray ?? throw CliException.Other("NoMethodError", "undefined method `find' for an instance of Hash");
        var package = links.OfType<JsonObject>().FirstOrDefault(static l => Mailbox.Text(l["rel"]) == "package")
            ?? throw CliException.Other("NoMethodError", "undefined method `[]' for nil");
        return Mailbox.Text(package["href"]);
    }

    /// <summary>A transfer token for a package link: <c>POST issue-token?direction=down</c> with the link in a URL list.</summary>
    private async Task<string> IssueTokenAsync(string uri)
    {
        string xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><url-list xmlns=\"http://schemas.asperasoft.com/xml/url-list\"><url href=\"{uri.Replace("&", "&amp;", StringComparison.Ordinal)}\"/></url-list>";
        var response = await plugin.V3.CallAsync(new RestRequest("POST", "issue-token")
        {
            Query = new JsonObject { ["direction"] = "down" },
            Text = xml,
            TextContentType = "application/vnd.aspera.url-list+xml",
            Headers = new Dictionary<string, string> { ["Accept"] = "text/plain" },
        });
        return response.Text;
    }

    /// <summary>The transfer spec of a submission through a public link (the answer is a script carrying the spec).</summary>
    private async Task<JsonObject> SubmissionSpecAsync(string link, JsonObject create, JsonObject delivery, PendingArguments sources)
    {
        var data = PublicLink.Parse(link);
        if (!SubmissionPaths.Contains(data.Subpath)) throw CliException.BadArgument($"pub link is {data.Subpath}, expecting external/submissions/new");
        string createPath = data.Subpath[..data.Subpath.LastIndexOf('/')];
        create["passcode"] = data.Passcode;
        delivery["transfer_type"] = "connect";
        delivery["source_paths_list"] = string.Join("\r\n", SourceList(sources).Select(static p => RubyToS.Of(p)));
        var response = await plugin.Rest.Create(data.BaseUrl).CallAsync(new RestRequest("POST", createPath)
        {
            Json = create,
            Headers = new Dictionary<string, string> { ["Accept"] = "text/javascript" },
        });
        string script = response.Text.Replace("\n", "", StringComparison.Ordinal);
        script = ScriptHeader().Replace(script, "{");
        script = ScriptTrailer().Replace(script, "\"");
        script = ArgumentSeparator().Replace(script, "},\"");
        script = script.Replace("\\\"", "\"", StringComparison.Ordinal);
        try
        {
            if (JsonNode.Parse($"[{script}]") is JsonArray { Count: > 0 } parsed && parsed[0] is JsonObject spec) return (JsonObject)spec.DeepClone();
        }
        catch (System.Text.Json.JsonException)
        {
        }
        throw CliException.Runtime("Unexpected response: missing metadata ?");
    }

    /// <summary>ascli's <c>transfer.source_list</c>: the source paths of the transfer (command line or <c>--sources</c>).</summary>
    private List<JsonNode> SourceList(PendingArguments sources)
        => [.. (transfer.SourcePaths(sources) ?? []).Select(static p => p?["source"]?.DeepClone() ?? JsonValue.Create(""))];

    /// <summary>ascli's <c>IdGenerator.from_list</c>: https URLs reduced to their host, parts joined, file-name safe, lower case.</summary>
    private static string PersistencyId(params string[] parts)
    {
        string joined = string.Join('_', parts.Select(static p => p.StartsWith("https://", StringComparison.Ordinal) && Uri.TryCreate(p, UriKind.Absolute, out var u) ? u.Host : p));
        return ProtectedCharacters().Replace(joined, "_").Replace('.', '_').ToLowerInvariant();
    }

    /// <summary>Saves the once-only list, or deletes it when empty (ascli's persistency).</summary>
    private static void Save(PersistencyFolder folder, string id, JsonArray data)
    {
        if (data.Count > 0) folder.Put(id, data.ToJsonString());
        else if (folder.Get(id) is not null) folder.Delete(id);
    }

    [GeneratedRegex("^[^\"]+\\(\"\\{")]
    private static partial Regex ScriptHeader();

    [GeneratedRegex("\"\\);[^\"]+$")]
    private static partial Regex ScriptTrailer();

    [GeneratedRegex("\\}\", *\"")]
    private static partial Regex ArgumentSeparator();

    [GeneratedRegex("[/:\"<>\\\\*?]")]
    private static partial Regex ProtectedCharacters();
}
