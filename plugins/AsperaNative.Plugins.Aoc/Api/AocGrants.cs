using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// AoC's JWT bearer grant: claims <c>exp</c> (in an hour), <c>nbf</c> (5 minutes back), <c>iat</c>, <c>jti</c>, <c>iss</c>
/// (client id), <c>sub</c> (user e-mail), <c>aud</c> (always the asperafiles audience) and <c>org</c> for the global clients;
/// header <c>{"alg":"RS256"}</c>. Cached tokens are identified by organization and user.
/// </summary>
public sealed class AocJwtGrant(OAuthEndpoint endpoint, TokenCache cache, RSA key, string username, string organization, bool globalClient)
    : OAuthProvider(endpoint, cache)
{
    public const string Audience = "https://api.asperafiles.com/api/v1/oauth2/token";
    private static readonly TimeSpan Validity = TimeSpan.FromHours(1);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    protected override string GrantName => "jwt";
    protected override IEnumerable<string?> Identifiers => [organization, username];

    public string Assertion()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["exp"] = now + (long)Validity.TotalSeconds,
            ["nbf"] = now - (long)Skew.TotalSeconds,
            ["iat"] = now - (long)Skew.TotalSeconds + 1,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = Endpoint.ClientId,
            ["sub"] = username,
            ["aud"] = Audience,
        };
        if (globalClient) claims["org"] = organization;
        return JwtSigner.Sign(claims, key);
    }

    protected override Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
        => Endpoint.Api.CallAsync(TokenRequest([.. ScopeAndClient(), new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", Assertion())]), cancel);
}

/// <summary>
/// Public links (<c>url_token</c> grant): <c>POST …/oauth2/token?grant_type=url_token&amp;scope=…</c> with the client's Basic
/// authorization and <c>{"url_token":…}</c> (plus the link's <c>password</c>). Cached by link token and client id.
/// </summary>
public sealed class AocUrlTokenGrant(OAuthEndpoint endpoint, TokenCache cache, string urlToken, string? password) : OAuthProvider(endpoint, cache)
{
    protected override string GrantName => "url_json";
    protected override IEnumerable<string?> Identifiers => [urlToken, Endpoint.ClientId];

    protected override Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
    {
        var body = new JsonObject { ["url_token"] = urlToken };
        if (password is not null) body["password"] = password;
        return Endpoint.Api.CallAsync(new RestRequest("POST", Endpoint.TokenPath)
        {
            Query = new JsonObject { ["grant_type"] = "url_token", ["scope"] = Endpoint.Scope },
            Json = body,
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
        }, cancel);
    }
}

/// <summary>
/// The authorization of the AoC API object: one OAuth provider per scope, the current one chosen by the plugin
/// (ascli switches the same API object to <c>admin:all</c> for <c>admin</c> commands: the next call gets a new token).
/// </summary>
public sealed class ScopedAuthorization(Func<string, OAuthProvider> create, string scope) : ITokenProvider
{
    private readonly Dictionary<string, OAuthProvider> _providers = new(StringComparer.Ordinal);

    public string Scope { get; set; } = scope;
    public bool Renewable => true;

    /// <summary>The provider of a scope (made once).</summary>
    public OAuthProvider For(string scope)
    {
        if (!_providers.TryGetValue(scope, out var provider)) _providers[scope] = provider = create(scope);
        return provider;
    }

    public ValueTask<string> GetAuthorizationAsync(bool renew, CancellationToken cancel) => For(Scope).GetAuthorizationAsync(renew, cancel);
}

/// <summary>One fixed scope of a <see cref="ScopedAuthorization"/> (node tokens, analytics).</summary>
public sealed class FixedScope(ScopedAuthorization auth, string scope) : ITokenProvider
{
    public bool Renewable => true;
    public ValueTask<string> GetAuthorizationAsync(bool renew, CancellationToken cancel) => auth.For(scope).GetAuthorizationAsync(renew, cancel);
}
