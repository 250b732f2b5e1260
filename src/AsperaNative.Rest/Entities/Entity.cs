using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest.Entities;

/// <summary>
/// An entity of a product's REST API (users, nodes, access keys…) and its generic commands
/// (<c>create|delete|list|modify|show</c>, <see cref="EntityCommands"/>): mount this set under any path
/// with a scope member that builds the entity — its API, resource path and the product's specifics.
/// Behaviour follows ascli's <c>entity_action</c>: <c>--bulk=yes</c> on create/delete with a per-item
/// status table and <c>--bfail</c>, <c>%field:value</c> selectors through <see cref="Lookup"/>,
/// <c>--query</c> passed to list and delete, <c>--property</c> for modify.
/// </summary>
[CommandSet("entity")]
public sealed class Entity(RestClient api, string path)
{
    public RestClient Api { get; } = api;
    /// <summary>The resource path below the API, e.g. <c>access_keys</c>.</summary>
    public string Path { get; } = path;
    /// <summary>Default fields of list, show and create results (all when null).</summary>
    public IReadOnlyList<string>? Fields { get; init; }
    /// <summary>The fields of a <c>show</c> result from the object shown (AoC: all but <c>certificate</c>); <see cref="Fields"/> when null.</summary>
    public Func<JsonObject, IReadOnlyList<string>?>? ShowFields { get; init; }
    /// <summary>Fields of a single create result (AoC: the id and the status); <see cref="Fields"/> (all when null) otherwise.</summary>
    public IReadOnlyList<string>? CreateFields { get; init; }
    /// <summary>Creation is a POST on this path instead of <see cref="Path"/> (AoC's client registration tokens).</summary>
    public string? CreatePath { get; init; }
    /// <summary>Modify gives a per-item status (<c>{id, status: modified}</c>, <c>--bulk</c> and <c>--bfail</c>) as create and delete (AoC).</summary>
    public bool BulkModify { get; init; }
    /// <summary>The identifier field of created items, and the first column of bulk results.</summary>
    public string IdField { get; init; } = "id";
    /// <summary>Resolves a <c>%field:value</c> selector to an identifier; null: ascli's "Percent syntax … not supported".</summary>
    public Func<string, string, Task<string>>? Lookup { get; init; }
    /// <summary>As <see cref="Lookup"/>, with the selector's value as evaluated (<c>%id:@json:3</c> gives the Integer 3), for type-strict matches.</summary>
    public Func<string, JsonNode?, Task<string>>? LookupValue { get; init; }
    /// <summary>The product's list (its paging kind); by default one GET of the path with <c>--query</c>.</summary>
    public Func<JsonNode?, CancellationToken, Task<Result>>? List { get; init; }
    /// <summary>The items of a list answer are in this key of the answer, beside a <c>total_count</c>.</summary>
    public string? ItemListKey { get; init; }
    /// <summary>Delete sends the identifiers in the body under this key (a DELETE on the path), instead of one DELETE per item.</summary>
    public string? DeleteStyle { get; init; }
    /// <summary>The path of one item is <c>path?&lt;IdAsArgument&gt;=id</c> instead of <c>path/id</c> (show and modify; delete keeps <c>path/id</c>, as ascli).</summary>
    public string? IdAsArgument { get; init; }

    /// <summary>The path of one item.</summary>
    public string ItemPath(string id) => IdAsArgument is null ? $"{Path}/{id}" : $"{Path}?{IdAsArgument}={Uri.EscapeDataString(id)}";

    /// <summary>An identifier given on the command line, with a <c>%field:value</c> selector resolved.</summary>
    public async Task<string> ResolveAsync(string id, Core.ExtendedValues.ExtendedValueContext values)
    {
        if (!id.StartsWith('%')) return id;
        int colon = id.IndexOf(':');
        if (colon < 0) return id;
        if (Lookup is null && LookupValue is null) throw CliException.BadArgument("Percent syntax for identifier not supported in this context");
        var value = Core.ExtendedValues.ExtendedValue.Evaluate(id[(colon + 1)..], values);
        if (LookupValue is not null) return await LookupValue(id[1..colon], value);
        return await Lookup!(id[1..colon], value is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : value?.ToJsonString() ?? "");
    }

    /// <summary>
    /// The usual lookup of a selector: list the entities (with <paramref name="query"/>) and keep those whose
    /// <paramref name="field"/> equals the value; exactly one must match (ascli's words otherwise).
    /// </summary>
    public static async Task<string> LookupByListAsync(RestClient api, string path, string field, string value, JsonNode? query = null, string idField = "id")
    {
        var all = await api.ReadAsync(path, query) as JsonArray ?? [];
        var found = all.OfType<JsonObject>().Where(k => Text(k[field]) == value).ToList();
        if (found.Count == 0) throw CliException.Runtime($"{path}: no entry with {field}={value}");
        if (found.Count > 1) throw CliException.Runtime($"{path}: multiple entries with {field}={value}");
        return Text(found[0][idField]);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : node?.ToJsonString() ?? "";
}
