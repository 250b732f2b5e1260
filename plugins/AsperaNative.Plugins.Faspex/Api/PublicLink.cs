using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Faspex.Api;

/// <summary>
/// A Faspex 4 public link (<c>https://host/aspera/faspex/external…?passcode=…</c>): the application's base URL,
/// the path from <c>external…</c> on, and its query (ascli's <c>get_link_data</c>).
/// </summary>
public sealed partial record PublicLink(string BaseUrl, string Subpath, IReadOnlyDictionary<string, string> Query)
{
    public static PublicLink Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw CliException.BadArgument("Public link does not match Faspex format");
        var m = ExternalPath().Match(uri.AbsolutePath);
        if (!m.Success) throw CliException.BadArgument("Public link does not match Faspex format");
        string port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return new PublicLink($"{uri.Scheme}://{uri.Host}{port}{m.Groups[1].Value}", m.Groups[2].Value, QueryToHash(uri.Query.TrimStart('?')));
    }

    public string? Passcode => Query.TryGetValue("passcode", out var p) ? p : null;

    /// <summary>ascli's <c>query_to_h</c>: form-decoded pairs; a key given twice or with <c>[]</c> is refused.</summary>
    public static IReadOnlyDictionary<string, string> QueryToHash(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string key = FormDecode(eq < 0 ? pair : pair[..eq]);
            string value = eq < 0 ? "" : FormDecode(pair[(eq + 1)..]);
            if (key.Contains("[]", StringComparison.Ordinal) || result.ContainsKey(key)) throw CliException.Runtime($"Array not supported in query string: {key}");
            result[key] = value;
            order.Add(key);
        }
        return new OrderedQuery(order, result);
    }

    /// <summary>Form decoding: <c>+</c> is a space, <c>%xx</c> a byte.</summary>
    public static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>The next call's query: the parameters of a feed's <c>next</c> link (first value of each).</summary>
    public static JsonObject NextQuery(string href)
    {
        var query = new JsonObject();
        int q = href.IndexOf('?');
        if (q < 0) return query;
        foreach (var pair in href[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string key = FormDecode(eq < 0 ? pair : pair[..eq]);
            if (!query.ContainsKey(key)) query[key] = eq < 0 ? "" : FormDecode(pair[(eq + 1)..]);
        }
        return query;
    }

    [GeneratedRegex("^(.*)/(external.*)$")]
    private static partial Regex ExternalPath();

    /// <summary>A dictionary enumerated in insertion order (the query's order, which ascli keeps).</summary>
    private sealed class OrderedQuery(List<string> order, Dictionary<string, string> values) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => values[key];
        public IEnumerable<string> Keys => order;
        public IEnumerable<string> Values => order.Select(k => values[k]);
        public int Count => order.Count;
        public bool ContainsKey(string key) => values.ContainsKey(key);
        public bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => order.Select(k => new KeyValuePair<string, string>(k, values[k])).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
