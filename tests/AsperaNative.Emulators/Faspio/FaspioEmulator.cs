using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsperaNative.Emulators.Faspio;

/// <summary>
/// IBM faspio Gateway REST API below a root path (default <c>/api/v1</c>; <see cref="Url"/> is the
/// <c>--url</c>): <c>GET ping</c> answers <c>{}</c>, <c>bridges</c> is a collection (create answers an
/// array holding the new bridge, as the product does), every answer carries
/// <c>Server: faspio-gateway/&lt;version&gt;</c>. Authentication: HTTP Basic users, or a bearer token from
/// <c>POST auth/token</c> (JWT bearer grant, RS256 assertion signed by a registered client, parameters in
/// the query or the form). Errors: <c>{"message":"…"}</c>.
/// </summary>
public sealed class FaspioEmulator : IAsyncDisposable
{
    public const string Version = "1.3.0";
    public const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly string _root;
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RSA> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _bridges = [];
    private readonly Lock _lock = new();
    private int _nextBridge = 1;
    private EmulatorHost _host = null!;

    public EmulatorHost Http => _host;
    public string Url => _host.Url + _root;
    /// <summary>When set, <c>ping</c> fails with this status and message (unhealthy gateway).</summary>
    public (int Status, string Message)? PingFailure { get; set; }

    private FaspioEmulator(string root) => _root = "/" + root.Trim('/');

