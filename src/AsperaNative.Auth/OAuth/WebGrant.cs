using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;

namespace AsperaNative.Auth.OAuth;

/// <summary>
/// Authorization code grant through a browser (RFC 6749 §4.1): the login page is opened (or its
/// URL printed with <c>--ui=text</c>), the redirection is received on a loopback listener, its
/// <c>state</c> checked, and the code exchanged for a token.
/// </summary>
public sealed class WebGrant(OAuthEndpoint endpoint, TokenCache cache, Uri redirectUri, Action<Uri> openBrowser, string authorizePath = "authorize", string? identity = null)
    : OAuthProvider(endpoint, cache)
{
    /// <summary>How long the user has to log in.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromMinutes(10);

    protected override string GrantName => "web";
    protected override IEnumerable<string?> Identifiers => [identity];

    /// <summary>The login page URL for this state.</summary>
    public Uri LoginPage(string state)
    {
        var query = new JsonObject();
        foreach (var (k, v) in ScopeAndClient()) query[k] = v;
        query["response_type"] = "code";
        query["redirect_uri"] = redirectUri.ToString();
        query["state"] = state;
        return new Uri(Endpoint.Api.UrlOf(authorizePath, query));
    }

    protected override async Task<RestResponse> CreateTokenAsync(CancellationToken cancel)
    {
        string state = Guid.NewGuid().ToString();
        using var listener = new LoopbackListener(redirectUri);
        openBrowser(LoginPage(state));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(LoginTimeout);
        var received = await listener.ReceiveAsync(timeout.Token);
        if (received.TryGetValue("error", out var error))
            throw CliException.Runtime($"authorization failed: {error}{(received.TryGetValue("error_description", out var d) ? ": " + d : "")}");
        if (!received.TryGetValue("state", out var back) || back != state) throw CliException.Assertion("wrong received state");
        if (!received.TryGetValue("code", out var code)) throw CliException.Runtime("authorization failed: no code received");
        return await Endpoint.Api.CallAsync(TokenRequest([.. ScopeAndClient(withSecret: true), new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri.ToString())]), cancel);
    }
}
