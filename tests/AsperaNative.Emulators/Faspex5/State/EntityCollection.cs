using System.Globalization;
using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Faspex5.State;

/// <summary>
/// A table of JSON entities of one kind (accounts, nodes, webhooks…) with the list semantics of the
/// Faspex 5 API: ids assigned on creation, <c>q</c> searches the text fields (contains, case-insensitive),
/// <c>type[]</c> filters on <c>type</c>/<c>account_type</c>, other query parameters naming a field filter by
/// equality. Callers hold <see cref="Faspex5State.Sync"/>.
/// </summary>
public sealed class EntityCollection
{
    private readonly List<JsonObject> _items = [];
    private readonly Func<string>? _stringId;
    private int _nextId;

    /// <param name="name">API path word, used in error messages.</param>
    /// <param name="listKey">key of the array in list answers.</param>
    /// <param name="firstId">first numeric id.</param>
    /// <param name="stringId">generator of string ids (numeric ids when null).</param>
    public EntityCollection(string name, string listKey, int firstId = 1, Func<string>? stringId = null)
    {
        Name = name;
        ListKey = listKey;
        _nextId = firstId;
        _stringId = stringId;
    }

    public string Name { get; }
    public string ListKey { get; }
    public IReadOnlyList<JsonObject> Items => _items;

    /// <summary>Adds an entity, giving it an id (first key) unless it has one.</summary>
    public JsonObject Add(JsonObject entity)
    {
        if (entity["id"] is null)
        {
            // the id first, as Faspex lists it
            var withId = new JsonObject { ["id"] = NewId() };
            foreach (var (k, v) in entity)
                if (k != "id") withId[k] = v?.DeepClone();
            entity = withId;
        }
        else
        {
            if (Find(IdText(entity)) is not null) throw new Faspex5Exception(409, $"{Singular()} already exists: {IdText(entity)}");
            if (entity["id"] is JsonValue v && v.TryGetValue(out int n) && n >= _nextId) _nextId = n + 1;
        }
        _items.Add(entity);
        return entity;
    }

    private JsonNode NewId() => _stringId is not null ? JsonValue.Create(_stringId())! : JsonValue.Create(_nextId++)!;

    public JsonObject? Find(string id) => _items.FirstOrDefault(i => IdText(i) == id);

    public JsonObject Get(string id) => Find(id) ?? throw Faspex5Http.NotFound(Singular());

    public JsonObject? FindByName(string name) => _items.FirstOrDefault(i => string.Equals(i.Str("name"), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Merges <paramref name="patch"/> into the entity (the id is kept).</summary>
    public JsonObject Update(string id, JsonObject patch)
    {
        var entity = Get(id);
        foreach (var (k, v) in patch)
            if (k != "id") entity[k] = v?.DeepClone();
        return entity;
    }

    public void Remove(string id)
    {
        if (_items.RemoveAll(i => IdText(i) == id) == 0) throw Faspex5Http.NotFound(Singular());
    }

    public static string IdText(JsonNode? entity) => entity?["id"] switch
    {
        JsonValue v when v.TryGetValue(out int n) => n.ToString(CultureInfo.InvariantCulture),
        JsonNode n => n.ToString(),
        null => "",
    };

    public string Singular() => Name.TrimEnd('s').Replace('_', ' ');

    /// <summary>The entities matching the list query of <paramref name="query"/> (q, type[], field equality).</summary>
    public List<JsonObject> Query(IEnumerable<KeyValuePair<string, string?[]>> query) => Filter(_items, query);

    public static List<JsonObject> Filter(IEnumerable<JsonObject> items, IEnumerable<KeyValuePair<string, string?[]>> query)
    {
        var result = items.ToList();
        foreach (var (key, values) in query)
        {
            if (values.Length == 0 || Reserved.Contains(key)) continue;
            string value = values[0] ?? "";
            if (key == "q")
            {
                result = result.Where(i => i.Any(p => p.Value is JsonValue jv && jv.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && jv.ToString().Contains(value, StringComparison.OrdinalIgnoreCase))).ToList();
            }
            else if (key is "type[]" or "type")
            {
                var wanted = values.OfType<string>().ToHashSet(StringComparer.Ordinal);
                result = result.Where(i => wanted.Contains(i.Str(i.ContainsKey("account_type") ? "account_type" : "type"))).ToList();
            }
            else
            {
                string field = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
                var wanted = values.OfType<string>().ToHashSet(StringComparer.Ordinal);
                result = result.Where(i => !i.ContainsKey(field) || wanted.Contains(Text(i[field]))).ToList();
            }
        }
        return result;
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.False => "false",
        null => "",
        _ => node.ToString(),
    };

    /// <summary>Query parameters that are not filters.</summary>
    private static readonly HashSet<string> Reserved = ["limit", "offset", "all", "context", "sort", "expand"];
}
