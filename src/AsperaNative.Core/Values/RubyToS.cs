using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.Core.Values;

/// <summary>
/// Ruby's <c>to_s</c> of a value of the JSON tree, as ascli shows values in table cells, messages
/// (<c>"#{value}"</c>), query strings and ascp arguments: strings raw, nil empty, numbers and booleans
/// as literals (floats always with a dot), regexps as <c>(?-mix:…)</c>, hashes and arrays as <c>inspect</c>.
/// </summary>
public static class RubyToS
{
    public static string Of(JsonNode? node)
    {
        switch (node)
        {
            case null: return "";
            case JsonValue v:
                // table output calls this for every cell: strings and integers (the cells of listings) take one typed read
                // (each typed read of a value is a generic virtual call, which costs a lookup)
                var kind = v.GetValueKind();
                if (kind == JsonValueKind.String && JsonScalar.TryGetText(v, out string? text)) return text;
                if (kind == JsonValueKind.Number && v.TryGetValue(out long integer)) return integer.ToString(CultureInfo.InvariantCulture);
                if (v.TryGetValue(out JsonElement e))
                {
                    switch (e.ValueKind)
                    {
                        case JsonValueKind.String: return e.GetString()!;
                        case JsonValueKind.True: return "true";
                        case JsonValueKind.False: return "false";
                        case JsonValueKind.Null: return "";
                    }
                }
                if (RubyRegex.TryGet(v, out var re)) return re.ToString();
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => JsonScalar.TryGetText(v, out string? s) ? s : v.ToJsonString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => RubyInspect.RubyNumber(v),
                    JsonValueKind.Null => "",
                    _ => v.ToJsonString(),
                };
            default: return RubyInspect.Inspect(node);
        }
    }
}
