using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AsperaNative.Core.Values;

/// <summary>
/// A Ruby <c>Regexp</c> value (from <c>@re:</c> or a <c>/…/</c> literal of <c>@ruby:</c>), carried
/// inside the JSON value tree. Shown the way Ruby shows it: <c>(?-mix:pattern)</c>.
/// </summary>
[JsonConverter(typeof(RubyRegexConverter))]
public sealed record RubyRegex(string Pattern, bool IgnoreCase = false, bool Multiline = false, bool Extended = false)
{
    private Regex? _regex;

    /// <summary>The .NET regex (Ruby's <c>m</c> is .NET's Singleline).</summary>
    public Regex Regex => _regex ??= new Regex(Pattern,
        (IgnoreCase ? RegexOptions.IgnoreCase : 0) | (Multiline ? RegexOptions.Singleline : 0) | (Extended ? RegexOptions.IgnorePatternWhitespace : 0));

    /// <summary>Ruby's <c>Regexp#to_s</c>, e.g. <c>(?-mix:abc)</c>.</summary>
    public override string ToString()
    {
        string on = (Multiline ? "m" : "") + (IgnoreCase ? "i" : "") + (Extended ? "x" : "");
        string off = (Multiline ? "" : "m") + (IgnoreCase ? "" : "i") + (Extended ? "" : "x");
        return $"(?{on}{(off.Length > 0 ? "-" + off : "")}:{Pattern})";
    }

    /// <summary>Ruby's <c>Regexp#inspect</c>, e.g. <c>/abc/i</c>.</summary>
    public string Inspect() => "/" + Pattern + "/" + (Multiline ? "m" : "") + (IgnoreCase ? "i" : "") + (Extended ? "x" : "");

    /// <summary>Wraps the regex as a value of the JSON tree.</summary>
    public JsonValue ToNode() => JsonValue.Create(this, CoreJsonContext.Default.RubyRegex)!;

    /// <summary>Finds a regex carried in a JSON tree node.</summary>
    public static bool TryGet(JsonNode? node, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RubyRegex? regex)
    {
        regex = null;
        return node is JsonValue v && v.TryGetValue(out regex);
    }
}

/// <summary>Serialises a regex as its Ruby string form, as Ruby's <c>to_json</c> does.</summary>
public sealed class RubyRegexConverter : JsonConverter<RubyRegex>
{
    public override RubyRegex Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(reader.GetString() ?? "");
    public override void Write(Utf8JsonWriter writer, RubyRegex value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}

[JsonSerializable(typeof(RubyRegex))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
