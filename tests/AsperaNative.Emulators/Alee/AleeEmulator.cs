using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Alee;

/// <summary>
/// Aspera License Entitlement Engine on its fixed host <c>https://api.ibmaspera.com/metering/</c>
/// (reached through the CONNECT proxy, <see cref="ProxyUrl"/>): <c>GET ping</c> answers <c>pong</c>,
/// <c>GET v1/entitlement</c> checks <c>X-Aspera-Entitlement-Authorization: Basic entitlement:customer</c>.
/// Errors in AoC style <c>{"error":{"code","user_message"}}</c>.
/// </summary>
public sealed class AleeEmulator : IAsyncDisposable
{
    public const string Host = "api.ibmaspera.com";
    public const string AuthorizationHeader = "X-Aspera-Entitlement-Authorization";

    private readonly Dictionary<(string Entitlement, string Customer), JsonObject> _entitlements = [];
    private EmulatorHost _host = null!;

    /// <summary>The host (request log, port for routing other proxies here).</summary>
    public EmulatorHost Http => _host;
    /// <summary><c>--http-proxy</c> value for the client.</summary>
    public string ProxyUrl => _host.ProxyUrl!;
    /// <summary>When false, <c>ping</c> answers something else than <c>pong</c> (service degraded).</summary>
    public bool Healthy { get; set; } = true;

    private AleeEmulator() { }

    public static async Task<AleeEmulator> StartAsync()
    {
        var emulator = new AleeEmulator();
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https: true, connectProxy: true, Host);
        return emulator;
    }

    /// <summary>Adds an entitlement; <paramref name="details"/> are merged over the default fields.</summary>
    public JsonObject AddEntitlement(string entitlementId, string customerId, JsonObject? details = null)
    {
        var entitlement = new JsonObject
        {
            ["entitlement_id"] = entitlementId,
            ["customer_id"] = customerId,
            ["status"] = "active",
            ["product_name"] = "IBM Aspera on Cloud",
            ["plan"] = "enterprise",
            ["start_date"] = "2024-01-01",
            ["end_date"] = "2026-12-31",
            ["transfer_volume_limit_gb"] = 10240,
        };
        foreach (var (key, value) in details ?? []) entitlement[key] = value?.DeepClone();
        lock (_entitlements) _entitlements[(entitlementId, customerId)] = entitlement;
        return entitlement;
    }

    private void Map(WebApplication app)
    {
        var metering = app.MapGroup("/metering").RequireHost(Host);
        metering.MapGet("/ping", ctx => EmulatorHost.Text(ctx, Healthy ? "pong" : "maintenance", "text/plain; charset=utf-8", Healthy ? 200 : 503));
        metering.MapGet("/v1/entitlement", Entitlement);
        app.MapFallback(ctx => Error(ctx, 404, "not_found", "No such endpoint"));
    }

    private Task Entitlement(HttpContext ctx)
    {
        string header = ctx.Request.Headers[AuthorizationHeader].ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
            return Error(ctx, 401, "missing_entitlement_authorization", $"Missing {AuthorizationHeader} header");
        string[] pair;
        try { pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2); }
        catch (FormatException) { return Error(ctx, 401, "invalid_entitlement_authorization", "Malformed entitlement authorization"); }
        JsonObject? found = null;
        if (pair.Length == 2)
            lock (_entitlements) found = _entitlements.GetValueOrDefault((pair[0], pair[1]))?.DeepClone().AsObject();
        return found is null
            ? Error(ctx, 401, "invalid_entitlement", "Invalid entitlement id or customer id")
            : EmulatorHost.Json(ctx, found);
    }

    private static Task Error(HttpContext ctx, int status, string code, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["user_message"] = message } }, status);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
