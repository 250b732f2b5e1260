using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest;

/// <summary>
/// ascli's <c>Rest#lookup_by_name</c>: the entity of a name found through the API's own search (<c>q=name</c>,
/// a case-insensitive partial match on several fields), then narrowed to the case-insensitive full name match.
/// Used for names given where an id is expected (AoC, Faspex 5 recipients…).
/// </summary>
public static class RestLookup
{
    /// <summary>The single entity of <paramref name="subpath"/> matching <paramref name="name"/>, or ascli's error.</summary>
    public static async Task<JsonObject> LookupByNameAsync(this RestClient api, string subpath, string name, JsonObject? query = null, CancellationToken cancel = default)
    {
        var q = (JsonObject?)query?.DeepClone() ?? [];
        q["q"] = name;
        var answer = await api.ReadAsync(subpath, q, cancel);
        // API style {"<subpath>": [...], "total_count": n}
        if (answer is JsonObject o) answer = o[subpath];
        if (answer is not JsonArray items) throw CliException.Assertion($"expecting Array, but have {RubyInspect.Inspect(answer)}");
        switch (items.Count)
        {
            case 1: return items[0] as JsonObject ?? [];
            case 0: throw CliException.Runtime($"No such {subpath}: \"{name}\"");
        }
        var full = items.OfType<JsonObject>().Where(i => string.Equals(Name(i), name, StringComparison.OrdinalIgnoreCase)).ToList();
        return full.Count switch
        {
            1 => full[0],
            0 => throw CliException.Runtime($"{subpath}: multiple case insensitive partial match for: \"{name}\": {Names(items.OfType<JsonObject>())} but no case insensitive full match. Please be more specific or give exact name."),
            _ => throw CliException.Runtime($"Two entities cannot have the same case insensitive name: {Names(full)}"),
        };
    }

    private static string? Name(JsonObject item) => item["name"] is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : null;

    private static string Names(IEnumerable<JsonObject> items) => RubyInspect.Inspect(new JsonArray([.. items.Select(static i => i["name"]?.DeepClone())]));
}
