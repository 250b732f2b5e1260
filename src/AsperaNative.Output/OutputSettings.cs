using System.Text.Json.Nodes;

namespace AsperaNative.Output;

/// <summary>
/// The already-parsed output options (<c>--format</c>, <c>--fields</c>, <c>--select</c>, ...).
/// Values are the evaluated extended values, so a regex from <c>@re:</c> arrives as a <c>RubyRegex</c> node.
/// </summary>
public sealed record OutputSettings
{
    /// <summary>table, text, ruby, json, jsonpp, yaml, csv, nagios or image (validated, full word).</summary>
    public string Format { get; init; } = "table";

    /// <summary>null means DEF; else a string "a,b,-c,DEF,ALL", an array of strings, or a regex.</summary>
    public JsonNode? Fields { get; init; }

    /// <summary>A hash field → value (values may be regexes), or null for no selection.</summary>
    public JsonNode? Select { get; init; }

    /// <summary>info, data or error.</summary>
    public string Display { get; init; } = "info";

    public bool ShowSecrets { get; init; }

    /// <summary>terminal-table style options, e.g. <c>{"border":"unicode_round"}</c>; null is the ascii style.</summary>
    public JsonNode? TableStyle { get; init; }

    public bool FlatHash { get; init; } = true;

    /// <summary>no, yes or single.</summary>
    public string MultiSingle { get; init; } = "no";
}
