using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Text;

/// <summary>
/// Ruby's <c>to_s</c> and <c>puts</c> on values of the JSON tree: ascli builds table cells with
/// <c>to_s</c> and prints bare values with <c>puts</c>, whose rules (arrays one element a line,
/// nil as an empty line, no newline added after one) show in the output.
/// </summary>
internal static class RubyText
{
    /// <summary>Ruby <c>to_s</c>: strings raw, nil empty, hashes and arrays as <c>inspect</c>.</summary>
    public static string ToS(JsonNode? node)
    {
        switch (node)
        {
            case null: return "";
            case JsonValue v:
                // values parsed from JSON text: read the element once
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
                    JsonValueKind.String => v.TryGetValue(out string? s) ? s : v.ToJsonString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => RubyInspect.RubyNumber(v),
                    JsonValueKind.Null => "",
                    _ => v.ToJsonString(),
                };
            default: return RubyInspect.Inspect(node);
        }
    }

    /// <summary>Ruby <c>puts(value)</c>: an array prints each (flattened) element on its own line.</summary>
    public static void Puts(TextWriter output, JsonNode? node)
    {
        if (node is JsonArray array)
        {
            if (array.Count == 0) { output.Write('\n'); return; }
            foreach (var item in array)
            {
                if (item is JsonArray) Puts(output, item);
                else PutsString(output, ToS(item));
            }
            return;
        }
        PutsString(output, ToS(node));
    }

    /// <summary>Ruby <c>puts(string)</c>: a newline is added unless the text already ends with one.</summary>
    public static void PutsString(TextWriter output, string text)
    {
        output.Write(text);
        if (text.Length == 0 || text[^1] != '\n') output.Write('\n');
    }
}
