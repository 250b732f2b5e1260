using AsperaNative.Auth.Cache;
using AsperaNative.Rest;

namespace AsperaNative.Auth.OAuth;

/// <summary>
/// A grant made of form parameters only: <c>client_credentials</c> (client id and secret),
/// <c>password</c> (Faspex 4 API), IBM IAM's <c>urn:ibm:params:oauth:grant-type:apikey</c>.
/// The client authenticates with HTTP Basic on the endpoint's API, or with the secret in the body.
/// </summary>
public sealed class GenericGrant(OAuthEndpoint endpoint, TokenCache cache, string grantType, IReadOnlyList<KeyValuePair<string, string?>>? parameters = null, bool secretInBody = false, string? identity = null)
    : OAuthProvider(endpoint, cache)
{
    protected override string GrantName => "generic";
    protected override IEnumerable<string?> Identifiers => [identity ?? Endpoint.ClientId, grantType];

    /// <summary>Client credentials grant (RFC 6749 §4.4).</summary>
    public static GenericGrant ClientCredentials(OAuthEndpoint endpoint, TokenCache cache, bool secretInBody = false)
        => new(endpoint, cache, "client_credentials", null, secretInBody);

    protected override Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
        => Endpoint.Api.CallAsync(TokenRequest([.. ScopeAndClient(withSecret: secretInBody), new("grant_type", grantType), .. parameters ?? []]), cancel);
}
