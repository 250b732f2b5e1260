using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>Who calls the API, from a verified access token.</summary>
public sealed record AocCaller(string? UserId, string Scope, string ClientId, string? UrlToken)
{
    /// <summary>The scope's words (AoC accepts <c>a+b</c> and <c>a b</c>).</summary>
    public IEnumerable<string> Scopes => Scope.Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
    public bool Admin => Scopes.Contains("admin:all");
    public bool AdminUser => Scopes.Contains("admin-user:all") || Admin;
}

/// <summary>
/// The AoC OAuth server (<c>/api/v1/oauth2/&lt;org&gt;/token</c>, <c>/authorize</c> and the org-less
/// <c>/api/v1/oauth2/token</c> of public links). Grants: JWT bearer (RS256 assertion verified with the
/// user's registered <c>public_key</c>, or the API client's when its JWT grant is enabled),
/// url_token (Basic client auth), authorization_code. Access tokens are RS256 JWS signed by the
/// emulator, so clients can decode <c>exp</c>; node scopes <c>node.&lt;ak&gt;:user:all</c> are
/// accepted by the node through <see cref="Verify"/>.
/// Errors are the OAuth bodies AoC sends: <c>{"error":"invalid_grant","error_description":…}</c>.
/// </summary>
public sealed class AocOAuth(AocState state, AocEmulatorOptions options)
{
    public const string GlobalClientId = "aspera.global-cli-client";
    /// <summary>The secret of ascli's built-in client (the gem's data blob 4, URL-safe base64).</summary>
    public const string GlobalClientSecret = "frpmsRsG4mjZ0PlxCgdJlvONqBg4Vlpz_IX7gXmBMAfsgMLy2FO6CXLodKfKAuhqnCqSptLbe_wdmnm9JRuEPO-PpFqpq_Kb";
    public const string JwtAudience = "https://api.asperafiles.com/api/v1/oauth2/token";
    public const string BadKeyMessage = "Invalid JWT signature or public key not set in profile";
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly RSA _signer = RSA.Create(2048);

    /// <summary>Tokens issued so far (for assertions).</summary>
    public List<JsonObject> Issued { get; } = [];

    public async Task Token(HttpContext ctx, string? org)
    {
        if (org is not null && org != state.Organization) { await OAuthError(ctx, 400, "invalid_request", "Unknown organization"); return; }
        var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : null;
        string Field(string name) => form?[name].ToString() is { Length: > 0 } v ? v : ctx.Request.Query[name].ToString();
        string grant = Field("grant_type");
        string scope = Field("scope") is { Length: > 0 } s ? s : "user:all";
        switch (grant)
        {
            case JwtGrant: await JwtBearer(ctx, Field("client_id"), Field("assertion"), scope); break;
            case "url_token": await UrlTokenGrant(ctx, scope); break;
            case "authorization_code": await CodeGrant(ctx, Field("client_id"), Field("client_secret"), Field("code"), scope); break;
            default: await OAuthError(ctx, 400, "unsupported_grant_type", $"Unsupported grant type: {grant}"); break;
        }
    }

