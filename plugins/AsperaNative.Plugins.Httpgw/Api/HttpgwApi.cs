using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Httpgw.Api;

/// <summary>
/// A connected gateway: its root URL (<c>…/aspera/http-gwy</c>), its v1 API and the <c>info</c> it answered when
/// connecting (as ascli, every use of the gateway starts with that call and the upload API check).
/// </summary>
public sealed partial class HttpgwApi
{
    public const string BasePath = "/aspera/http-gwy";
    public const string ApiV1 = "v1";
    public const string ApiV2 = "v2";

    private HttpgwApi(RestClient api, string root, JsonObject info, string uploadVersion)
    {
        Rest = api;
        RootUrl = root;
        Info = info;
        UploadVersion = uploadVersion;
    }

    public RestClient Rest { get; }
    /// <summary>The gateway root, e.g. <c>https://host/aspera/http-gwy</c>.</summary>
    public string RootUrl { get; }
    /// <summary>The answer of <c>v1/info</c>.</summary>
    public JsonObject Info { get; }
    /// <summary>The upload API the gateway supports: <c>v2</c> when listed in its <c>endpoints</c>, else <c>v1</c>.</summary>
    public string UploadVersion { get; }

    /// <summary>
    /// The gateway root of a user's URL: https added when there is no scheme (any other scheme refused), trailing
    /// slashes and one trailing <c>/v1</c> removed, <c>/aspera/http-gwy</c> appended unless already there.
    /// </summary>
    public static string RootOf(string url)
    {
        if (!SchemePattern().IsMatch(url)) url = "https://" + url;
        if (!url.StartsWith("https://", StringComparison.Ordinal)) throw CliException.Runtime("GW URL shall be with scheme https");
        url = url.TrimEnd('/');
        if (url.EndsWith("/" + ApiV1, StringComparison.Ordinal)) url = url[..^(ApiV1.Length + 1)];
        return url.EndsWith(BasePath, StringComparison.Ordinal) ? url : url + BasePath;
    }

    public static async Task<HttpgwApi> ConnectAsync(RestFactory rest, AppLog log, string url)
    {
        string root = RootOf(url);
        var api = rest.Create($"{root}/{ApiV1}");
        var info = await api.ReadAsync("info") as JsonObject ?? [];
        string upload = ApiV2;
        if (info["endpoints"] is not JsonArray endpoints)
            throw CliException.Other("NoMethodError", $"undefined method 'any?' for {(info["endpoints"] is null ? "nil" : "an instance of " + RubyClass(info["endpoints"]!))}");
        if (!endpoints.Any(e => e is JsonValue v && JsonScalar.TryGetText(v, out string? s) && s.Contains(upload, StringComparison.Ordinal)))
        {
            log.Warn($"API version {upload} not supported, reverting to {ApiV1}");
            upload = ApiV1;
        }
        return new HttpgwApi(api, root, info, upload);
    }

    private static string RubyClass(JsonNode node) => node switch
    {
        JsonObject => "Hash",
        JsonValue v when JsonScalar.TryGetText(v, out string? _) => "String",
        JsonValue v when v.TryGetValue(out bool _) => v.GetValue<bool>() ? "TrueClass" : "FalseClass",
        JsonValue v when v.TryGetValue(out long _) => "Integer",
        _ => "Float",
    };

    [GeneratedRegex("^[a-z]{1,6}://")]
    private static partial Regex SchemePattern();
}
