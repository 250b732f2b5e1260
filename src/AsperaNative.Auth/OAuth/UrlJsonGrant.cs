using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Rest;

namespace AsperaNative.Auth.OAuth;

/// <summary>
/// Public links (AoC <c>url_token</c>): the token is asked with a JSON body and the link's
/// parameters in the query, scope included (it may change, e.g. for a node).
/// </summary>
public sealed class UrlJsonGrant(OAuthEndpoint endpoint, TokenCache cache, JsonObject query, JsonObject body) : OAuthProvider(endpoint, cache)
{
    protected override string GrantName => "url_json";
    protected override IEnumerable<string?> Identifiers => [body["url_token"]?.ToString()];

    protected override Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
    {
        var q = (JsonObject)query.DeepClone();
        q["scope"] = Endpoint.Scope;
        return Endpoint.Api.CallAsync(new RestRequest("POST", Endpoint.TokenPath)
        {
            Query = q,
            Json = body,
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
        }, cancel);
    }
}
