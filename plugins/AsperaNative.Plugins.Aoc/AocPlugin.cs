// Plugin aoc: IBM Aspera on Cloud. REST APIs of https://api.<domain>: /api/v1 (organization, self, workspaces,
// packages, admin entities, OAuth /api/v1/oauth2/<org>/token), /automation/v1, /analytics/v2, /bss/platform/graphql;
// files through the Node API (gen4) of the workspaces' nodes with AoC node tokens (scope node.<access key>:user:all).
// Manual: "Plugin: aoc: IBM Aspera on Cloud"; API notes: docs/products/aoc.md.
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen4;
using AsperaNative.Plugins.Aoc.Api;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;
using AsperaNative.Ats.Commands;
using AsperaNative.Auth.Cache;

namespace AsperaNative.Plugins.Aoc;

/// <summary>Aspera on Cloud</summary>
[Plugin("aoc")]
[MountCommands(typeof(Gen4Files), "files", Scope = nameof(Home))]
[MountCommands(typeof(Gen4Files), "admin node do <id:node id>", Scope = nameof(AdminNode))]
[MountCommands(typeof(Entity), "admin application", Scope = nameof(AdminEntity), Key = "application", Name = "application")]
[MountCommands(typeof(Entity), "admin client", Scope = nameof(AdminEntity), Key = "client", Name = "client")]
[MountCommands(typeof(Entity), "admin client_access_key", Scope = nameof(AdminEntity), Key = "client_access_key", Name = "client_access_key")]
[MountCommands(typeof(Entity), "admin client_registration_token", Scope = nameof(AdminEntity), Key = "client_registration_token", Name = "client_registration_token")]
[MountCommands(typeof(Entity), "admin contact", Scope = nameof(AdminEntity), Key = "contact", Name = "contact")]
[MountCommands(typeof(Entity), "admin dropbox", Scope = nameof(AdminEntity), Key = "dropbox", Name = "dropbox")]
[MountCommands(typeof(Entity), "admin dropbox_membership", Scope = nameof(AdminEntity), Key = "dropbox_membership", Name = "dropbox_membership")]
[MountCommands(typeof(Entity), "admin group", Scope = nameof(AdminEntity), Key = "group", Name = "group")]
[MountCommands(typeof(Entity), "admin group_membership", Scope = nameof(AdminEntity), Key = "group_membership", Name = "group_membership")]
[MountCommands(typeof(Entity), "admin kms_profile", Scope = nameof(AdminEntity), Key = "kms_profile", Name = "kms_profile")]
[MountCommands(typeof(Entity), "admin node", Scope = nameof(AdminEntity), Key = "node", Name = "node")]
[MountCommands(typeof(Entity), "admin operation", Scope = nameof(AdminEntity), Key = "operation", Name = "operation")]
[MountCommands(typeof(Entity), "admin package", Scope = nameof(AdminEntity), Key = "package", Name = "package")]
[MountCommands(typeof(Entity), "admin saml_configuration", Scope = nameof(AdminEntity), Key = "saml_configuration", Name = "saml_configuration")]
[MountCommands(typeof(Entity), "admin short_link", Scope = nameof(AdminEntity), Key = "short_link", Name = "short_link")]
[MountCommands(typeof(Entity), "admin user", Scope = nameof(AdminEntity), Key = "user", Name = "user")]
[MountCommands(typeof(Entity), "admin workspace", Scope = nameof(AdminEntity), Key = "workspace", Name = "workspace")]
[MountCommands(typeof(Entity), "admin workspace_membership", Scope = nameof(AdminEntity), Key = "workspace_membership", Name = "workspace_membership")]
[MountCommands(typeof(Entity), "admin resource {resource:application|client|client_access_key|client_registration_token|contact|dropbox|dropbox_membership|group|group_membership|kms_profile|node|operation|package|saml_configuration|short_link|user|workspace|workspace_membership}", Scope = nameof(Resource), Name = "resource")]
[MountCommands(typeof(AtsService), "admin ats", Scope = nameof(AdminAts))]
[MountCommands(typeof(Entity), "automation workflows", Scope = nameof(Workflows), Name = "workflow")]
[MountCommands(typeof(Entity), "automation instances", Scope = nameof(Instances), Name = "workflow instance")]
public sealed partial class AocPlugin : IApplicationDetector, IApplicationWizard
{
    /// <summary>The admin objects: API path, default list fields (all when null), default list query.</summary>
    public static readonly IReadOnlyDictionary<string, (string Path, string[]? Fields, string? Query)> AdminObjects = new Dictionary<string, (string, string[]?, string?)>
    {
        ["application"] = ("admin/apps_new", ["id", "app_type", "app_name", "available", "direct_authorizations_allowed", "workspace_authorizations_allowed"], """{"organization_apps":true}"""),
        ["client"] = ("clients", ["id", "name"], null),
        ["client_access_key"] = ("admin/client_access_keys", ["id", "name"], null),
        ["client_registration_token"] = ("admin/client_registration_tokens", ["id", "value", "data.client_subject_scopes", "created_at"], null),
        ["contact"] = ("contacts", ["email", "name", "source_id", "source_type"], null),
        ["dropbox"] = ("dropboxes", ["id", "name"], null),
        ["dropbox_membership"] = ("dropbox_memberships", ["id"], null),
        ["group"] = ("groups", ["id", "name"], null),
        ["group_membership"] = ("group_memberships", ["id", "group_id", "member_type", "member_id"], null),
        ["kms_profile"] = ("integrations/kms_profiles", ["id"], null),
        ["node"] = ("nodes", ["id", "name", "host", "access_key"], null),
        ["operation"] = ("operations", null, null),
        ["package"] = ("packages", ["id", "name"], null),
        ["saml_configuration"] = ("saml_configurations", ["id", "name"], null),
        ["short_link"] = ("short_links", ["id", "short_url", "data.url_token_data.purpose"], null),
        ["user"] = ("users", ["id", "name", "email"], null),
        ["workspace"] = ("workspaces", ["id", "name"], null),
        ["workspace_membership"] = ("workspace_memberships", ["id", "workspace_id", "member_type", "member_id"], null),
    };