    private async Task JwtBearer(HttpContext ctx, string clientId, string assertion, string scope)
    {
        JsonObject? client = null;
        lock (state.Lock)
            if (clientId != GlobalClientId && clientId != "aspera.drive")
                client = state["clients"].Find(clientId);
        if (clientId.Length == 0 || clientId != GlobalClientId && clientId != "aspera.drive" && client is null) { await OAuthError(ctx, 401, "invalid_client", "Client authentication failed"); return; }
        string[] parts = assertion.Split('.');
        JsonObject? header = null, claims = null;
        try
        {
            if (parts.Length == 3) { header = JsonNode.Parse(FromB64Url(parts[0])) as JsonObject; claims = JsonNode.Parse(FromB64Url(parts[1])) as JsonObject; }
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException) { }
        if (header is null || claims is null) { await OAuthError(ctx, 400, "invalid_grant", "Malformed JWT assertion"); return; }
        if (header["alg"]?.ToString() != "RS256") { await OAuthError(ctx, 400, "invalid_grant", "JWT algorithm must be RS256"); return; }
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (claims["exp"]?.GetValue<long>() is not { } exp || exp < now) { await OAuthError(ctx, 400, "invalid_grant", "JWT has expired"); return; }
        if (claims["nbf"]?.GetValue<long>() is { } nbf && nbf > now + 60) { await OAuthError(ctx, 400, "invalid_grant", "JWT not yet valid"); return; }
        if (claims["iss"]?.ToString() != clientId) { await OAuthError(ctx, 400, "invalid_grant", "JWT issuer does not match client_id"); return; }
        if (claims["aud"]?.ToString() != JwtAudience) { await OAuthError(ctx, 400, "invalid_grant", "Invalid JWT audience"); return; }
        if (client is null && claims["org"]?.ToString() != state.Organization) { await OAuthError(ctx, 400, "invalid_grant", "Invalid JWT organization"); return; }
        JsonObject? user;
        string? userKey, clientKey = null;
        lock (state.Lock)
        {
            user = state.UserByEmail(claims["sub"]?.ToString() ?? "");
            userKey = user?["public_key"]?.ToString();
            if (client?["jwt_grant_enabled"]?.GetValue<bool>() == true) clientKey = client["public_key"]?.ToString();
        }
        byte[] signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        byte[] signature;
        try { signature = Convert.FromBase64String(Pad(parts[2])); }
        catch (FormatException) { signature = []; }
        if (user is null || user["deactivated"]?.GetValue<bool>() == true || !(Verifies(userKey, signed, signature) || Verifies(clientKey, signed, signature)))
        {
            await OAuthError(ctx, 400, "invalid_grant", BadKeyMessage);
            return;
        }
        await Grant(ctx, user["id"]!.ToString(), scope, clientId, null);
    }

    private async Task UrlTokenGrant(HttpContext ctx, string scope)
    {
        var basic = EmulatorHost.Basic(ctx);
        bool clientOk;
        lock (state.Lock)
            clientOk = basic is { } b && (b.User == GlobalClientId && b.Password == GlobalClientSecret
                || state["clients"].Find(b.User)?["secret"]?.ToString() is { } secret && secret == b.Password);
        if (!clientOk) { await OAuthError(ctx, 401, "invalid_client", "Client authentication failed"); return; }
        var body = await EmulatorHost.Body(ctx) as JsonObject;
        string token = body?["url_token"]?.ToString() ?? "";
        JsonObject? link;
        lock (state.Lock) link = state.UrlTokens.GetValueOrDefault(token);
        if (link is null) { await OAuthError(ctx, 400, "invalid_grant", "Invalid url token"); return; }
        if (link["password"]?.ToString() is { Length: > 0 } password && body?["password"]?.ToString() != password)
        {
            await OAuthError(ctx, 400, "invalid_grant", body?["password"] is null ? "Password required" : "Invalid password");
            return;
        }
        // a public-link caller is nobody: it sees only what its link gives (url_tokens, the link's workspace/node/package)
        await Grant(ctx, null, scope, basic!.Value.User, token);
    }

    private async Task CodeGrant(HttpContext ctx, string clientId, string clientSecret, string code, string scope)
    {
        string? userId;
        lock (state.Lock)
        {
            bool clientOk = clientId == GlobalClientId && clientSecret == GlobalClientSecret || state["clients"].Find(clientId)?["secret"]?.ToString() is { } s && s == clientSecret;
            userId = clientOk && state.AuthorizationCodes.Remove(code, out var u) ? u : null;
        }
        if (userId is null) { await OAuthError(ctx, 400, "invalid_grant", "Invalid authorization code"); return; }
        await Grant(ctx, userId, scope, clientId, null);
    }

