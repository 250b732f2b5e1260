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

    /// <summary>
    /// Sends <c>client_secret</c> with the code even when there is none (a bare key, as ascli does when the
    /// application gives no secret: Faspex 5).
    /// </summary>
    public bool SecretAlwaysSent { get; init; }

    /// <summary>A redirect URI as ascli accepts it: http or https, with an explicit port (the listener's).</summary>
    public static Uri CheckedRedirectUri(string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw CliException.Assertion("redirect_uri scheme must be http or https");
        string authority = redirectUri[(redirectUri.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', '?', '#')[0];
        if (!authority.Contains(':') || authority.EndsWith(']')) throw CliException.Assertion("redirect_uri must have a port");
        return uri;
    }

    protected override string GrantName => "web";
    protected override IEnumerable<string?> Identifiers => [identity];

    /// <summary>The login page URL for this state.</summary>
    public Uri LoginPage(string state)
    {
        var query = new JsonObject();
        foreach (var (k, v) in ScopeAndClient()) query[k] = v;
        query["response_type"] = "code";
        query["redirect_uri"] = redirectUri.OriginalString;
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
        var form = ScopeAndClient(withSecret: true);
        if (SecretAlwaysSent && Endpoint.ClientId is not null && Endpoint.ClientSecret is null) form.Add(new("client_secret", null));
        return await Endpoint.Api.CallAsync(TokenRequest([.. form, new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri.OriginalString)]), cancel);
    }
}
