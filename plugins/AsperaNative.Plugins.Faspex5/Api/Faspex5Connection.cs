// Faspex 5 connection (ascli's faspex5 set_api): the API at {url}/api/v5 and the OAuth server at {url}/auth,
// reached with a JWT grant, a browser login (web), a token copied from a browser (boot) or a public link
// (a package or submission URL with ?context=: no login, a Passcode header). docs/products/faspex5.md §2.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Auth;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspex5.Api;

/// <summary>The authenticated Faspex 5 of the command line: its API, its OAuth server and, for a public link, what the link allows.</summary>
public sealed class Faspex5Connection
{
    public const string ApiPath = "api/v5";
    public const string AuthPath = "auth";
    /// <summary>Redirections followed when a public link is opened.</summary>
    private const int PublicLinkRedirects = 3;

    private Faspex5Connection(string baseUrl, Faspex5Api api, RestClient authApi, OAuthProvider? oauth, JsonObject? publicContext)
    {
        BaseUrl = baseUrl;
        Api = api;
        AuthApi = authApi;
        OAuth = oauth;
        PublicContext = publicContext;
    }

    /// <summary>The Faspex URL, e.g. <c>https://faspex.example.com/aspera/faspex</c> (public link pages removed).</summary>
    public string BaseUrl { get; }
    /// <summary>The API (<c>{url}/api/v5</c>) with the authorization of <c>--auth</c>.</summary>
    public Faspex5Api Api { get; }
    /// <summary>The OAuth server (<c>{url}/auth</c>, home of <c>oauth_clients</c>) with the same authorization.</summary>
    public RestClient AuthApi { get; }
    /// <summary>The token provider of JWT and web authentication (none for boot and public links).</summary>
    public OAuthProvider? OAuth { get; }
    /// <summary>The decoded <c>context</c> of a public link: <c>passcode</c>, <c>package_id</c>, <c>recipient_type</c>, <c>name</c>.</summary>
    public JsonObject? PublicContext { get; }

    /// <summary>True when the URL is a public link (ascli: it contains <c>?context=</c>).</summary>
    public static bool IsPublicLink(string url) => url.Contains("?context=", StringComparison.Ordinal);

    /// <summary>Connects as the options say; every mandatory option is read in ascli's order.</summary>
    public static async Task<Faspex5Connection> OpenAsync(BasicAuthOptions auth, Faspex5Options options, RestFactory rest, TokenCache tokens, PluginContext context)
    {
        string url = auth.RequiredUrl.TrimEnd('/');
        if (IsPublicLink(url)) return await OpenPublicLinkAsync(url, rest);
        string method = options.RequiredAuth;
        string apiUrl = $"{url}/{ApiPath}", authUrl = $"{url}/{AuthPath}";
        switch (method)
        {
            case "boot":
            {
                // the password is the whole Authorization header copied from a browser session
                var header = new StaticAuthorization(auth.RequiredPassword);
                return new Faspex5Connection(url, new Faspex5Api(rest.Create(apiUrl, header)), rest.Create(authUrl, header), null, null);
            }
            case "web":
            {
                string clientId = options.RequiredClientId, redirect = options.RequiredRedirectUri;
                var endpoint = new OAuthEndpoint(rest.Create(authUrl)) { ClientId = clientId };
                var opener = Browser.Opener(new GlobalOptions(context.Options).Ui, context.Terminal.Out);
                var provider = new WebGrant(endpoint, tokens, WebGrant.CheckedRedirectUri(redirect), opener) { SecretAlwaysSent = true };
                return WithOAuth(url, rest, provider);
            }
            case "jwt":
            {
                string clientId = options.RequiredClientId, username = auth.RequiredUsername;
                var key = JwtSigner.LoadKey(options.RequiredPrivateKey, options.Passphrase);
                var claims = new JsonObject { ["iss"] = clientId, ["aud"] = clientId, ["sub"] = "user:" + username };
                var endpoint = new OAuthEndpoint(rest.Create(authUrl)) { ClientId = clientId };
                var provider = new JwtGrant(endpoint, tokens, claims, key, new JsonObject { ["typ"] = "JWT" });
                return WithOAuth(url, rest, provider);
            }
            default:
                throw CliException.Runtime($"unexpected value: :{method}");
        }
    }

    private static Faspex5Connection WithOAuth(string url, RestFactory rest, OAuthProvider provider)
        => new(url, new Faspex5Api(rest.Create($"{url}/{ApiPath}", provider)), rest.Create($"{url}/{AuthPath}", provider), provider, null);

    /// <summary>
    /// A public link: the page is opened (redirections followed), the <c>context</c> of its final URL decoded,
    /// and the API is called with the link's passcode on the Faspex URL (the page's path and query removed).
    /// </summary>
    private static async Task<Faspex5Connection> OpenPublicLinkAsync(string link, RestFactory rest)
    {
        string final = link;
        for (int redirects = PublicLinkRedirects; ; redirects--)
        {
            var page = rest.Create(final, options: new RestClientOptions { RedirectMax = 0 });
            var response = await page.CallAsync(new RestRequest("GET") { ThrowOnError = false });
            if (response.Status is >= 300 and < 400 && redirects > 0 && response.Header("Location") is { } location)
            {
                var current = new Uri(final);
                final = location.StartsWith('/') ? $"{current.Scheme}://{current.Authority}{location}" : location;
                continue;
            }
            rest.Errors.ThrowOnError(response.Status, response.Reason, new Uri(final).Authority, response.Data);
            break;
        }
        var context = DecodeContext(final);
        string baseUrl = StripPublicPage(final);
        var headers = new Dictionary<string, string> { ["Passcode"] = RubyText(context["passcode"]) };
        var options = new RestClientOptions { Headers = headers };
        return new Faspex5Connection(baseUrl, new Faspex5Api(rest.Create($"{baseUrl}/{ApiPath}", options: options)),
            rest.Create($"{baseUrl}/{AuthPath}", options: options), null, context);
    }

    /// <summary>The link's <c>context</c> query parameter: base64 of a JSON object.</summary>
    public static JsonObject DecodeContext(string url)
    {
        int q = url.IndexOf('?');
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (q < 0 ? "" : url[(q + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]);
            if (key.EndsWith("[]", StringComparison.Ordinal) || seen.ContainsKey(key)) throw CliException.Runtime($"Array not supported in query string: {key}");
            seen[key] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        if (!seen.TryGetValue("context", out var encoded)) throw CliException.Runtime("Bad faspex5 public link, missing context in query");
        try
        {
            return JsonNode.Parse(Decode64(encoded)) as JsonObject ?? throw CliException.Runtime("Bad faspex5 public link, missing context in query");
        }
        catch (JsonException e)
        {
            throw CliException.Other("JSON::ParserError", e.Message);
        }
    }

    /// <summary>Ruby's lenient <c>Base64.decode64</c>: characters outside the alphabet are skipped, padding optional.</summary>
    private static string Decode64(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '=') break;
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/') clean.Append(c);
        }
        if (clean.Length % 4 == 1) clean.Length--;
        while (clean.Length % 4 != 0) clean.Append('=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(clean.ToString()));
    }

    /// <summary>The Faspex URL of a public page: <c>/public/…</c> and the query removed.</summary>
    public static string StripPublicPage(string url)
    {
        int page = url.IndexOf("/public/", StringComparison.Ordinal);
        if (page >= 0) url = url[..page];
        int q = url.IndexOf('?');
        return q < 0 ? url : url[..q];
    }

    private static string RubyText(JsonNode? node) => node is null ? "" : Core.Values.RubyToS.Of(node);
}
