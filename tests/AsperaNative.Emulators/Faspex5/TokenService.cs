using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex5.State;

namespace AsperaNative.Emulators.Faspex5;

/// <summary>
/// OAuth of the emulated Faspex 5 (<c>/aspera/faspex/auth</c>): verifies JWT bearer assertions (RS256,
/// <c>iss</c> = <c>aud</c> = a registered client with JWT enabled, <c>sub</c> = <c>user:&lt;name&gt;</c>, signed by
/// that user's public key or the client's general key, inside <c>nbf</c>..<c>exp</c>), exchanges
/// authorization codes (web), and issues access tokens: JWS signed by the emulator's own key, so that
/// clients can read their expiry. The same tokens serve as "boot" tokens.
/// </summary>
public sealed class TokenService(Faspex5State state)
{
    // one signing key per process: key generation is the slow part of starting an emulator
    private static readonly RSA Signer = RSA.Create(2048);
    private readonly RSA _signer = Signer;
    private readonly ConcurrentDictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);

    /// <summary>Lifetime of issued access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Clock skew accepted on assertions.</summary>
    public TimeSpan Leeway { get; set; } = TimeSpan.FromSeconds(60);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        string s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    /// <summary>
    /// A JWT bearer assertion as ascli builds it for Faspex 5: header <c>{"typ":"JWT","alg":"RS256"}</c>, claims
    /// <c>exp</c> (now + <paramref name="expiresIn"/>), <c>nbf</c> (now − 300), <c>iat</c> (now − 299), <c>jti</c>,
    /// <c>iss</c> = <c>aud</c> = the client id (unless <paramref name="audience"/>), <c>sub</c> = <c>user:&lt;name&gt;</c>.
    /// </summary>
    public static string Assertion(RSA key, string clientId, string userName, int expiresIn = 3600, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["exp"] = now + expiresIn, ["nbf"] = now - 300, ["iat"] = now - 299, ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = clientId, ["aud"] = audience ?? clientId, ["sub"] = "user:" + userName,
        };
        string input = Base64Url(Encoding.UTF8.GetBytes("{\"typ\":\"JWT\",\"alg\":\"RS256\"}")) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return input + "." + Base64Url(key.SignData(Encoding.UTF8.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Issues an access token for a user (also what a boot token is).</summary>
    public string Issue(int userId, string clientId)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["sub"] = "user:" + state.UserName(userId),
            ["user_id"] = userId,
            ["client_id"] = clientId,
            ["iat"] = now,
            ["exp"] = now + (long)AccessTokenLifetime.TotalSeconds,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        string signingInput = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return signingInput + "." + Base64Url(_signer.SignData(Encoding.UTF8.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public void Revoke(string token) => _revoked[token] = 0;

    /// <summary>The user id of a valid access token; the reason as exception otherwise.</summary>
    public int Verify(string token)
    {
        var (payload, signingInput, signature) = Split(token) ?? throw new Faspex5Exception(401, "Invalid token");
        if (!_signer.VerifyData(Encoding.UTF8.GetBytes(signingInput), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) || _revoked.ContainsKey(token))
            throw new Faspex5Exception(401, "Invalid token");
        if (payload["exp"]?.GetValue<long>() is not { } exp || exp < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
            throw new Faspex5Exception(401, "Signature has expired");
        int userId = payload["user_id"]?.GetValue<int>() ?? throw new Faspex5Exception(401, "Invalid token");
        lock (state.Sync)
            if (state.Account(userId) is not { } account || account.Str("status") != "active") throw new Faspex5Exception(401, "User not found or inactive");
        return userId;
    }

    /// <summary>Checks a JWT bearer assertion of <paramref name="clientId"/>; answers the user id.</summary>
    public int VerifyAssertion(string clientId, string assertion)
    {
        JsonObject client;
        lock (state.Sync)
            client = state.Collection("oauth_clients").Find(clientId) ?? throw new Faspex5Exception(401, "Invalid client");
        if (client["jwt_enabled"]?.GetValue<bool>() != true) throw new Faspex5Exception(401, "JWT is not enabled for this client");
        string[] parts = assertion.Split('.');
        if (parts.Length != 3) throw new Faspex5Exception(401, "Invalid JWT assertion");
        JsonObject header, claims;
        try
        {
            header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject ?? throw new FormatException();
            claims = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new Faspex5Exception(401, "Invalid JWT assertion");
        }
        if (header.Str("alg") != "RS256") throw new Faspex5Exception(401, $"Unsupported JWT algorithm: {header.Str("alg")}");
        if (claims.Str("iss") != clientId || claims.Str("aud") != clientId) throw new Faspex5Exception(401, "Invalid JWT issuer or audience");
        string sub = claims.Str("sub");
        if (!sub.StartsWith("user:", StringComparison.Ordinal)) throw new Faspex5Exception(401, "Invalid JWT subject");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), leeway = (long)Leeway.TotalSeconds;
        if (Long(claims["exp"]) is not { } exp || exp + leeway < now) throw new Faspex5Exception(401, "Signature has expired");
        if (Long(claims["nbf"]) is { } nbf && nbf - leeway > now) throw new Faspex5Exception(401, "Signature nbf has not been reached");
        int userId;
        string? userKey;
        lock (state.Sync)
        {
            var account = state.Account(sub[5..]) ?? throw new Faspex5Exception(401, "User not found");
            userId = account["id"]!.GetValue<int>();
            userKey = state.PreferencesOf(userId)["public_key"]?.ToString();
        }
        byte[] signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        byte[] signature = FromBase64Url(parts[2]);
        bool valid = new[] { userKey, client["public_key"]?.ToString() }.OfType<string>().Where(static k => k.Length > 0)
            .Any(pem => VerifyWith(pem, signingInput, signature));
        if (!valid) throw new Faspex5Exception(401, "JWT signature verification failed");
        return userId;
    }

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue(out long l) ? l : null;

    private static bool VerifyWith(string pem, byte[] data, byte[] signature)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException) { return false; }
    }

    /// <summary>An authorization code for the web flow (the emulated browser login of <paramref name="userId"/>).</summary>
    public string NewCode(int userId)
    {
        string code = Base64Url(RandomNumberGenerator.GetBytes(16));
        _codes[code] = userId;
        return code;
    }

    public int RedeemCode(string code) => _codes.TryRemove(code, out int user) ? user : throw new Faspex5Exception(401, "Invalid authorization code");

    private static (JsonObject Payload, string SigningInput, byte[] Signature)? Split(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            return JsonNode.Parse(FromBase64Url(parts[1])) is JsonObject o ? (o, parts[0] + "." + parts[1], FromBase64Url(parts[2])) : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException) { return null; }
    }
}
