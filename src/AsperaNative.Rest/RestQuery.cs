using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest;

/// <summary>
/// URL query and form bodies as ascli builds them (manual, "Option: query"): a Hash gives
/// <c>k=v</c> pairs in order (an Array value repeats the key; an Array starting with <c>"[]"</c>
/// repeats <c>k[]</c>, PHP style), an Array gives its <c>[key, value]</c> pairs, a String is used
/// as is. A nil value gives the key alone. Encoding is Ruby's <c>URI.encode_www_form</c>.
/// </summary>
public static class RestQuery
{
    /// <summary>The PHP array marker: <c>{"a":["[]","v1","v2"]}</c> gives <c>a[]=v1&amp;a[]=v2</c>.</summary>
    public const string PhpArrayMarker = "[]";

    /// <summary>The encoded query (without <c>?</c>), or null when there is nothing to add.</summary>
    public static string? Encode(JsonNode? query) => query switch
    {
        null => null,
        JsonObject o when o.Count == 0 => null,
        JsonArray a when a.Count == 0 => null,
        JsonValue v when JsonScalar.TryGetText(v, out string? s) => s.Length == 0 ? null : s,
        _ => EncodePairs(Pairs(query)),
    };

    /// <summary>The pairs of a Hash or Array query, as sent.</summary>
    public static List<KeyValuePair<string, string?>> Pairs(JsonNode? query)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        switch (query)
        {
            case null: break;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonArray items)
                    {
                        bool php = items.Count > 0 && items[0] is JsonValue first && JsonScalar.TryGetText(first, out string? m) && m == PhpArrayMarker;
                        foreach (var item in php ? items.Skip(1) : items) pairs.Add(new(php ? key + "[]" : key, Scalar(item)));
                    }
                    else pairs.Add(new(key, Scalar(value)));
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not JsonArray { Count: 2 } pair) throw CliException.Assertion("Query must be array of arrays of 2 elements");
                    pairs.Add(new(Scalar(pair[0]) ?? "", Scalar(pair[1])));
                }
                break;
            default:
                throw CliException.BadArgument($"query: expecting Hash or Array, not {query.GetValueKind()}");
        }
        return pairs;
    }

    /// <summary>Ruby's <c>URI.encode_www_form</c>, keeping <c>[]</c> readable in keys as ascli does.</summary>
    public static string EncodePairs(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(FormEscape(key));
            if (value is not null) sb.Append('=').Append(FormEscape(value));
        }
        return sb.ToString().Replace("%5B%5D=", "[]=", StringComparison.Ordinal);
    }

    /// <summary>Ruby's <c>URI.encode_www_form_component</c>: <c>*-._</c> and alphanumerics kept, space as <c>+</c>.</summary>
    public static string FormEscape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>A value as Ruby's <c>to_s</c> shows it in a query.</summary>
    public static string? Scalar(JsonNode? node) => node is null ? null : RubyToS.Of(node);

    /// <summary>Appends a query to a URL that may already have one.</summary>
    public static string Append(string url, string? query)
        => string.IsNullOrEmpty(query) ? url : url + (url.Contains('?') ? "&" : "?") + query;
}