    /// <summary><c>GET …/authorize</c>: the browser "logs in" as <see cref="AocEmulatorOptions.WebLoginEmail"/> and is sent back with a code.</summary>
    public async Task Authorize(HttpContext ctx)
    {
        string redirect = ctx.Request.Query["redirect_uri"].ToString();
        string? userId;
        string code = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        lock (state.Lock)
        {
            userId = (options.WebLoginEmail is { } email ? state.UserByEmail(email) : state["users"].All().FirstOrDefault())?["id"]?.ToString();
            if (userId is not null) state.AuthorizationCodes[code] = userId;
        }
        if (userId is null || redirect.Length == 0) { await OAuthError(ctx, 400, "invalid_request", "No user can log in"); return; }
        string separator = redirect.Contains('?') ? "&" : "?";
        ctx.Response.Redirect($"{redirect}{separator}code={code}&state={Uri.EscapeDataString(ctx.Request.Query["state"].ToString())}");
    }

    private async Task Grant(HttpContext ctx, string? userId, string scope, string clientId, string? urlToken)
    {
        var scopes = scope.Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
        bool admin;
        lock (state.Lock) admin = state.IsAdmin(userId);
        foreach (string one in scopes)
        {
            bool known = one is "user:all" or "self" or "admin:all" or "admin-user:all" || one.StartsWith("node.", StringComparison.Ordinal) && (one.EndsWith(":user:all", StringComparison.Ordinal) || one.EndsWith(":admin:all", StringComparison.Ordinal));
            if (!known) { await OAuthError(ctx, 400, "invalid_scope", $"Invalid scope: {one}"); return; }
            if ((one is "admin:all" or "admin-user:all" || one.EndsWith(":admin:all", StringComparison.Ordinal)) && !admin)
            {
                await OAuthError(ctx, 400, "invalid_scope", $"User is not allowed scope: {one}");
                return;
            }
        }
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = "https://api.ibmaspera.com", ["sub"] = userId ?? "url_token", ["aud"] = clientId, ["org"] = state.Organization,
            ["user_id"] = userId, ["scope"] = scope, ["url_token"] = urlToken, ["iat"] = now, ["exp"] = now + (long)options.TokenLifetime.TotalSeconds,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        string token = Sign(claims);
        lock (Issued) Issued.Add(claims);
        await EmulatorHost.Json(ctx, new JsonObject
        {
            ["access_token"] = token, ["token_type"] = "bearer", ["expires_in"] = (long)options.TokenLifetime.TotalSeconds, ["scope"] = scope,
        });
    }

    /// <summary>The caller of an API request, or null when its bearer token is missing, forged or expired.</summary>
    public AocCaller? Verify(string? bearer)
    {
        if (bearer is null) return null;
        string[] parts = bearer.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            if (!_signer.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Convert.FromBase64String(Pad(parts[2])), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return null;
            var claims = JsonNode.Parse(FromB64Url(parts[1]))!;
            if (claims["exp"]!.GetValue<long>() < DateTimeOffset.UtcNow.ToUnixTimeSeconds()) return null;
            return new AocCaller(claims["user_id"]?.ToString(), claims["scope"]!.ToString(), claims["aud"]!.ToString(), claims["url_token"]?.ToString());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or NullReferenceException) { return null; }
    }

    /// <summary>For the node: an AoC token whose scope is <c>node.&lt;access key&gt;:…</c>.</summary>
    public bool VerifyNodeToken(string token, string accessKey)
        => Verify(token) is { } caller && caller.Scopes.Any(s => s.StartsWith($"node.{accessKey}:", StringComparison.Ordinal));

    private string Sign(JsonObject claims)
    {
        string head = B64Url("""{"alg":"RS256","typ":"JWT"}"""u8.ToArray()), body = B64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        byte[] signature = _signer.SignData(Encoding.ASCII.GetBytes(head + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return head + "." + body + "." + B64Url(signature);
    }

    private static bool Verifies(string? pem, byte[] data, byte[] signature)
    {
        if (string.IsNullOrWhiteSpace(pem) || signature.Length == 0) return false;
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException) { return false; }
    }

    public static Task OAuthError(HttpContext ctx, int status, string error, string description)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    internal static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    internal static string FromB64Url(string text) => Encoding.UTF8.GetString(Convert.FromBase64String(Pad(text)));
    private static string Pad(string b64url)
    {
        string s = b64url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
