using System.Text.Json.Nodes;
using AsperaNative.Output.Text;

namespace AsperaNative.Output.Flatten;

/// <summary>
/// Turns a deep hash into the one-level row of a table (ascli's <c>--flat-hash=yes</c>): nested keys
/// joined with <c>.</c>, a list of strings as one multi-line cell, <c>[{name}]</c> as <c>n1, n2</c>,
/// <c>[{name,value}]</c> as sub-keys, other lists indexed, and placeholders for empty values.
/// An empty hash adds no key at all, as in 4.21.
/// </summary>
internal static class HashFlattener
{
    public const string EmptyList = "<empty list>";
    public const string EmptyString = "<empty string>";
    public const string Null = "<null>";

    /// <summary>A row keeping the hash's own keys (<c>--flat-hash=no</c>).</summary>
    public static Row AsRow(JsonObject obj)
    {
        var row = new Row(obj.Count);
        foreach (var (key, value) in obj) row[key] = value;
        return row;
    }

    public static Row Flatten(JsonObject obj)
    {
        var row = new Row(obj.Count);
        AddHash(row, obj, "");
        return row;
    }

    private static void AddHash(Row row, JsonObject obj, string name)
    {
        foreach (var (key, value) in obj)
            AddAny(row, value, name.Length == 0 ? key : name + "." + key);
    }

    private static void AddAny(Row row, JsonNode? value, string name)
    {
        switch (value)
        {
            case JsonObject o: AddHash(row, o, name); break;
            case JsonArray a: AddArray(row, a, name); break;
            case null: row[name] = JsonValue.Create(Null); break;
            case JsonValue v when v.TryGetValue(out string? s) && s.Length == 0: row[name] = JsonValue.Create(EmptyString); break;
            default: row[name] = value; break;
        }
    }

    private static void AddArray(Row row, JsonArray array, string name)
    {
        if (array.Count == 0) { row[name] = JsonValue.Create(EmptyList); return; }
        if (array.All(static i => i is JsonValue v && v.TryGetValue(out string? _)))
        {
            row[name] = JsonValue.Create(string.Join('\n', array.Select(static i => i!.GetValue<string>())));
            return;
        }
        if (array.All(static i => i is JsonObject o && o.Count == 1 && o.ContainsKey("name")))
        {
            row[name] = JsonValue.Create(string.Join(", ", array.Select(static i => RubyText.ToS(i!["name"]))));
            return;
        }
        if (array.All(static i => i is JsonObject o && o.Count == 2 && o.ContainsKey("name") && o.ContainsKey("value")))
        {
            // later duplicates overwrite earlier ones in place, like filling a Ruby hash
            var pairs = new Row(array.Count);
            foreach (var item in array) pairs[RubyText.ToS(item!["name"])] = item["value"];
            string prefix = name + ".";
            foreach (var (key, value) in pairs) AddAny(row, value, prefix + key);
            return;
        }
        for (int i = 0; i < array.Count; i++)
            AddAny(row, array[i], name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>One table row: field name → value, in insertion order (a Ruby hash).</summary>
internal sealed class Row(int capacity) : OrderedDictionary<string, JsonNode?>(capacity, StringComparer.Ordinal)
{
    /// <summary>Ruby's <c>row[key]</c>: nil when absent.</summary>
    public JsonNode? Get(string key) => TryGetValue(key, out var v) ? v : null;
}
