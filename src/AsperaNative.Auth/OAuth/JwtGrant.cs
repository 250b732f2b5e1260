using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Rest;

namespace AsperaNative.Auth.OAuth;

/// <summary>
/// JWT bearer grant (RFC 7523), used by AoC and Faspex 5: an assertion signed with the user's
/// private key, whose claims are <c>exp</c> (in an hour), <c>nbf</c> and <c>iat</c> (five minutes back,
/// for clock skew: ascli's <c>jwt_accepted_offset_sec</c>), <c>jti</c>, then the product's claims (<c>iss</c>, <c>sub</c>, <c>aud</c>…).
/// </summary>
public sealed class JwtGrant(OAuthEndpoint endpoint, TokenCache cache, JsonObject claims, RSA key, JsonObject? headers = null) : OAuthProvider(endpoint, cache)
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(1);
    public static readonly TimeSpan AcceptedSkew = TimeSpan.FromSeconds(300);

    /// <summary>How far back <c>nbf</c> goes for the server's clock skew (<see cref="AcceptedSkew"/> unless the product needs more).</summary>
    public TimeSpan Skew { get; init; } = AcceptedSkew;

    /// <summary>Current time, replaceable in tests.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = static () => DateTimeOffset.UtcNow;

    protected override string GrantName => "jwt";
    protected override IEnumerable<string?> Identifiers => [claims["sub"]?.ToString()];

    /// <summary>The signed assertion for the current time.</summary>
    public string Assertion()
    {
        long now = Clock().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["exp"] = now + (long)Validity.TotalSeconds,
            ["nbf"] = now - (long)Skew.TotalSeconds,
            ["iat"] = now - (long)Skew.TotalSeconds + 1,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        foreach (var (k, v) in claims) payload[k] = v?.DeepClone();
        return JwtSigner.Sign(payload, key, headers);
    }

    protected override Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
        => Endpoint.Api.CallAsync(TokenRequest([.. ScopeAndClient(), new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", Assertion())]), cancel);
}
