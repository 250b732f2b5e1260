using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Transfer.TransferSpec;

/// <summary>Ruby's view of JSON values, for ascli's type errors (<c>String (100)</c>); <c>to_s</c> is <see cref="RubyToS"/>.</summary>
internal static class RubyValues
{
    public static string ClassName(JsonNode? value) => value switch
    {
        null => "NilClass",
        JsonObject => "Hash",
        JsonArray => "Array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "String",
            JsonValueKind.True => "TrueClass",
            JsonValueKind.False => "FalseClass",
            JsonValueKind.Number => IsInteger(v) ? "Integer" : "Float",
            _ => "Object",
        },
        _ => "Object",
    };

    public static bool IsInteger(JsonValue v)
    {
        if (v.TryGetValue(out long _) || v.TryGetValue(out int _)) return true;
        if (v.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number)
            return e.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0;
        return false;
    }

    public static SpecType? SpecTypeOf(JsonNode? value) => ClassName(value) switch
    {
        "String" => SpecType.String,
        "Integer" => SpecType.Int,
        "TrueClass" or "FalseClass" => SpecType.Bool,
        "Array" => SpecType.Array,
        "Hash" => SpecType.Hash,
        _ => null,
    };

    public static double ToDouble(JsonValue v)
        => v.TryGetValue(out long l) ? l : v.TryGetValue(out int i) ? i : v.TryGetValue(out double d) ? d
            : v.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : 0;

    public static bool IsTrue(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
