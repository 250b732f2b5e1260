using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Faspex5.Routes;
using AsperaNative.Emulators.Faspex5.State;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex5;

/// <summary>How transfer specs name files of the node storage.</summary>
public enum TransferPathStyle
{
    /// <summary>absolute paths of this machine: the stand-in ascp (direct agent) reads and writes them as the "remote" side</summary>
    Disk,
    /// <summary>paths relative to the node docroot: for the node emulator running the transfer (<c>--transfer=node</c>)</summary>
    NodeDocroot,
}

/// <summary>Who called: a user (token or boot token), or a public link (<c>Passcode</c> header).</summary>
public sealed record Caller(int? UserId, PublicLink? Link);

/// <summary>
/// An IBM Aspera Faspex 5 on 127.0.0.1 (HTTPS, self-signed): the API under <c>/aspera/faspex/api/v5</c>, OAuth
/// under <c>/aspera/faspex/auth</c> (<c>token</c>, <c>authorize</c>, <c>oauth_clients</c>), <c>/aspera/faspex/health</c>
/// and public link pages under <c>/aspera/faspex/public</c>. Its files are in a <see cref="NodeEmulator"/>
/// docroot (packages in <c>packages/&lt;id&gt;.asp-package/contents</c>, shared folders where seeded), and
/// transfer specs point there so that a send and a receive move real files with the stand-in ascp.
/// Behaviour follows docs/products/faspex5.md.
/// </summary>
/// <example><code>
/// await using var f5 = await Faspex5Emulator.StartAsync(storageDir, s =>
/// {
///     s.AddClient("cli_client");
///     s.AddUser("john@example.com", publicPem, admin: true);
/// });
/// // ascli faspex5 --url={f5.Url} --insecure=yes --auth=jwt --client-id=cli_client --username=john@example.com --private-key=@file:key.pem …
/// </code></example>
public sealed class Faspex5Emulator : IAsyncDisposable
{
    public const string BasePath = "/aspera/faspex";
    public const string NodeAccessKey = "faspex5_access_key";
    public const string NodeAccessSecret = "Faspex5_AK_secret";

    private readonly bool _ownsNode;
    private EmulatorHost? _host;

    private Faspex5Emulator(NodeEmulator node, bool ownsNode)
    {
        Node = node;
        _ownsNode = ownsNode;
        State = new Faspex5State(node.Store.Docroot);
        Tokens = new TokenService(State);
        Webhooks = new Webhooks(this);
    }

    /// <summary>
    /// Starts an emulator whose files live in <paramref name="storage"/> (the docroot of a new node emulator,
    /// unless <paramref name="node"/> is given: then its docroot is used). The node is registered in Faspex with
    /// id <paramref name="nodeId"/>.
    /// </summary>
    public static async Task<Faspex5Emulator> StartAsync(string storage, Action<Faspex5State>? seed = null, NodeEmulator? node = null, int nodeId = 1)
    {
        Directory.CreateDirectory(storage);
        bool owns = node is null;
        node ??= await NodeEmulator.StartAsync(storage);
        var f5 = new Faspex5Emulator(node, owns);
        node.AddAccessKey(NodeAccessKey, NodeAccessSecret, node.Store.Docroot);
        lock (f5.State.Sync)
            f5.NodeId = f5.State.Collection("nodes").Add(new JsonObject { ["id"] = nodeId, ["name"] = "Emulated node", ["url"] = node.Url, ["access_key"] = NodeAccessKey, ["status"] = "ok" })["id"]!.GetValue<int>();
        seed?.Invoke(f5.State);
        f5._host = await EmulatorHost.StartAsync(f5.Map);
        return f5;
    }

    /// <summary>The Faspex URL to give as <c>--url</c>: <c>https://127.0.0.1:P/aspera/faspex</c>.</summary>
    public string Url => Host.Url + BasePath;
    public string ApiUrl => Url + "/api/v5";
    public EmulatorHost Host => _host ?? throw new InvalidOperationException("not started");
    public NodeEmulator Node { get; }
    /// <summary>Id of the node emulator in Faspex (<c>admin nodes</c>).</summary>
    public int NodeId { get; private set; }
    public Faspex5State State { get; }
    public TokenService Tokens { get; }
    public Webhooks Webhooks { get; }

    /// <summary>Page size when a list request has no <c>limit</c>.</summary>
    public int DefaultPageSize { get; set; } = 100;
    /// <summary>Items per browse answer (then <c>X-Aspera-Next-Iteration-Token</c>).</summary>
    public int BrowsePageSize { get; set; } = 100;
    public TransferPathStyle PathStyle { get; set; } = TransferPathStyle.Disk;
    /// <summary>Version in <c>GET version</c> and header <c>X-IBM-Aspera</c> (<c>F</c> + version).</summary>
    public string Version { get; set; } = "5.0.10";
    /// <summary>User logged in by the emulated browser of the web flow (default: the first admin).</summary>
    public string? WebLoginUser { get; set; }
    /// <summary>When non-zero, remote transfers answer <c>in_progress</c> and complete after this delay.</summary>
    public TimeSpan RemoteTransferDelay { get; set; }
    /// <summary>Time a job (SMTP test) stays <c>queued</c>.</summary>
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromMilliseconds(300);
    /// <summary>A post-processing receiver (e.g. <c>ascli faspex5 postprocessing</c>) called for every package event.</summary>
    public string? PostprocessingUrl { get; set; }

