using System.Text.Json.Nodes;

namespace AsperaNative.Config;

/// <summary>ascli's storage rules for preset entries.</summary>
public static class PresetValue
{
    /// <summary>Parameter names are stored with underscores: <c>new-opt</c> becomes <c>new_opt</c>.</summary>
    public static string ParameterName(string name) => name.Replace('-', '_');

    /// <summary>
    /// A value from the command line after extended value evaluation: a plain word stays a string
    /// (<c>'33001'</c>, <c>'yes'</c>); only decoders such as <c>@json:</c> give numbers, booleans or structures.
    /// </summary>
    public static JsonNode? FromCommandLine(JsonNode? evaluated) => evaluated?.DeepClone();

    /// <summary>Ruby's <c>eql?</c> between two values: same type and same content.</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