    private readonly NodeOptions _node;
    private Gen4Files? _home;

    public AocPlugin(BasicAuthOptions basic, AocOptions aoc, NodeOptions node, RestFactory rest, TokenCache tokens, PluginContext context)
    {
        _node = node;
        Basic = basic;
        Context = context;
        Aoc = new AocConnection(basic, aoc, node, rest, tokens, context);
    }

    public AocConnection Aoc { get; }
    public BasicAuthOptions Basic { get; }
    public PluginContext Context { get; }

    /// <summary><c>files</c>: the user's home of the current workspace (or the public/private link's folder), <c>--root-id</c> overriding it.</summary>
    public async Task<Gen4Files> Home(CommandContext command)
    {
        if (_home is not null) return _home;
        var (workspace, nodeId, fileId) = await HomeLocationAsync();
        command.Status($"Workspace: {workspace.Name}");
        var api = await Aoc.NodeApiAsync(nodeId, new AocNodeUse(workspace, "files"));
        if (Aoc.Link.Private is not null)
        {
            var folder = await api.ReadAsync($"files/{fileId}") as JsonObject ?? [];
            command.Status($"Private Folder: {AocLink.Text(folder["name"])}");
        }
        return _home = new Gen4Files(api, _node.RootId ?? fileId, Context);
    }

    /// <summary>The workspace and the node and file ids of the home folder (ascli's context for files), checked.</summary>
    public async Task<(AocWorkspace Workspace, string NodeId, string FileId)> HomeLocationAsync()
    {
        var workspace = await Aoc.WorkspaceAsync();
        string nodeId, fileId;
        if (Aoc.Link.IsPublic)
        {
            var token = await Aoc.UrlTokenAsync();
            string purpose = AocLink.Text(token["purpose"]);
            if (purpose != "view_shared_file") throw CliException.Assertion($"public link type: expecting one of [\"view_shared_file\"], but have \"{purpose}\"");
            nodeId = AocLink.Text(token["data"]?["node_id"]);
            fileId = AocLink.Text(token["data"]?["file_id"]);
        }
        else if (Aoc.Link.Private is { } link)
        {
            (nodeId, fileId) = (link.NodeId, link.FileId);
        }
        else if (workspace.Id is not null)
        {
            nodeId = AocLink.Text(workspace.Info["home_node_id"]);
            fileId = AocLink.Text(workspace.Info["home_file_id"]);
        }
        else
        {
            var self = await Aoc.UserInfoAsync();
            nodeId = AocLink.Text(self["read_only_home_node_id"]);
            fileId = AocLink.Text(self["read_only_home_file_id"]);
        }
        if (nodeId.Length == 0) throw CliException.Runtime("Cannot get user's home node id, check your default workspace or specify one");
        return (workspace, nodeId, fileId);
    }

