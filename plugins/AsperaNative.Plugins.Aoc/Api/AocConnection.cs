using System.Text.Json.Nodes;
using AsperaNative.Auth;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Config;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>A workspace of the context: its id (null: no workspace, "Shared folders"), name and, when read, its object.</summary>
public sealed record AocWorkspace(string? Id, string Name, JsonObject Info);

/// <summary>
/// The connection to an AoC organization (ascli's <c>api_from_options</c> and <c>Api::AoC</c>): the link of <c>--url</c>
/// analysed, the grant chosen and checked, the API object <c>https://api.&lt;domain&gt;/api/v1</c> whose scope can change
/// (<c>admin:all</c>), the other REST bases of the same domain (automation, analytics, BSS), the current user and the
/// workspace context, and the node API objects of the workspace's nodes (<see cref="AocNodeApplication"/>).
/// </summary>
public sealed class AocConnection(BasicAuthOptions basic, AocOptions aoc, NodeOptions node, RestFactory rest, TokenCache tokens, PluginContext context)
{
    public const string GlobalClientId = "aspera.global-cli-client";
    public const string GlobalClientSecret = "frpmsRsG4mjZ0PlxCgdJlvONqBg4Vlpz_IX7gXmBMAfsgMLy2FO6CXLodKfKAuhqnCqSptLbe_wdmnm9JRuEPO-PpFqpq_Kb";
    private static readonly string[] GlobalClients = [GlobalClientId, "aspera.drive"];
    public const string ScopeUser = "user:all";
    public const string ScopeAdmin = "admin:all";
    public const string ScopeAdminUser = "admin-user:all";
    public const string NoWorkspaceName = "Shared folders";

    private AocLink? _link;
    private ScopedAuthorization? _auth;
    private RestClient? _api;
    private bool _organizationRead;
    private JsonObject? _self;
    private AocWorkspace? _workspace;
    private JsonObject? _urlToken;

    public RestFactory Rest => rest;
    public PluginContext Context => context;
    public NodeOptions Node => node;
    public AocOptions Options => aoc;
    public AocLink Link => _link ?? throw new InvalidOperationException("link not read");
    public JsonObject? Organization { get; private set; }
    /// <summary>The HTTP gateway of the organization, when it has one enabled (<c>--transfer=httpgw</c>).</summary>
    public string? HttpGatewayUrl { get; private set; }

    /// <summary>The host of the API (<c>api.&lt;domain&gt;</c>).</summary>
    public string ApiHost => "api." + Link.InstanceDomain;

    /// <summary>The AoC API (<c>…/api/v1</c>) with the current scope, the organization read on first use.</summary>
    public async Task<RestClient> ApiAsync(CancellationToken cancel = default)
    {
        if (_api is null)
        {
            await SetUpAsync(cancel);
            _api = rest.Create($"https://{ApiHost}/api/v1", _auth);
        }
        if (!_organizationRead)
        {
            _organizationRead = true;
            Organization = await _api.ReadAsync("organization", cancel: cancel) as JsonObject ?? [];
            if (Organization["http_gateway_enabled"] is JsonValue enabled && enabled.TryGetValue(out bool on) && on
                && Organization["http_gateway_server_url"] is JsonValue gw && JsonScalar.TryGetText(gw, out string? url))
                HttpGatewayUrl = url;
        }
        return _api;
    }

    /// <summary>Another REST base of the domain (<c>automation/v1</c>, <c>analytics/v2</c>…) with the API's authorization (or a fixed scope).</summary>
    public async Task<RestClient> ServiceAsync(string basePath, string? scope = null, CancellationToken cancel = default)
    {
        await ApiAsync(cancel);
        ITokenProvider auth = scope is null ? _auth! : new FixedScope(_auth!, scope);
        return rest.Create($"https://{ApiHost}/{basePath}", auth);
    }

    /// <summary>The scope of the next calls of the API object (<c>admin:all</c> for <c>admin</c>).</summary>
    public async Task UseScopeAsync(string scope, CancellationToken cancel = default)
    {
        await ApiAsync(cancel);
        _auth!.Scope = scope;
    }

    /// <summary>The bearer token of the current scope (<c>bearer_token</c>).</summary>
    public async Task<string> AuthorizationAsync(CancellationToken cancel = default)
    {
        await ApiAsync(cancel);
        return await _auth!.GetAuthorizationAsync(false, cancel);
    }

