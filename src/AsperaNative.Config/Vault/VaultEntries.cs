using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Config.Vault;

/// <summary>ascli's rules for vault entries: the keys an entry may have, string values, unique labels.</summary>
public static class VaultEntries
{
    /// <summary>The keys of an entry, <c>label</c> first, in ascli's order.</summary>
    public static readonly IReadOnlyList<string> ContentKeys = ["label", "username", "password", "url", "description"];

    /// <summary>Checks the values of a new entry (the label is given apart); returns a copy.</summary>
    /// <exception cref="CliException">An unsupported key or a value that is not a string.</exception>
    public static JsonObject Validate(JsonObject values)
    {
        var unsupported = values.Select(static p => p.Key).Where(static k => k == "label" || !ContentKeys.Contains(k)).ToList();
        if (unsupported.Count > 0)
            throw CliException.Assertion($"unsupported options: [{string.Join(", ", unsupported.Select(static k => ":" + k))}], use {string.Join(", ", ContentKeys)}");
        foreach (var (key, value) in values)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                throw CliException.Assertion($"{key}: expecting String, but have {RubyInspect.Inspect(value)}");
        }
        return (JsonObject)values.DeepClone();
    }

    /// <summary>An entry as <c>vault list</c> shows it: its values, then the label, then the missing keys as empty strings.</summary>
    public static JsonObject ForList(string label, JsonObject values)
    {
        var row = (JsonObject)values.DeepClone();
        row["label"] = label;
        foreach (var key in ContentKeys)
            if (!row.ContainsKey(key)) row[key] = "";
        return row;
    }

    /// <summary>An entry as <c>vault show</c> shows it: its values and its label.</summary>
    public static JsonObject ForShow(string label, JsonObject values)
    {
        var entry = (JsonObject)values.DeepClone();
        entry["label"] = label;
        return entry;
    }

    /// <summary>ascli's error for a label already used.</summary>
    public static CliException AlreadyExists(string label) => CliException.Assertion($"secret {label} already exist, delete first");

    /// <summary>ascli's error for an unknown label.</summary>
    public static CliException NotFound(string label) => CliException.Assertion($"Label not found: {label}");
}
