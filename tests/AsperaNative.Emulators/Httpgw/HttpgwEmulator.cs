using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Httpgw;

/// <summary>
/// IBM Aspera HTTP Gateway, its discovery part only: <c>GET {prefix}/aspera/http-gwy/v1/info</c> over
/// HTTPS without authentication (what <c>ascli httpgw info|health</c> and the httpgw transfer agent read
/// first). The transfer endpoints (download POST, upload web socket) are not emulated here.
/// Unknown paths answer the gateway's <c>{"message":"Not Found"}</c> with 404.
/// </summary>
public sealed class HttpgwEmulator : IAsyncDisposable
{
    public const string GatewayPath = "/aspera/http-gwy";

    private readonly string _prefix;
    private EmulatorHost _host = null!;

    public EmulatorHost Http => _host;
    /// <summary>The gateway root, e.g. <c>https://127.0.0.1:P/aspera/http-gwy</c> (or below the prefix).</summary>
    public string Url => _host.Url + _prefix + GatewayPath;
    /// <summary>The server URL without the gateway path (what users often give as <c>--url</c>).</summary>
    public string ServerUrl => _host.Url + _prefix;
    /// <summary>Answer of <c>v1/info</c>; change it to emulate other gateway versions (e.g. no <c>/v2/upload</c>).</summary>
    public JsonObject Info { get; set; }
    /// <summary>When set, <c>info</c> fails with this status and the gateway's <c>{"message"}</c> body.</summary>
    public (int Status, string Message)? InfoFailure { get; set; }

    private HttpgwEmulator(string prefix)
    {
        _prefix = prefix.TrimEnd('/');
        Info = DefaultInfo(_prefix + GatewayPath);
    }

    /// <summary>Starts a gateway (HTTPS, as the product requires), optionally below <paramref name="prefix"/> (e.g. <c>/gw</c>).</summary>
    public static async Task<HttpgwEmulator> StartAsync(string prefix = "")
    {
        var emulator = new HttpgwEmulator(prefix);
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https: true);
        return emulator;
    }

    /// <summary>The info of a 2.x gateway supporting upload API v1 and v2.</summary>
    public static JsonObject DefaultInfo(string gatewayPath) => new()
    {
        ["version"] = "2.3.0",
        ["download_endpoint"] = gatewayPath + "/v1/download",
        ["upload_endpoint"] = gatewayPath + "/v1/upload",
        ["endpoints"] = new JsonArray("/v1/download", "/v1/upload", "/v2/upload"),
        ["max_upload_size"] = 0,
        ["clock_skew_tolerance_secs"] = 300,
    };

    private void Map(WebApplication app)
    {
        app.MapGet(_prefix + GatewayPath + "/v1/info", ctx => InfoFailure is { } failure
            ? GatewayError(ctx, failure.Status, failure.Message)
            : EmulatorHost.Json(ctx, Info.DeepClone()));
        app.MapFallback(ctx => GatewayError(ctx, 404, "Not Found"));
    }

    private static Task GatewayError(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["message"] = message }, status);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