    public static async Task<FaspioEmulator> StartAsync(bool https = true, string root = "/api/v1")
    {
        var emulator = new FaspioEmulator(root);
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https);
        return emulator;
    }

    public FaspioEmulator AddUser(string username, string password)
    {
        lock (_lock) _users[username] = password;
        return this;
    }

    /// <summary>Registers an OAuth client whose JWT assertions are verified with <paramref name="publicKeyPem"/>.</summary>
    public FaspioEmulator AddClient(string clientId, string publicKeyPem)
    {
        var key = RSA.Create();
        key.ImportFromPem(publicKeyPem);
        lock (_lock) _clients[clientId] = key;
        return this;
    }

    /// <summary>Adds a TCP → FASP bridge; returns it with its id.</summary>
    public JsonObject AddBridge(string name, string localPort, string forwardHost, string forwardPort = "3994")
    {
        var bridge = new JsonObject
        {
            ["name"] = name,
            ["local"] = new JsonObject { ["protocol"] = "tcp", ["tls_enabled"] = false, ["port"] = localPort, ["bind_address"] = "0.0.0.0" },
            ["forward"] = new JsonObject { ["protocol"] = "fasp", ["tls_enabled"] = false, ["port"] = forwardPort, ["bind_address"] = "", ["host"] = new JsonArray(forwardHost) },
        };
        lock (_lock) return Store(bridge);
    }

    public IReadOnlyList<JsonObject> Bridges()
    {
        lock (_lock) return [.. _bridges.Select(static b => b.DeepClone().AsObject())];
    }

    private JsonObject Store(JsonObject bridge)
    {
        var stored = new JsonObject { ["id"] = $"b{_nextBridge++}" };
        foreach (var (k, v) in bridge) if (k != "id") stored[k] = v?.DeepClone();
        // the gateway listens on all interfaces when no local address is given
        if (stored["local"] is JsonObject local && string.IsNullOrEmpty(local["bind_address"]?.ToString())) local["bind_address"] = "0.0.0.0";
        _bridges.Add(stored);
        return stored.DeepClone().AsObject();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.Server = $"faspio-gateway/{Version}";
            string path = ctx.Request.Path.Value ?? "";
            // ping (product detection) and the token endpoint are open
            if (path.StartsWith(_root + "/", StringComparison.Ordinal) && path != _root + "/auth/token" && path != _root + "/ping" && !Authenticated(ctx))
            {
                ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"faspio\"";
                await Error(ctx, 401, "Unauthorized");
                return;
            }
            await next(ctx);
        });
        var api = app.MapGroup(_root);
        api.MapPost("/auth/token", Token);
        api.MapGet("/ping", ctx => PingFailure is { } failure ? Error(ctx, failure.Status, failure.Message) : EmulatorHost.Json(ctx, new JsonObject()));
        MapBridges(api.MapGroup("/bridges"));
        app.MapFallback(ctx => Error(ctx, 404, "Not Found"));
    }

    private void MapBridges(RouteGroupBuilder bridges)
    {
        bridges.MapGet("", ctx =>
        {
            // simple equality filters on top-level fields (ascli --query)
            var filters = ctx.Request.Query.Where(static q => q.Key is not "offset" and not "limit").ToList();
            lock (_lock)
                return EmulatorHost.Json(ctx, new JsonArray([.. _bridges
                    .Where(b => filters.All(f => b[f.Key]?.ToString() == f.Value.ToString()))
                    .Select(static b => (JsonNode)b.DeepClone())]));
        });
        bridges.MapPost("", async ctx =>
        {
            if (await EmulatorHost.Body(ctx) is not JsonObject body) { await Error(ctx, 400, "request body must be a JSON object"); return; }
            if (Invalid(body) is { } problem) { await Error(ctx, 400, problem); return; }
            JsonObject? created = null;
            lock (_lock)
                if (!_bridges.Any(b => b["name"]?.ToString() == body["name"]!.ToString())) created = Store(body);
            if (created is null) { await Error(ctx, 409, $"bridge {body["name"]} already exists"); return; }
            await EmulatorHost.Json(ctx, new JsonArray(created), 201);
        });
        bridges.MapGet("/{id}", (HttpContext ctx, string id) =>
        {
            lock (_lock) return Find(id) is { } bridge ? EmulatorHost.Json(ctx, bridge.DeepClone()) : NotFound(ctx, id);
        });
        bridges.MapPut("/{id}", async (HttpContext ctx, string id) =>
        {
            if (await EmulatorHost.Body(ctx) is not JsonObject body) { await Error(ctx, 400, "request body must be a JSON object"); return; }
            JsonObject? updated = null;
            lock (_lock)
                if (Find(id) is { } bridge)
                {
                    foreach (var (k, v) in body) if (k != "id") bridge[k] = v?.DeepClone();
                    updated = bridge.DeepClone().AsObject();
                }
            await (updated is null ? NotFound(ctx, id) : EmulatorHost.Json(ctx, updated));
        });
        bridges.MapDelete("/{id}", (HttpContext ctx, string id) =>
        {
            bool removed;
            lock (_lock) removed = Find(id) is { } bridge && _bridges.Remove(bridge);
            if (!removed) return NotFound(ctx, id);
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private JsonObject? Find(string id) => _bridges.FirstOrDefault(b => b["id"]?.ToString() == id);

    private static string? Invalid(JsonObject bridge)
    {
        if (bridge["name"] is null) return "name is required";
        foreach (string side in new[] { "local", "forward" })
        {
            if (bridge[side] is not JsonObject end) return $"{side} is required";
            if (end["protocol"]?.ToString() is not ("tcp" or "fasp")) return $"{side}.protocol must be tcp or fasp";
            if (!int.TryParse(end["port"]?.ToString(), CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535) return $"{side}.port must be a port number";
        }
        return bridge["forward"]!["host"] is JsonArray { Count: > 0 } ? null : "forward.host is required";
    }

    private bool Authenticated(HttpContext ctx)
    {
        if (EmulatorHost.Bearer(ctx) is { } token)
            lock (_lock) return _tokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;
        var pair = EmulatorHost.Basic(ctx);
        lock (_lock) return pair is { } p && _users.TryGetValue(p.User, out var password) && password == p.Password;
    }

    /// <summary>JWT bearer grant: parameters from the query (as ascli sends them) or the form.</summary>
    private async Task Token(HttpContext ctx)
    {
        var values = ctx.Request.Query.ToDictionary(static q => q.Key, static q => q.Value.ToString());
        if (ctx.Request.HasFormContentType)
            foreach (var (k, v) in await ctx.Request.ReadFormAsync()) values.TryAdd(k, v.ToString());
        if (values.GetValueOrDefault("grant_type") != JwtGrant) { await Error(ctx, 400, "unsupported grant_type"); return; }
        if (values.GetValueOrDefault("assertion") is not { Length: > 0 } assertion) { await Error(ctx, 400, "assertion is required"); return; }
        if (VerifiedIssuer(assertion) is not { } client) { await Error(ctx, 401, "invalid assertion"); return; }
        if (values.GetValueOrDefault("client_id") is { } clientId && clientId != client) { await Error(ctx, 401, "client_id does not match the assertion issuer"); return; }
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_lock) _tokens[token] = DateTimeOffset.UtcNow.AddHours(1);
        await EmulatorHost.Json(ctx, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 3600 });
    }

    /// <summary>The client id (<c>iss</c>) of a well signed, current assertion of a registered client, or null.</summary>
    private string? VerifiedIssuer(string assertion)
    {
        string[] parts = assertion.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var header = JsonNode.Parse(Base64Url.Decode(parts[0]));
            var claims = JsonNode.Parse(Base64Url.Decode(parts[1]));
            if (header?["alg"]?.ToString() != "RS256" || claims is null) return null;
            string issuer = claims["iss"]?.ToString() ?? "";
            RSA? key;
            lock (_lock) key = _clients.GetValueOrDefault(issuer);
            if (key is null || claims["sub"]?.ToString() != issuer) return null;
            if (!key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return null;
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if (claims["exp"]?.GetValue<long>() is not { } exp || exp < now) return null;
            if (claims["nbf"]?.GetValue<long>() is { } nbf && nbf > now + 60) return null;
            return issuer;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException) { return null; }
    }

    private static Task NotFound(HttpContext ctx, string id) => Error(ctx, 404, $"bridge {id} not found");

    private static Task Error(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["message"] = message }, status);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
