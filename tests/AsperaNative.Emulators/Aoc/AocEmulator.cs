using System.Net;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>Start-up settings of <see cref="AocEmulator"/>.</summary>
public sealed class AocEmulatorOptions
{
    /// <summary>Organization sub-domain: the org is <c>https://&lt;org&gt;.ibmaspera.com</c>.</summary>
    public string Organization { get; set; } = "myorg";
    /// <summary>Host name of the workspaces' node (its <c>url</c> in <c>GET /api/v1/nodes/&lt;id&gt;</c>).</summary>
    public string NodeHost { get; set; } = "node-eu.ibmaspera.com";
    /// <summary>Access key of that node and its secret.</summary>
    public string NodeAccessKey { get; set; } = "aoc_ak_1";
    public string NodeSecret { get; set; } = "aoc_ak_secret";
    /// <summary>Lifetime of issued access tokens (<c>expires_in</c> and the token's <c>exp</c>).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>User the web grant (<c>/authorize</c>) logs in; default: the first user.</summary>
    public string? WebLoginEmail { get; set; }
}

/// <summary>
/// An Aspera on Cloud emulator: Kestrel on 127.0.0.1 (self-signed TLS for the AoC host names), reached
/// like the real service through <see cref="ProxyUrl"/> (<c>--http-proxy=</c>, <c>--insecure=yes</c>).
/// Routes by Host header: <c>api.ibmaspera.com</c> (OAuth, <c>/api/v1</c>, analytics, automation,
/// BSS), <c>&lt;org&gt;.ibmaspera.com</c> (web pages, login redirects, public links), <c>aspera.pub</c>
/// (short links) and the node host, forwarded to a real <see cref="NodeEmulator"/> (gen4 file ids,
/// transfers) that shares the storage folder and accepts AoC's node tokens.
/// Seed state with <see cref="Seed"/>; every request is in <see cref="Requests"/>.
/// </summary>
public sealed class AocEmulator : IAsyncDisposable
{
    public const string ApiHost = "api.ibmaspera.com";
    public const string ShortLinkHost = "aspera.pub";

    private readonly EmulatorHost _host;
    private readonly NodeForwarder _forwarder;

    public AocEmulatorOptions Options { get; }
    public AocState State { get; }
    public AocOAuth OAuth { get; }
    /// <summary>Builder for users, workspaces, packages… (see <see cref="AocSeed"/>).</summary>
    public AocSeed Seed { get; }
    /// <summary>The gen4 node of the workspaces; its docroot is the storage folder given to <see cref="StartAsync"/>.</summary>
    public NodeEmulator Node { get; }
    /// <summary>The AoC node entity of <see cref="Node"/> (id, name, url, access_key, host).</summary>
    public System.Text.Json.Nodes.JsonObject NodeEntity { get; }

    /// <summary>Direct URL of the Kestrel host (<c>https://127.0.0.1:P</c>); clients normally use the proxy.</summary>
    public string Url => _host.Url;
    /// <summary><c>http://127.0.0.1:P</c> of the CONNECT proxy: give it as <c>--http-proxy</c>.</summary>
    public string ProxyUrl => _host.ProxyUrl!;
    /// <summary><c>https://&lt;org&gt;.ibmaspera.com</c>: the value of <c>--url</c>.</summary>
    public string OrgUrl => $"https://{Options.Organization}.ibmaspera.com";
    public string ApiUrl => $"https://{ApiHost}/api/v1";
    public string NodeUrl => $"https://{Options.NodeHost}";
    /// <summary>
    /// Links named by gen4 file id to their storage folder (package contents, user homes), for a stand-in ascp
    /// launcher that plays the transfer server's part: a token transfer's <c>/</c> is the folder of the file id in its tags.
    /// </summary>
    public string TransferRoots { get; } = Directory.CreateTempSubdirectory("aspn-aoc-roots-").FullName;
    /// <summary>Every request received (API, web pages and forwarded node calls), with its Host.</summary>
    public List<RecordedRequest> Requests => _host.Requests;

    private AocEmulator(AocEmulatorOptions options, NodeEmulator node, EmulatorHost host, NodeForwarder forwarder, AocState state, AocOAuth oauth)
    {
        Options = options;
        Node = node;
        _host = host;
        _forwarder = forwarder;
        State = state;
        OAuth = oauth;
        Seed = new AocSeed(this);
        node.ExternalBearerValidator = (token, key) => oauth.VerifyNodeToken(token, key.Id);
        NodeEntity = Seed.AddNode("AoC Node", node, options.NodeHost, options.NodeAccessKey, options.NodeSecret, Path.Combine(node.Store.Docroot, "aoc"));
    }

    /// <summary>Starts the emulator and its node; <paramref name="storage"/> is the node's docroot (created).</summary>
    public static async Task<AocEmulator> StartAsync(string storage, Action<AocEmulatorOptions>? configure = null)
    {
        var options = new AocEmulatorOptions();
        configure?.Invoke(options);
        Directory.CreateDirectory(storage);
        var node = await NodeEmulator.StartAsync(storage);
        var state = new AocState(options.Organization);
        var oauth = new AocOAuth(state, options);
        var forwarder = new NodeForwarder();
        forwarder.Nodes[options.NodeHost] = node.Url;
        AocRoutes? routes = null;
        var host = await EmulatorHost.StartAsync(app => app.Run(ctx => routes!.Dispatch(ctx)), https: true, connectProxy: true,
            ApiHost, $"{options.Organization}.ibmaspera.com", ShortLinkHost, options.NodeHost);
        var emulator = new AocEmulator(options, node, host, forwarder, state, oauth);
        routes = new AocRoutes(emulator, forwarder);
        return emulator;
    }

    /// <summary>An HttpClient that reaches the emulator like ascli does: through the proxy, any certificate accepted.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        Proxy = new WebProxy(ProxyUrl),
        UseProxy = true,
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
    });

    /// <summary>The storage path (on the node) of a gen4 file id, e.g. a package's <c>contents_file_id</c>.</summary>
    public string? PathOfFile(string fileId) => Node.Store.PathOf(fileId);

    /// <summary>Makes <paramref name="folder"/> reachable as <see cref="TransferRoots"/>/&lt;file id&gt;.</summary>
    internal void PublishTransferRoot(string fileId, string folder)
    {
        string link = Path.Combine(TransferRoots, fileId);
        if (!Path.Exists(link)) File.CreateSymbolicLink(link, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Delete(TransferRoots, recursive: true);
        await _host.DisposeAsync();
        _forwarder.Dispose();
        await Node.DisposeAsync();
    }

    /// <summary>Adds another node host (e.g. a second <see cref="NodeEmulator"/>) to forward to.</summary>
    internal void ForwardNode(string hostName, string nodeUrl) => _forwarder.Nodes[hostName] = nodeUrl;

    internal static bool IsApiHost(HttpContext ctx) => ctx.Request.Host.Host.Equals(ApiHost, StringComparison.OrdinalIgnoreCase);
}
