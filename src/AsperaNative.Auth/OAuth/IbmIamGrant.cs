using AsperaNative.Auth.Cache;
using AsperaNative.Rest;

namespace AsperaNative.Auth.OAuth;

/// <summary>
/// IBM Cloud IAM's API key grant (<c>POST {identity}/token</c>, form
/// <c>grant_type=urn:ibm:params:oauth:grant-type:apikey&amp;response_type=…&amp;apikey=…</c>), used by ATS
/// (<c>api_key</c> commands, response type <c>cloud_iam</c>) and IBM COS (<c>cloud_iam</c> for the S3 API, then
/// <c>delegated_refresh_token</c> for the bucket's transfer node, with <c>receiver_client_ids</c>).
/// As ascli 4.21.1, a refused token is first "refreshed" with IAM's <c>not_supported</c> refresh token (which IAM
/// refuses), then a new grant is made.
/// </summary>
public sealed class IbmIamGrant(OAuthEndpoint endpoint, TokenCache cache, string apiKey, string responseType, string? receiverClientIds = null)
    : OAuthProvider(endpoint, cache)
{
    public const string GrantType = "urn:ibm:params:oauth:grant-type:apikey";
    /// <summary>The identity service of IBM Cloud (COS default); ATS uses its former host, <c>iam.bluemix.net</c>.</summary>
    public const string CloudIdentityUrl = "https://iam.cloud.ibm.com/identity";
    public const string CloudIam = "cloud_iam";
    public const string DelegatedRefreshToken = "delegated_refresh_token";

    /// <summary>A grant on the identity service at <paramref name="identityUrl"/>; the delegated kind reads its token from <c>delegated_refresh_token</c>.</summary>
    public static IbmIamGrant Create(RestFactory rest, TokenCache cache, string identityUrl, string apiKey, string responseType = CloudIam, string? receiverClientIds = null)
    {
        var endpoint = new OAuthEndpoint(rest.Create(identityUrl)) { TokenField = responseType == DelegatedRefreshToken ? DelegatedRefreshToken : "access_token" };
        return new IbmIamGrant(endpoint, cache, apiKey, responseType, receiverClientIds);
    }

    // ascli's cache id: the last word of the grant type, the key, the response type
    protected override string GrantName => "generic";
    protected override IEnumerable<string?> Identifiers => ["apikey", apiKey, responseType];

    protected override bool TriesRefresh(string refreshToken) => true;

    protected override Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
    {
        var form = new List<KeyValuePair<string, string?>>(ScopeAndClient())
        {
            new("grant_type", GrantType),
            new("response_type", responseType),
            new("apikey", apiKey),
        };
        if (receiverClientIds is not null) form.Add(new("receiver_client_ids", receiverClientIds));
        return Endpoint.Api.CallAsync(TokenRequest(form), cancel);
    }
}
