using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Core.ExtendedValues;

/// <summary>
/// The manual's "Extended Value Syntax": <c>&lt;0 or more decoders&gt;&lt;text&gt;</c>, decoders
/// being <c>@name:</c> prefixes applied right to left. A closed set of decoders.
/// </summary>
public static class ExtendedValue
{
    /// <summary>Evaluates a raw string; values that are not strings are returned as they are.</summary>
    public static JsonNode? Evaluate(string raw, ExtendedValueContext context)
    {
        if (raw.Length < 2 || raw[0] != '@') return JsonValue.Create(raw);
        int colon = raw.IndexOf(':');
        if (colon < 0) return JsonValue.Create(raw);
        string decoder = raw[1..colon];
        string rest = raw[(colon + 1)..];
        switch (decoder)
        {
            case "val": return JsonValue.Create(rest);
            case "none": return null;
            case "json":
                var text = AsText(Evaluate(rest, context), decoder);
                try { return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }); }
                catch (JsonException) { throw CliException.Other("JSON::ParserError", $"unexpected token at '{text}'"); }
            case "env":
                return JsonValue.Create(Environment.GetEnvironmentVariable(AsText(Evaluate(rest, context), decoder)) ?? "");
            default:
                return JsonValue.Create(raw);
        }
    }

    /// <summary>Evaluates a value read from a file or a preset: strings are decoded, other values kept.</summary>
    public static JsonNode? Evaluate(JsonNode? value, ExtendedValueContext context)
        => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Evaluate(v.GetValue<string>(), context) : value;

    private static string AsText(JsonNode? value, string decoder) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        null => "",
        _ => throw CliException.Runtime($"decoder {decoder} expects a String"),
    };
}
