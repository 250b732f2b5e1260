using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Output.Secrets;
using AsperaNative.Core.Values;

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

    private static readonly JsonValue HiddenValue = JsonValue.Create(SecretRedactor.Hidden);

    /// <summary>A row keeping the hash's own keys (<c>--flat-hash=no</c>); <paramref name="hide"/> redacts secrets on the way.</summary>
    public static Row AsRow(JsonObject obj, bool hide = false)
    {
        var row = new Row(obj.Count);
        foreach (var (key, value) in obj)
            row[key] = !hide ? value : SecretRedactor.IsSecret(key, value) ? HiddenValue : value is JsonObject ? SecretRedactor.Redact(value) : value;
        return row;
    }

    /// <summary>
    /// The flattened row; with <paramref name="hide"/>, secrets are redacted while flattening (same rule as
    /// <see cref="SecretRedactor"/>: nested hashes yes, arrays no), which spares copying every row.
    /// </summary>
    public static Row Flatten(JsonObject obj, bool hide = false)
    {
        var row = new Row(obj.Count);
        AddHash(row, obj, "", hide);
        return row;
    }

    private static void AddHash(Row row, JsonObject obj, string name, bool hide)
    {
        foreach (var (key, value) in obj)
        {
            string field = name.Length == 0 ? key : name + "." + key;
            if (hide && SecretRedactor.IsSecret(key, value)) row[field] = HiddenValue;
            else AddAny(row, value, field, hide);
        }
    }

    private static void AddAny(Row row, JsonNode? value, string name, bool hide = false)
    {
        switch (value)
        {
            case JsonObject o: AddHash(row, o, name, hide); break;
            case JsonArray a: AddArray(row, a, name); break;
            case null: row[name] = JsonValue.Create(Null); break;
            case JsonValue v when IsEmptyString(v): row[name] = JsonValue.Create(EmptyString); break;
            default: row[name] = value; break;
        }
    }

    /// <summary>
    /// The one cell that <see cref="Flatten"/> then <see cref="RubyToS.Of"/> make of a top-level key's value, when
    /// it makes one: a scalar, or a list shown whole (strings, names, empty). False for a hash or a list that
    /// becomes several keys. So the table of a plain listing is made without building its rows.
    /// </summary>
    public static bool TryOneCell(string key, JsonNode? value, bool hide, out string cell)
    {
        switch (value)
        {
            case JsonObject:
                cell = "";
                return false;
            case JsonArray a:
                cell = a.Count == 0 ? EmptyList : ShapeOf(a) switch
                {
                    ListShape.Strings => StringsCell(a),
                    ListShape.Names => NamesCell(a),
                    _ => null!,
                };
                return cell is not null;
            case null:
                cell = Null;
                return true;
            case JsonValue v:
                // the kind is read once: each typed read of a value costs a lookup, and this runs for every cell of a listing
                bool text = v.GetValueKind() == JsonValueKind.String;
                if (text && hide && SecretRedactor.IsSecretKey(key) && JsonScalar.TryGetText(v, out _)) cell = SecretRedactor.Hidden;
                else
                {
                    cell = RubyToS.Of(v);
                    if (text && cell.Length == 0) cell = EmptyString;
                }
                return true;
        }
        cell = "";
        return false;
    }

    // a listing flattens every value of every item: strings are tested without being decoded
    private static bool IsEmptyString(JsonValue v)
        => v.GetValueKind() == JsonValueKind.String
           && (v.TryGetValue(out JsonElement e) ? e.ValueEquals(ReadOnlySpan<byte>.Empty) : JsonScalar.GetText(v).Length == 0);

    /// <summary>The lists a cell shows whole, by what all their items are.</summary>
    private enum ListShape { Strings, Names, NameValues, Other }

    private static ListShape ShapeOf(JsonArray array)
    {
        bool strings = true, names = true, nameValues = true;
        foreach (var item in array)
        {
            switch (item)
            {
                case JsonValue v when JsonScalar.TryGetText(v, out _):
                    names = nameValues = false;
                    break;
                case JsonObject o:
                    strings = false;
                    bool hasName = o.ContainsKey("name");
                    names &= o.Count == 1 && hasName;
                    nameValues &= o.Count == 2 && hasName && o.ContainsKey("value");
                    break;
                default:
                    return ListShape.Other;
            }
            if (!strings && !names && !nameValues) return ListShape.Other;
        }
        return strings ? ListShape.Strings : names ? ListShape.Names : nameValues ? ListShape.NameValues : ListShape.Other;
    }

    private static void AddArray(Row row, JsonArray array, string name)
    {
        if (array.Count == 0) { row[name] = JsonValue.Create(EmptyList); return; }
        switch (ShapeOf(array))
        {
            case ListShape.Strings:
                row[name] = JsonValue.Create(StringsCell(array));
                return;
            case ListShape.Names:
                row[name] = JsonValue.Create(NamesCell(array));
                return;
            case ListShape.NameValues:
                // later duplicates overwrite earlier ones in place, like filling a Ruby hash
                var pairs = new Row(array.Count);
                foreach (var item in array) pairs[RubyToS.Of(item!["name"])] = item["value"];
                string prefix = name + ".";
                foreach (var (key, value) in pairs) AddAny(row, value, prefix + key);
                return;
        }
        for (int i = 0; i < array.Count; i++)
            AddAny(row, array[i], name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ShapeOf has found every item a string
    private static string StringsCell(JsonArray array) => Joined(array, "\n", static i => JsonScalar.TryGetText(i, out string? text) ? text : "");

    private static string NamesCell(JsonArray array) => Joined(array, ", ", static i => RubyToS.Of(i!["name"]));

    private static string Joined(JsonArray array, string separator, Func<JsonNode?, string> text)
    {
        if (array.Count == 1) return text(array[0]);
        // the texts then one join: no builder for the short lists of a listing's every item
        var parts = new string[array.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = text(array[i]);
        return string.Join(separator, parts);
    }
}

/// <summary>One table row: field name → value, in insertion order (a Ruby hash).</summary>
internal sealed class Row(int capacity) : OrderedDictionary<string, JsonNode?>(capacity, StringComparer.Ordinal)
{
    /// <summary>Ruby's <c>row[key]</c>: nil when absent.</summary>
    public JsonNode? Get(string key) => TryGetValue(key, out var v) ? v : null;
}
