// Plugin faspex: IBM Aspera Faspex 4 (end of support). API v3 below --url (e.g. https://host/aspera/faspex:
// <box>.atom feeds, received/<id>, sent/<id>, send, issue-token, source_shares, dropboxes, me, address-book,
// login/new) with HTTP Basic; API v4 below <url>/api with an OAuth token (password grant, scope admin) from
// <url>/auth/oauth2/token; public links below their own base URL (external…); remote sources' node APIs
// from --storage. Manual: "Plugin: faspex: IBM Aspera Faspex v4".
using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;
using AsperaNative.Core.Values;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Plugins.Faspex.Api;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;

namespace AsperaNative.Plugins.Faspex;

/// <summary>IBM Aspera Faspex 4</summary>
[Plugin("faspex")]
[CommandAlias("package receive", "recv")]
[MountCommands(typeof(Entity), "v4 dropbox", Scope = nameof(V4), Key = "admin/dropboxes", Name = "dropbox")]
[MountCommands(typeof(Entity), "v4 dmembership", Scope = nameof(V4), Key = "dropbox_memberships", Name = "dropbox membership")]
[MountCommands(typeof(Entity), "v4 workgroup", Scope = nameof(V4), Key = "admin/workgroups", Name = "workgroup")]
[MountCommands(typeof(Entity), "v4 wmembership", Scope = nameof(V4), Key = "workgroup_memberships", Name = "workgroup membership")]
[MountCommands(typeof(Entity), "v4 user", Scope = nameof(V4), Key = "users", Name = "user")]
[MountCommands(typeof(Entity), "v4 metadata_profile", Scope = nameof(V4), Key = "metadata_profiles", Name = "metadata profile")]
[MountCommands(typeof(Entity), "v4 package users <id>", Scope = nameof(UserPackages), Name = "package")]
[MountCommands(typeof(Gen3Node), "source node <id>", Scope = nameof(SourceNode))]
public sealed partial class FaspexPlugin(BasicAuthOptions auth, FaspexOptions faspex, RestFactory rest, TokenCache tokens, PluginContext context) : IApplicationDetector, IApplicationWizard
{
    private const string KeyNode = "node";
    private const string KeyPath = "path";
    private static readonly string[] GroupFields = ["id", "e_wg_name", "e_wg_desc", "created_at"];
    private static readonly Dictionary<string, string[]> V4Fields = new(StringComparer.Ordinal)
    {
        ["admin/dropboxes"] = GroupFields,
        ["admin/workgroups"] = GroupFields,
        ["users"] = ["id", "name", "first_name", "last_name"],
    };

    private RestClient? _v3;
    private RestClient? _v4;

    public BasicAuthOptions Auth => auth;
    public FaspexOptions Options => faspex;
    public RestFactory Rest => rest;
    public PluginContext Context => context;

    /// <summary>API v3: <c>--url</c> with HTTP Basic of <c>--username</c>/<c>--password</c>.</summary>
    public RestClient V3
    {
        get
        {
            if (_v3 is not null) return _v3;
            string url = auth.RequiredUrl, username = auth.RequiredUsername, password = auth.RequiredPassword;
            return _v3 = rest.Create(url, StaticAuthorization.Basic(username, password));
        }
    }

    /// <summary>API v4: <c>&lt;url&gt;/api</c> with a bearer token of the password grant (scope <c>admin</c>), cached.</summary>
    public RestClient V4Api
    {
        get
        {
            if (_v4 is not null) return _v4;
            string url = auth.RequiredUrl, username = auth.RequiredUsername, password = auth.RequiredPassword;
            var endpoint = new OAuthEndpoint(rest.Create($"{url}/auth/oauth2", StaticAuthorization.Basic(username, password))) { Scope = "admin" };
            return _v4 = rest.Create($"{url}/api", new GenericGrant(endpoint, tokens, "password", identity: username));
        }
    }

    public Entity V4(string path) => new(V4Api, path) { Fields = V4Fields.GetValueOrDefault(path) };

    public Entity UserPackages(CommandContext command) => new(V4Api, $"users/{InstanceIdentifier.Plain(command.Identifier("id"))}/packages");

