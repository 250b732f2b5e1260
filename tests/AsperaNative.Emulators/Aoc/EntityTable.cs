using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// One AoC entity collection (users, groups, nodes…): explicit items, plus an optional range of
/// generated items (cheap large populations: an item exists only while a page shows it). Callers
/// hold <see cref="AocState.Lock"/>.
/// </summary>
public sealed partial class EntityTable(string path)
{
    private readonly List<JsonObject> _items = [];
    private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);
    // generated range: ids GeneratedFirstId .. GeneratedFirstId+GeneratedCount-1, unless overridden
    private readonly Dictionary<string, JsonObject?> _generatedOverrides = new(StringComparer.Ordinal);
    private Func<long, JsonObject>? _generator;
    private long _generatedFirstId;
    private int _generatedCount;

    /// <summary>API path below <c>/api/v1</c>, e.g. <c>users</c> or <c>admin/apps_new</c>.</summary>
    public string Path { get; } = path;
    /// <summary>Fields a client may not send on create/modify (AoC answers 422 unpermitted_parameters).</summary>
    public HashSet<string> ReadOnlyFields { get; } = new(StringComparer.Ordinal) { "id", "created_at", "updated_at" };
    /// <summary>Names are unique case-insensitively (AoC refuses a second entity with the same name).</summary>
    public bool UniqueName { get; set; }
    /// <summary>Fields required on create.</summary>
    public List<string> RequiredFields { get; } = [];

    public int Count => _items.Count + _generatedCount - _generatedOverrides.Count(static o => o.Value is null);

    public void Add(JsonObject item)
    {
        _items.Add(item);
        _byId[item["id"]!.ToString()] = item;
    }

    public JsonObject? Find(string id)
    {
        if (_byId.TryGetValue(id, out var item)) return item;
        if (_generatedOverrides.TryGetValue(id, out var overridden)) return overridden;
        return GeneratedIndex(id) is { } n ? _generator!(n) : null;
    }

    /// <summary>The stored object for a change (a generated item becomes a real one).</summary>
    public JsonObject? FindForUpdate(string id)
    {
        if (_byId.TryGetValue(id, out var item)) return item;
        if (_generatedOverrides.TryGetValue(id, out var overridden)) return overridden;
        if (GeneratedIndex(id) is not { } n) return null;
        var created = _generator!(n);
        _generatedOverrides[id] = created;
        return created;
    }

    public bool Remove(string id)
    {
        if (_byId.Remove(id, out var item)) return _items.Remove(item);
        if (_generatedOverrides.TryGetValue(id, out var o) && o is null) return false;
        if (GeneratedIndex(id) is null && !_generatedOverrides.ContainsKey(id)) return false;
        _generatedOverrides[id] = null;
        return true;
    }

    /// <summary>Declares <paramref name="count"/> generated items with numeric ids from <paramref name="firstId"/>.</summary>
    public void Generate(long firstId, int count, Func<long, JsonObject> generator)
    {
        _generatedFirstId = firstId;
        _generatedCount = count;
        _generator = generator;
    }

    private long? GeneratedIndex(string id)
        => _generator is not null && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
           && n >= _generatedFirstId && n < _generatedFirstId + _generatedCount ? n : null;

    public IEnumerable<JsonObject> All()
    {
        foreach (var item in _items) yield return item;
        for (long n = _generatedFirstId; n < _generatedFirstId + _generatedCount; n++)
        {
            string id = n.ToString(CultureInfo.InvariantCulture);
            if (_generatedOverrides.TryGetValue(id, out var o)) { if (o is not null) yield return o; }
            else yield return _generator!(n);
        }
    }

    /// <summary>Items <paramref name="skip"/>.. of the whole table without walking the generated range before them.</summary>
    public IEnumerable<JsonObject> Slice(int skip, int take)
    {
        if (_generatedOverrides.Count > 0) return All().Skip(skip).Take(take);
        var explicitPart = _items.Skip(skip).Take(take).ToList();
        long firstGenerated = Math.Max(0, skip - _items.Count), wanted = take - explicitPart.Count;
        var generated = new List<JsonObject>();
        for (long n = firstGenerated; n < _generatedCount && generated.Count < wanted; n++) generated.Add(_generator!(_generatedFirstId + n));
        return explicitPart.Concat(generated);
    }

    /// <summary>Whether a query only pages (no q, sort or field filter), so <see cref="Slice"/> applies.</summary>
    public bool OnlyPages(IQueryCollection query) => query.Keys.All(k => k is not ("q" or "sort") && (Reserved.Contains(k) || !HasField(k)));

    /// <summary>Whether any stored item has this field (query keys that are no field are not filters).</summary>
    public bool HasField(string field) => _items.Any(i => i.ContainsKey(field)) || _generator is not null && _generator(_generatedFirstId).ContainsKey(field);

    // ---- query semantics shared by every AoC list ----

    /// <summary>Query keys that select or shape pages, never equality filters.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "page", "per_page", "q", "sort", "embed", "embed[]", "include", "include[]", "aggregate_permissions_by_dropbox",
        "current_workspace_id", "json_query", "edit_access", "organization_apps", "inherited",
    };

    /// <summary>
    /// AoC's list filters: <c>q</c> (case-insensitive part of name/email/first/last name, or
    /// <c>field:&lt;value</c>, <c>field:&gt;value</c>, <c>field:value</c>), any other key that is a
    /// field of the entity is an equality filter, <c>sort</c> is a field with optional <c>-</c>.
    /// </summary>
    public static IEnumerable<JsonObject> Filter(IEnumerable<JsonObject> items, IQueryCollection query, Func<string, bool> isField)
    {
        string q = query["q"].ToString();
        if (q.Length > 0)
        {
            var m = FieldQuery().Match(q);
            if (m.Success)
            {
                string field = m.Groups[1].Value, op = m.Groups[2].Value, value = m.Groups[3].Value;
                items = items.Where(i => i[field] is { } v && Compare(Text(v), op, value));
            }
            else
                items = items.Where(i => new[] { "name", "email", "first_name", "last_name" }.Any(f => i[f] is { } v && Text(v).Contains(q, StringComparison.OrdinalIgnoreCase)));
        }
        foreach (var (key, values) in query)
        {
            if (Reserved.Contains(key) || !isField(key)) continue;
            string wanted = values.ToString();
            items = items.Where(i => i[key] is { } v ? Text(v).Equals(wanted, StringComparison.OrdinalIgnoreCase) : wanted is "" or "null");
        }
        string sort = query["sort"].ToString();
        if (sort.Length > 0)
        {
            bool descending = sort.StartsWith('-');
            string field = sort.TrimStart('-', '+');
            var comparer = StringComparer.OrdinalIgnoreCase;
            items = descending ? items.OrderByDescending(i => i[field] is { } v ? Text(v) : "", comparer) : items.OrderBy(i => i[field] is { } v ? Text(v) : "", comparer);
        }
        return items;
    }

    private static bool Compare(string actual, string op, string value) => op switch
    {
        "<" => string.CompareOrdinal(actual, value) < 0,
        ">" => string.CompareOrdinal(actual, value) > 0,
        _ => actual.Equals(value, StringComparison.OrdinalIgnoreCase),
    };

    internal static string Text(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"^(\w+):([<>]?)(.*)$")]
    private static partial Regex FieldQuery();
}
