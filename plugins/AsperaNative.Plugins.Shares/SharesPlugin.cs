// Plugin shares: IBM Aspera Shares 1.x. Admin API below <url>/api/v1 (data/nodes, data/shares, data/users,
// data/groups, their local_/ldap_/saml_ forms, settings), node API of the user's shares below <url>/node_api
// (gen3 file commands, paths /<share>/…), and <url>/node_api/ping for health; HTTP Basic with --username/--password.
// Manual: "Plugin: shares: IBM Aspera Shares v1".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;

namespace AsperaNative.Plugins.Shares;

/// <summary>IBM Aspera Shares 1.x</summary>
[Plugin("shares")]
[MountCommands(typeof(Gen3Node), "files", Scope = nameof(Files),
    Verbs = "api_details|browse|delete|download|http_node_download|mkdir|mkfile|mklink|rename|space|transport|upload")]
[CommandAlias("files", "repository")]
[MountCommands(typeof(Entity), "admin node", Scope = nameof(Admin), Key = "data/nodes", Name = "node")]
[MountCommands(typeof(Entity), "admin share", Scope = nameof(AdminShares), Name = "share")]
[MountCommands(typeof(Entity), "admin share user_permissions <id>", Scope = nameof(OfItem), Key = "data/shares/{0}/user_permissions", Name = "user permission")]
[MountCommands(typeof(Entity), "admin share group_permissions <id>", Scope = nameof(OfItem), Key = "data/shares/{0}/group_permissions", Name = "group permission")]
[MountCommands(typeof(Singleton), "admin transfer_settings", Scope = nameof(Settings), Key = "data/transfer_settings", Verbs = "modify|show", Name = "transfer settings")]
[MountCommands(typeof(Entity), "admin user all", Scope = nameof(AllUsers), Verbs = "delete|list|show", Name = "user")]
[MountCommands(typeof(Singleton), "admin user all transfer_settings <id>", Scope = nameof(SettingsOfItem), Key = "data/users/{0}/transfer_settings", Name = "transfer settings")]
[MountCommands(typeof(Singleton), "admin user all app_authorizations <id>", Scope = nameof(SettingsOfItem), Key = "data/users/{0}/app_authorizations", Name = "app authorizations")]
[MountCommands(typeof(Entity), "admin user all share_permissions <id>", Scope = nameof(OfItem), Key = "data/users/{0}/share_permissions", Name = "share permissions")]
[MountCommands(typeof(Entity), "admin user local", Scope = nameof(LocalUsers), Name = "local user")]
[MountCommands(typeof(Entity), "admin group all", Scope = nameof(Admin), Key = "data/groups", Verbs = "delete|list|show", Name = "group")]
[MountCommands(typeof(Singleton), "admin group all transfer_settings <id>", Scope = nameof(SettingsOfItem), Key = "data/groups/{0}/transfer_settings", Name = "transfer settings")]
[MountCommands(typeof(Singleton), "admin group all app_authorizations <id>", Scope = nameof(SettingsOfItem), Key = "data/groups/{0}/app_authorizations", Name = "app authorizations")]
[MountCommands(typeof(Entity), "admin group all share_permissions <id>", Scope = nameof(OfItem), Key = "data/groups/{0}/share_permissions", Name = "share permissions")]
[MountCommands(typeof(Entity), "admin group all users <id>", Scope = nameof(OfItem), Key = "data/groups/{0}/users", Name = "user")]
[MountCommands(typeof(Entity), "admin group local", Scope = nameof(Admin), Key = "data/local_groups", Name = "local group")]
[MountCommands(typeof(Entity), "admin group local users <id>", Scope = nameof(OfItem), Key = "data/local_groups/{0}/local_users", Name = "user")]
public sealed partial class SharesPlugin(BasicAuthOptions auth, RestFactory rest, PluginContext context) : IApplicationDetector, IApplicationWizard
{
    public const string NodeApiPath = "node_api";
    public const string AdminApiPath = "api/v1";

    private static readonly string[] UserFields = ["id", "username", "first_name", "last_name", "email"];
    // ascli adds this one as a Ruby symbol while records have string keys: its column is always empty
    private static readonly string[] AllUserFields = [.. UserFields, ":directory_user"];
    private static readonly string[] ShareFields = ["id", "name", "node_id", "directory", "percent_free"];

    private RestClient? _admin;

    public RestFactory Rest => rest;
    public BasicAuthOptions Auth => auth;

    /// <summary>The admin API (<c>&lt;url&gt;/api/v1</c>), url, username and password read in ascli's order.</summary>
    public RestClient AdminApi => _admin ??= BasicApi(AdminApiPath);

    /// <summary>A client on a path below <c>--url</c> with Basic authentication (ascli's <c>basic_auth_api</c>).</summary>
    public RestClient BasicApi(string subpath)
    {
        string url = auth.RequiredUrl, username = auth.RequiredUsername, password = auth.RequiredPassword;
        return rest.Create($"{url}/{subpath}", StaticAuthorization.Basic(username, password));
    }

    /// <summary><c>files</c>: the gen3 commands on the node API of the shares, on a plain REST client as ascli builds it.</summary>
    public Gen3Node Files()
    {
        var api = BasicApi(NodeApiPath);
        return new Gen3Node(new NodeApiClient(api, new NodeCredentials(auth.Username ?? "", auth.Password ?? "", Bearer: false)), context) { PlainRest = true };
    }

    public Entity Admin(string path) => new(AdminApi, path);

    public Entity AdminShares() => new(AdminApi, "data/shares") { Fields = ShareFields };

    public Entity AllUsers() => new(AdminApi, "data/users") { Fields = AllUserFields };

    public Entity LocalUsers() => new(AdminApi, "data/local_users") { Fields = UserFields };

    public Singleton Settings(string path) => new(AdminApi, path);

    /// <summary>An entity below one item (the <c>&lt;id&gt;</c> read before the verb, no <c>%name:</c> selector).</summary>
    public Entity OfItem(string pattern, CommandContext command) => new(AdminApi, ItemPath(pattern, command));

    /// <summary>A singleton below one item (a user's or group's settings).</summary>
    public Singleton SettingsOfItem(string pattern, CommandContext command) => new(AdminApi, ItemPath(pattern, command));

    private static string ItemPath(string pattern, CommandContext command)
        => pattern.Replace("{0}", InstanceIdentifier.Plain(command.Identifier("id")), StringComparison.Ordinal);
}