    /// <summary>The Authorization value of a boot token for <paramref name="user"/> (<c>--auth=boot --password=…</c>).</summary>
    public string BootToken(string user)
    {
        int id;
        lock (State.Sync) id = State.UserId(user);
        return "Bearer " + Tokens.Issue(id, "boot");
    }

    /// <summary>A public link to download one package: <c>{Url}/public/package?context=&lt;base64 JSON&gt;</c>.</summary>
    public string PublicPackageLink(string packageId, string? passcode = null)
    {
        var link = State.AddPublicLink(packageId, null, null, passcode);
        return PublicUrl("package", new JsonObject { ["passcode"] = link.Passcode, ["package_id"] = packageId });
    }

    /// <summary>A public link to send packages to one recipient (a user or a shared inbox).</summary>
    public string PublicSendLink(string recipientName, string recipientType = "user")
    {
        var link = State.AddPublicLink(null, recipientName, recipientType);
        return PublicUrl("submit", new JsonObject { ["passcode"] = link.Passcode, ["recipient_type"] = recipientType, ["name"] = recipientName });
    }

    private string PublicUrl(string page, JsonObject context)
        => $"{Url}/public/{page}?context={Convert.ToBase64String(Encoding.UTF8.GetBytes(context.ToJsonString()))}";

    /// <summary>The requests received so far, as <c>METHOD /path?query</c>.</summary>
    public IReadOnlyList<string> RequestLines() => Host.RequestLines();

    /// <summary>Marks an upload done now (for clients that send without announcing file names).</summary>
    public void CompleteUpload(string packageId)
    {
        Package package;
        lock (State.Sync)
        {
            package = State.GetPackage(packageId);
            package.Upload = UploadStatus.Completed;
            package.ReleaseDate = Faspex5Http.Now();
            package.Refresh();
        }
        Webhooks.PackageEvent(package, "package_sent");
        Webhooks.PackageEvent(package, "package_received");
    }

    /// <summary>Completes announced uploads whose files are all there (and fires their events).</summary>
    internal void RefreshPackages()
    {
        List<Package> completed;
        lock (State.Sync) completed = [.. State.Packages.Where(static p => p.Refresh())];
        foreach (var package in completed)
        {
            Webhooks.PackageEvent(package, "package_sent");
            Webhooks.PackageEvent(package, "package_received");
        }
    }

    /// <summary>The caller set by the authentication middleware.</summary>
    internal static Caller CallerOf(HttpContext ctx) => (Caller)ctx.Items[nameof(Caller)]!;

    /// <summary>The calling user; a public link cannot do this.</summary>
    internal static int UserOf(HttpContext ctx) => CallerOf(ctx).UserId ?? throw Faspex5Http.Forbidden();

    internal int AdminOf(HttpContext ctx)
    {
        int user = UserOf(ctx);
        lock (State.Sync) return State.IsAdmin(user) ? user : throw Faspex5Http.Forbidden();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-IBM-Aspera"] = "F" + Version;
            ctx.Items[nameof(Faspex5Emulator)] = this;
            try
            {
                string path = ctx.Request.Path.Value ?? "";
                if (path.StartsWith(BasePath + "/api/v5/", StringComparison.Ordinal) && path != BasePath + "/api/v5/configuration/ping"
                    || path.StartsWith(BasePath + "/auth/oauth_clients", StringComparison.Ordinal))
                    ctx.Items[nameof(Caller)] = Authenticate(ctx);
                await next(ctx);
            }
            catch (Faspex5Exception e)
            {
                if (!ctx.Response.HasStarted) await Faspex5Http.Error(ctx, e.Status, e.Message);
            }
        });
        AuthRoutes.Map(app, this);
        UserRoutes.Map(app, this);
        PackageRoutes.Map(app, this);
        AdminRoutes.Map(app, this);
        app.MapFallback(ctx => Faspex5Http.Error(ctx, 404, $"No route matches {ctx.Request.Method} {ctx.Request.Path}"));
    }

    private Caller Authenticate(HttpContext ctx)
    {
        string passcode = ctx.Request.Headers["Passcode"].ToString();
        if (passcode.Length > 0)
        {
            lock (State.Sync)
                return State.PublicLinks.TryGetValue(passcode, out var link) ? new Caller(null, link) : throw new Faspex5Exception(401, "Invalid passcode");
        }
        string? bearer = EmulatorHost.Bearer(ctx);
        if (bearer is null) throw new Faspex5Exception(401, "Authorization required");
        return new Caller(Tokens.Verify(bearer), null);
    }

    public async ValueTask DisposeAsync()
    {
        await Webhooks.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        if (_ownsNode) await Node.DisposeAsync();
    }
}
