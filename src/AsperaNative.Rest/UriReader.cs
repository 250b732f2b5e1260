using System.Text.Json.Nodes;
using AsperaNative.Core.Options;

namespace AsperaNative.Rest;

/// <summary>
/// <c>@uri:http(s)://…</c> through the REST stack (so TLS, proxy and logging options apply),
/// following up to 5 redirects as ascli. HTTP errors are ascli's <c>ERROR: Rest: …</c>.
/// </summary>
public static class UriReader
{
    /// <summary>The body text (the <see cref="Core.ExtendedValues.ExtendedValueContext.HttpReader"/> hook).</summary>
    public static string Read(Uri uri, OptionStore options, TextWriter warnings)
    {
        using var factory = new RestFactory(() => RestSettings.From(options, warnings));
        return Response(uri, factory).Text;
    }

    /// <summary>The body as a value: parsed when JSON, else a string.</summary>
    public static JsonNode? ReadValue(Uri uri, OptionStore options, TextWriter warnings)
    {
        using var factory = new RestFactory(() => RestSettings.From(options, warnings));
        return Response(uri, factory).Data;
    }

    /// <summary>With an existing factory (shares its connections and warnings).</summary>
    public static RestResponse Response(Uri uri, RestFactory factory)
    {
        var api = factory.Create(uri.GetLeftPart(UriPartial.Path), options: new RestClientOptions { RedirectMax = 5 });
        string query = uri.Query.TrimStart('?');
        return api.Call(new RestRequest("GET") { Query = query.Length == 0 ? null : JsonValue.Create(query), Headers = AcceptAll });
    }

    private static readonly IReadOnlyDictionary<string, string> AcceptAll = new Dictionary<string, string> { ["Accept"] = "*/*" };
}