    /// <summary><c>admin node do &lt;id&gt;</c>: a node of the organization with its access key's secret (<c>--secret</c> or the vault).</summary>
    public async Task<Gen4Files> AdminNode(CommandContext command)
    {
        await AdminApiAsync();
        string id = await AdminIdAsync("nodes", command.Identifier("id"));
        var (workspace, _, _) = await HomeLocationAsync();
        var api = await Aoc.NodeApiAsync(id, new AocNodeUse(workspace, "files"), withScope: false);
        string? root = _node.RootId;
        if (root is null)
        {
            var info = await api.ReadAsync($"access_keys/{api.Credentials.Username}") as JsonObject ?? [];
            root = AocLink.Text(info["root_file_id"]);
        }
        return new Gen4Files(api, root, Context);
    }

    /// <summary>An admin entity: the API object switched to the admin scope, <c>%name:</c> looked up in the object's path.</summary>
    public async Task<Entity> AdminEntity(string resource, CommandContext command)
    {
        var (path, fields, defaultQuery) = AdminObjects[resource];
        var api = await AdminApiAsync();
        return new Entity(api, path)
        {
            IdField = resource == "client_registration_token" ? "token" : "id",
            CreatePath = resource == "client_registration_token" ? "admin/client_registration/token" : null,
            BulkModify = true,
            CreateFields = resource == "client_registration_token" ? ["token", "status"] : ["id", "status"],
            Lookup = async (field, value) =>
            {
                AocLookup.CheckField(field);
                return await AocLookup.IdAsync(api, path, value);
            },
            List = (query, _) => Task.FromResult(Result.ObjectList(
                AocPager.List(api, path, query ?? (defaultQuery is null ? null : JsonNode.Parse(defaultQuery))), fields, TotalLine.WhenAnnounced)),
            ShowFields = static item => [.. item.Select(static p => p.Key).Where(static k => k != "certificate")],
        };
    }

    /// <summary><c>admin resource &lt;object&gt;</c>: the deprecated form of <c>admin &lt;object&gt;</c>.</summary>
    public Task<Entity> Resource(CommandContext command)
    {
        CoreServices.Log(Context).Warn("resource command is deprecated (4.18), directly use the specific command instead");
        return AdminEntity(command.Identifier("resource"), command);
    }

    /// <summary>The API object switched to <c>admin:all</c> (a new token on the next call).</summary>
    public async Task<RestClient> AdminApiAsync()
    {
        await Aoc.UseScopeAsync(AocConnection.ScopeAdmin);
        return await Aoc.ApiAsync();
    }

    /// <summary>An id or a <c>%name:</c> selector among the admin objects of <paramref name="path"/>.</summary>
    public async Task<string> AdminIdAsync(string path, string given)
    {
        if (!given.StartsWith('%') || given.IndexOf(':') is not (> 0 and var colon)) return given;
        AocLookup.CheckField(given[1..colon]);
        var value = Core.ExtendedValues.ExtendedValue.Evaluate(given[(colon + 1)..], Context.ExtendedValues);
        return await AocLookup.IdAsync(await AdminApiAsync(), path, AocLink.Text(value));
    }

    /// <summary>
    /// <c>admin ats</c>: the ATS commands (as plugin ats, without <c>api_key</c>) on AoC's ATS proxy <c>api/v1/admin/ats/pub/v1</c>
    /// with an <c>admin-user:all</c> token; the public cluster information stays on ATS itself.
    /// </summary>
    public async Task<AtsService> AdminAts(CommandContext command)
    {
        await AdminApiAsync();
        var keys = await Aoc.ServiceAsync("api/v1/admin/ats/pub/v1", AocConnection.ScopeAdminUser);
        return new AtsService(Aoc.Rest, Context, () => keys);
    }

    /// <summary><c>automation workflows</c>: workflows of the automation API.</summary>
    public async Task<Entity> Workflows(CommandContext command)
    {
        CoreServices.Log(Context).Warn("BETA: work under progress");
        return new Entity(await Aoc.ServiceAsync("automation/v1"), "workflows");
    }

    /// <summary><c>automation instances</c>: ascli reaches them on the main API (not the automation one).</summary>
    public async Task<Entity> Instances(CommandContext command)
    {
        CoreServices.Log(Context).Warn("BETA: work under progress");
        return new Entity(await Aoc.ApiAsync(), "workflow_instances");
    }
}