    /// <summary>The mailbox of <c>--box</c> for <c>--recipient</c> (or the user), with <c>--query</c>.</summary>
    public Mailbox Mailbox()
    {
        string name = faspex.Recipient ?? auth.RequiredUsername;
        var names = Api.Mailbox.RecipientNames(name);
        return new Mailbox(V3, faspex.Box ?? "inbox", names, new CommandOptions(context.Options).Query?.DeepClone());
    }

    /// <summary>The remote sources of Faspex (<c>source_shares</c>).</summary>
    public async Task<JsonArray> SourcesAsync() => (await V3.ReadAsync("source_shares"))?["items"] as JsonArray ?? [];

    /// <summary>A source id given as a number or <c>%name:</c> (ascli's words when no source has that name).</summary>
    public static async Task<long> SourceIdAsync(string given, Func<Task<JsonArray>> sources, ExtendedValueContext values)
    {
        if (!InstanceIdentifier.IsSelector(given)) return FaspeUri.RubyInteger(given);
        int colon = given.IndexOf(':');
        if (given[1..colon] != "name") throw CliException.BadArgument("assertion failed: only name as selector, or give id");
        string name = RubyToS.Of(ExtendedValue.Evaluate(given[(colon + 1)..], values));
        var list = await sources();
        var found = list.OfType<JsonObject>().FirstOrDefault(s => Api.Mailbox.Text(s["name"]) == name);
        if (found is not null) return FaspeUri.RubyInteger(RubyToS.Of(found["id"]));
        throw CliException.Tool($"No such Faspex source: \"{name}\" in [{string.Join(", ", list.OfType<JsonObject>().Select(s => $"\"{RubyToS.Of(s["name"])}\""))}]");
    }

    /// <summary>The <c>--storage</c> entry of a source (<c>source info|node &lt;id&gt;</c>), checked as ascli does.</summary>
    public async Task<JsonObject> SourceStorageAsync(string given)
    {
        var sources = await SourcesAsync();
        long id = await SourceIdAsync(given, () => Task.FromResult(sources), context.ExtendedValues);
        var source = sources.OfType<JsonObject>().FirstOrDefault(s => s["id"] is JsonValue v && v.TryGetValue(out long n) && n == id)
            ?? throw CliException.Runtime("No such source");
        string name = RubyToS.Of(source["name"]);
        var storage = faspex.RequiredStorage;
        if (storage is not JsonObject all) throw CliException.Tool($"assertion failed: storage option: expecting Hash, but have {RubyInspect.Inspect(storage)}");
        foreach (var (storageName, entry) in all)
        {
            if (entry is not JsonObject e) throw CliException.Tool($"assertion failed: storage '{storageName}': expecting Hash, but have {RubyInspect.Inspect(entry)}");
            foreach (var key in new[] { KeyNode, KeyPath })
                if (!e.ContainsKey(key)) throw CliException.Tool($"assertion failed: storage '{storageName}' must have a '{key}'");
        }
        if (all[name] is not JsonObject info)
            throw CliException.Tool($"No such storage in config file: \"{name}\" in [{string.Join(", ", all.Select(static p => p.Key))}]");
        return info;
    }

    /// <summary><c>source node &lt;id&gt;</c>: the gen3 commands on the source's node, paths below the storage's path.</summary>
    public async Task<Gen3Node> SourceNode(CommandContext command)
    {
        var info = await SourceStorageAsync(command.Identifier("id"));
        var node = info[KeyNode] is JsonValue v && JsonScalar.TryGetText(v, out string? text) ? ExtendedValue.Evaluate(text, context.ExtendedValues) : info[KeyNode];
        if (node is not JsonObject config)
            throw CliException.Tool($"assertion failed: {RubyToS.Of(info[KeyNode])}: expecting Hash, but have {RubyInspect.Inspect(node)}");
        string url = RubyToS.Of(config["url"]), username = RubyToS.Of(config["username"]), password = RubyToS.Of(config["password"]);
        var api = rest.Create(url, StaticAuthorization.Basic(username, password));
        return new Gen3Node(new NodeApiClient(api, new NodeCredentials(username, password, Bearer: false)), context, RubyToS.Of(info[KeyPath])) { PlainRest = true };
    }
}
