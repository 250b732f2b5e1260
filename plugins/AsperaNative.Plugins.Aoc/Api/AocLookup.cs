using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// <c>%name:&lt;value&gt;</c> selectors of AoC (ascli's <c>lookup_by_name</c>): <c>GET &lt;path&gt;?q=&lt;value&gt;</c>, one answer is it,
/// several are narrowed to the case-insensitive full matches of <c>name</c>.
/// </summary>
public static class AocLookup
{
    /// <summary>The id of the entity of <paramref name="path"/> named <paramref name="name"/>.</summary>
    public static async Task<string> IdAsync(RestClient api, string path, string name, JsonObject? query = null, CancellationToken cancel = default)
        => AocLink.Text((await EntityAsync(api, path, name, query, cancel))["id"]);

    /// <summary>The entity of <paramref name="path"/> named <paramref name="name"/>.</summary>
    public static async Task<JsonObject> EntityAsync(RestClient api, string path, string name, JsonObject? query = null, CancellationToken cancel = default)
    {
        var q = query?.DeepClone() as JsonObject ?? [];
        q["q"] = name;
        var answer = await api.ReadAsync(path, q, cancel);
        if (answer is JsonObject holder) answer = holder[path];
        var found = (answer as JsonArray ?? []).OfType<JsonObject>().ToList();
        switch (found.Count)
        {
            case 1: return found[0];
            case 0: throw CliException.Runtime($"No such {path}: \"{name}\"");
        }
        var full = found.Where(e => string.Equals(AocLink.Text(e["name"]), name, StringComparison.OrdinalIgnoreCase)).ToList();
        return full.Count switch
        {
            1 => full[0],
            0 => throw CliException.Runtime($"{path}: multiple case insensitive partial match for: \"{name}\": {Names(found)} but no case insensitive full match. Please be more specific or give exact name."),
            _ => throw CliException.Runtime($"Two entities cannot have the same case insensitive name: {Names(full)}"),
        };
    }

    /// <summary>The selector field check: AoC looks up by name only.</summary>
    public static void CheckField(string field)
    {
        if (field != "name") throw CliException.BadArgument("assertion failed: only selection by name is supported");
    }

    private static string Names(IEnumerable<JsonObject> items) => RubyInspect.Inspect(items.Select(static i => AocLink.Text(i["name"])));
}
