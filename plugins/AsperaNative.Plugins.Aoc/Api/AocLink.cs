using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>A private link's target: a folder of a workspace (<c>/files/workspaces/&lt;ws&gt;/all/&lt;node&gt;:&lt;file&gt;</c>).</summary>
public sealed record PrivateLink(string WorkspaceId, string NodeId, string FileId);

/// <summary>
/// What the <c>--url</c> of AoC designates (ascli's <c>link_info</c>): an organization of a domain, a public link
/// (a <c>token</c> in the final URL: no login) or a private link (a folder of a workspace). The organization page is
/// read without authentication, redirections followed (up to 10), and the final URL analysed.
/// </summary>
public sealed record AocLink(string InstanceDomain, string? Organization, string? PublicToken, string? PublicUrl, PrivateLink? Private)
{
    public const string SaasDomain = "ibmaspera.com";
    private const int MaxRedirects = 10;
    private static readonly string[] PublicLinkPaths = ["/packages/public/receive", "/packages/public/send", "/files/public", "/public/files", "/public/package", "/public/send"];

    public bool IsPublic => PublicToken is not null;

    /// <summary>Follows the redirections of <paramref name="url"/> and analyses the final URL.</summary>
    public static async Task<AocLink> ReadAsync(RestFactory rest, string url, CancellationToken cancel = default)
    {
        string current = url;
        for (int i = 0; i < MaxRedirects; i++)
        {
            var response = await rest.Create(current, options: new RestClientOptions { RedirectMax = 0 })
                .CallAsync(new RestRequest("GET") { ThrowOnError = false, NoAuth = true }, cancel);
            if (response.Status is not (>= 300 and < 400) || response.Header("Location") is not { } location) break;
            var uri = new Uri(current);
            current = location.StartsWith('/') ? $"{uri.Scheme}://{uri.Authority}{location}" : location;
        }
        return Analyse(current, rest.Log);
    }

    /// <summary>The final URL's meaning (ascli's rules, see docs/products/aoc.md 2.3).</summary>
    public static AocLink Analyse(string url, Core.Logging.AppLog? log = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw CliException.Runtime("No host found in URL.Please check URL format: https://myorg.ibmaspera.com");
        int dot = uri.Host.IndexOf('.');
        if (dot < 0) throw CliException.Assertion($"expecting a public FQDN for Aspera on Cloud, got {uri.Host}");
        string first = uri.Host[..dot], domain = uri.Host[(dot + 1)..];
        string? org = first == "api" ? null : first;
        var pathParts = uri.AbsolutePath.Split('/');
        if (org is null && pathParts is ["", "oauth2", var x, "login"]) org = x;
        if (uri.Query.Length <= 1) throw CliException.Runtime("AoC shall redirect to login page with a query");
        var query = DecodeQuery(uri.Query[1..]);
        if (query.TryGetValue("token", out var token))
        {
            if (!PublicLinkPaths.Contains(uri.AbsolutePath)) log?.Warn($"Unknown pub link path: {uri.AbsolutePath}");
            return new AocLink(domain, null, token, $"https://{uri.Host}", null);
        }
        if (query.TryGetValue("state", out var state) && query.TryGetValue("redirect_uri", out var redirect)
            && Uri.TryCreate(new Uri("https://x"), state, out var stateUri) && stateUri.Query.Length > 1
            && DecodeQuery(stateUri.Query[1..]).ContainsKey("short_link_url")
            && System.Text.RegularExpressions.Regex.Match(stateUri.AbsolutePath, @"^/files/workspaces/(\d+)/all/(\d+):(\d+)") is { Success: true } m
            && Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) && redirectUri.Host.IndexOf('.') is > 0 and var rdot)
            return new AocLink(redirectUri.Host[(rdot + 1)..], redirectUri.Host[..rdot], null, null, new PrivateLink(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
        return new AocLink(domain, org, null, null, null);
    }

    /// <summary>A query string as a map; repeated keys and <c>[]</c> keys are refused as ascli does.</summary>
    public static Dictionary<string, string> DecodeQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0].Replace('+', ' '));
            if (key.EndsWith("[]", StringComparison.Ordinal) || result.ContainsKey(key)) throw CliException.Runtime($"Array not supported in query string: {key}");
            result[key] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
        }
        return result;
    }

    /// <summary>The node of a JSON value as text (ids come as strings or numbers).</summary>
    public static string Text(JsonNode? node) => node is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : node?.ToJsonString() ?? "";
}