    /// <summary>An authorization of another scope with the same grant (node tokens: <c>node.&lt;ak&gt;:user:all</c>).</summary>
    public ITokenProvider ScopeAuthorization(string scope) => new FixedScope(_auth!, scope);

    /// <summary>ascli's checks and grant set-up, in its order: options, client, link info, grant parameters.</summary>
    private async Task SetUpAsync(CancellationToken cancel)
    {
        string url = basic.Url ?? throw MissingOption("url");
        string? auth = aoc.Auth ?? throw MissingOption("auth");
        string scope = aoc.Scope ?? throw CliException.Other("ArgumentError", "Missing mandatory option: scope");
        string clientId = aoc.ClientId ?? GlobalClientId;
        string? clientSecret = aoc.ClientId is null ? GlobalClientSecret : aoc.ClientSecret;
        _link = await AocLink.ReadAsync(rest, url, cancel);
        string apiBase = $"https://api.{_link.InstanceDomain}";
        string org = _link.Organization ?? "";
        string oauthBase = org.Length == 0 ? $"{apiBase}/api/v1/oauth2" : $"{apiBase}/api/v1/oauth2/{org}";
        if (_link.IsPublic)
        {
            var oauth = rest.Create(oauthBase, StaticAuthorization.Basic(clientId, clientSecret ?? ""));
            string token = _link.PublicToken!;
            string? password = basic.Password;
            _auth = new ScopedAuthorization(s => new AocUrlTokenGrant(Endpoint(oauth, clientId, clientSecret, s), tokens, token, password), scope);
            return;
        }
        var api = rest.Create(oauthBase);
        switch (auth)
        {
            case "web":
                var redirect = aoc.RedirectUri ?? throw CliException.Other("ArgumentError", "Missing mandatory option: redirect_uri");
                var redirectUri = new Uri(redirect);
                if (redirectUri.Scheme is not ("http" or "https")) throw CliException.Assertion("redirect_uri scheme must be http or https");
                // no port check: an http(s) URI always has one (80 or 443 by default), as for ascli
                var opener = Browser.Opener(new GlobalOptions(context.Options).Ui, context.Terminal.Out);
                _auth = new ScopedAuthorization(s => new WebGrant(Endpoint(api, clientId, clientSecret, s), tokens, redirectUri, opener), scope);
                return;
            case "jwt":
                string pem = aoc.PrivateKey ?? throw CliException.Other("ArgumentError", "Missing mandatory option: private_key");
                string username = basic.Username ?? throw CliException.Other("ArgumentError", "Missing mandatory option: username");
                var key = JwtSigner.LoadKey(pem, aoc.Passphrase);
                bool global = GlobalClients.Contains(clientId);
                _auth = new ScopedAuthorization(s => new AocJwtGrant(Endpoint(api, clientId, clientSecret, s), tokens, key, username, org, global), scope);
                return;
            default:
                throw CliException.BadArgument($"unknown auth: {auth}");
        }
    }

    private static OAuthEndpoint Endpoint(RestClient api, string clientId, string? secret, string scope)
        => new(api) { ClientId = clientId, ClientSecret = secret, Scope = scope };

    private static CliException MissingOption(string name) => new("Tool", $"Missing option: {name}") { Hints = ["Use option -h to get help."] };

    // ---------------------------------------------------------------------------------------------------------------
    // the user and the workspace

    /// <summary>The current user (<c>GET self</c>, read once); errors raised.</summary>
    public async Task<JsonObject> SelfAsync(CancellationToken cancel = default)
    {
        if (_self is null)
        {
            var api = await ApiAsync(cancel);
            _self = await api.ReadAsync("self", cancel: cancel) as JsonObject ?? [];
        }
        return _self;
    }

    /// <summary>The current user, or an empty object when it cannot be read (public links).</summary>
    public async Task<JsonObject> UserInfoAsync(CancellationToken cancel = default)
    {
        if (Link is { IsPublic: true }) return _self ??= [];
        try { return await SelfAsync(cancel); }
        catch (CliException) { return _self = []; }
    }

