using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AsperaNative.Emulators.Common;

/// <summary>One request as an emulator received it (for assertions on what the client sent).</summary>
public sealed record RecordedRequest(string Method, string Host, string Path, string Query, string Authorization, string? ContentType, string Body)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>
/// The Kestrel host every product emulator runs on: 127.0.0.1 on a free port, HTTP or HTTPS with a
/// self-signed certificate (valid for 127.0.0.1, localhost and the product's fixed host names), a log
/// of the requests received, and an optional CONNECT proxy in front for products reached on fixed
/// cloud hosts (AoC, ATS, ALEE): the client is given <c>--http-proxy=</c><see cref="ProxyUrl"/>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ConnectProxy? _proxy;

    /// <summary>Base URL, e.g. <c>https://127.0.0.1:40123</c>.</summary>
    public string Url { get; private set; } = "";
    public int Port { get; private set; }
    /// <summary><c>http://127.0.0.1:P</c> of the CONNECT proxy, when started with one.</summary>
    public string? ProxyUrl => _proxy?.Url;
    /// <summary>The CONNECT proxy, when started with one (to route other fixed hosts to other emulators).</summary>
    public ConnectProxy? Proxy => _proxy;
    public List<RecordedRequest> Requests { get; } = [];

    private EmulatorHost(bool https, IReadOnlyList<string> hostNames, Action<WebApplication> map, bool bufferBodies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = https ? SelfSignedCertificate.Create(hostNames) : null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => { if (certificate is not null) l.UseHttps(certificate); }));
        _app = builder.Build();
        _app.Use(async (ctx, next) =>
        {
            if (!bufferBodies)
            {
                lock (Requests) Requests.Add(new RecordedRequest(ctx.Request.Method, ctx.Request.Host.Host, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
                    ctx.Request.Headers.Authorization.ToString(), ctx.Request.ContentType, ""));
                await next(ctx);
                return;
            }
            ctx.Request.EnableBuffering();
            string body;
            using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8, leaveOpen: true)) body = await reader.ReadToEndAsync();
            ctx.Request.Body.Position = 0;
            var recorded = new RecordedRequest(ctx.Request.Method, ctx.Request.Host.Host, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
                ctx.Request.Headers.Authorization.ToString(), ctx.Request.ContentType, body);
            lock (Requests) Requests.Add(recorded);
            await next(ctx);
        });
        map(_app);
    }

    /// <summary>Starts a host; <paramref name="map"/> adds the product's routes (and its own authentication middleware).</summary>
    public static async Task<EmulatorHost> StartAsync(Action<WebApplication> map, bool https = true, bool connectProxy = false, params string[] hostNames)
        => await StartAsync(map, https, connectProxy, bufferBodies: true, hostNames);

    /// <summary>As above; without <paramref name="bufferBodies"/>, bodies stream to the routes and are not recorded (large uploads).</summary>
    public static async Task<EmulatorHost> StartAsync(Action<WebApplication> map, bool https, bool connectProxy, bool bufferBodies, params string[] hostNames)
    {
        var host = new EmulatorHost(https, hostNames, map, bufferBodies);
        await host._app.StartAsync();
        host.Url = host._app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        host.Port = new Uri(host.Url).Port;
        if (connectProxy) host._proxy = ConnectProxy.Start(host.Port);
        return host;
    }

    /// <summary>The requests received so far, as <c>METHOD /path?query</c> lines.</summary>
    public IReadOnlyList<string> RequestLines()
    {
        lock (Requests) return [.. Requests.Select(static r => r.ToString())];
    }

    public async ValueTask DisposeAsync()
    {
        _proxy?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---- helpers for route handlers ----

    /// <summary>Writes a JSON answer with the given status (no body when <paramref name="body"/> is null).</summary>
    public static async Task Json(HttpContext ctx, JsonNode? body, int status = 200)
    {
        ctx.Response.StatusCode = status;
        if (body is null) return;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Writes a text answer (HTML error pages, XML feeds…).</summary>
    public static async Task Text(HttpContext ctx, string text, string contentType, int status = 200)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(text);
    }

    /// <summary>The request body as JSON (null when empty); a malformed body gives null too.</summary>
    public static async Task<JsonNode?> Body(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8, leaveOpen: true);
        string text = await reader.ReadToEndAsync();
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>The user and password of a Basic Authorization header, or null.</summary>
    public static (string User, string Password)? Basic(HttpContext ctx)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Basic ", StringComparison.Ordinal)) return null;
        try
        {
            string[] pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..])).Split(':', 2);
            return pair.Length == 2 ? (pair[0], pair[1]) : null;
        }
        catch (FormatException) { return null; }
    }

    /// <summary>The token of a Bearer Authorization header, or null.</summary>
    public static string? Bearer(HttpContext ctx)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
    }
}