    /// <summary>The first url token of a public link (<c>GET url_tokens</c>), read once.</summary>
    public async Task<JsonObject> UrlTokenAsync(CancellationToken cancel = default)
    {
        if (_urlToken is null)
        {
            var api = await ApiAsync(cancel);
            _urlToken = (await api.ReadAsync("url_tokens", cancel: cancel) as JsonArray)?.FirstOrDefault() as JsonObject ?? [];
        }
        return _urlToken;
    }

    /// <summary>True once the workspace of the context was read.</summary>
    public bool WorkspaceKnown => _workspace is not null;

    /// <summary>The workspace of the context (ascli's <c>context</c>): from the link, <c>--workspace</c> or the user's default.</summary>
    public async Task<AocWorkspace> WorkspaceAsync(CancellationToken cancel = default)
    {
        if (_workspace is not null) return _workspace;
        var api = await ApiAsync(cancel);
        string? id;
        if (Link.IsPublic) id = AocLink.Text((await UrlTokenAsync(cancel))["data"]?["workspace_id"]);
        else if (Link.Private is { } link) id = link.WorkspaceId;
        else
        {
            string? name = aoc.Workspace;
            if (name is null) id = null;
            else if (name.Length == 0)
            {
                var self = await UserInfoAsync(cancel);
                id = self["default_workspace_id"] is { } d ? AocLink.Text(d) : null;
            }
            else id = await AocLookup.IdAsync(api, "workspaces", name, cancel: cancel);
        }
        if (string.IsNullOrEmpty(id)) return _workspace = new AocWorkspace(null, NoWorkspaceName, []);
        var info = await api.ReadAsync($"workspaces/{id}", cancel: cancel) as JsonObject ?? [];
        return _workspace = new AocWorkspace(id, AocLink.Text(info["name"]), info);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // nodes

    /// <summary>
    /// The node API of an AoC node (ascli's <c>node_api_from</c>): <c>GET nodes/&lt;id&gt;</c>, then a bearer token of scope
    /// <c>node.&lt;access key&gt;:user:all</c> (or, without scope, the access key's secret) and the application's tags.
    /// </summary>
    public async Task<NodeApiClient> NodeApiAsync(string nodeId, AocNodeUse use, bool withScope = true, CancellationToken cancel = default)
    {
        var api = await ApiAsync(cancel);
        var info = await api.ReadAsync($"nodes/{nodeId}", cancel: cancel) as JsonObject ?? [];
        if (use.Workspace.Id is { } wsId && use.Workspace.Name.Length == 0)
        {
            var ws = await api.ReadAsync($"workspaces/{wsId}", cancel: cancel) as JsonObject ?? [];
            use = use with { Workspace = new AocWorkspace(wsId, AocLink.Text(ws["name"]), ws) };
        }
        string url = AocLink.Text(info["url"]), accessKey = AocLink.Text(info["access_key"]);
        var application = new AocNodeApplication(this, info, use);
        if (!withScope)
        {
            string secret = new ConfigOptions(context.Options).Secret ?? throw NodeConnection.MissingSecret(url, accessKey);
            var basicApi = NodeConnection.Create(rest, url, accessKey, secret, node.NodeCache != false);
            return new NodeApiClient(basicApi.Rest, basicApi.Credentials) { Application = application, NoCache = node.NodeCache == false };
        }
        var headers = new Dictionary<string, string> { [NodeConnection.AccessKeyHeader] = accessKey };
        var nodeRest = rest.Create(url, ScopeAuthorization($"node.{accessKey}:{ScopeUser}"), new RestClientOptions { Headers = headers });
        return new NodeApiClient(nodeRest, new NodeCredentials(accessKey, "", Bearer: true)) { Application = application, NoCache = node.NodeCache == false };
    }

    /// <summary>The persistency folder (once-only state).</summary>
    public PersistencyFolder Persistency => new(context.IsRegistered<ConfigPaths>()
        ? context.Registered<ConfigPaths>().PersistencyFolder
        : Path.Combine(context.ExtendedValues.HomeFolder, ".aspera", "ascli", ConfigPaths.PersistencyFolderName));

    /// <summary>The host of <c>--url</c> (persistency ids).</summary>
    public string UrlHost => Uri.TryCreate(basic.Url, UriKind.Absolute, out var u) ? u.Host : basic.Url ?? "";
}

/// <summary>What a node is used for: the workspace, the application (<c>files</c>, <c>packages</c>) and the package, if any.</summary>
public sealed record AocNodeUse(AocWorkspace Workspace, string App, JsonObject? Package = null);
