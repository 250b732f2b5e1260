using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Text;

/// <summary>
/// Ruby's <c>puts</c> on values of the JSON tree: ascli prints bare values with <c>puts</c>, whose
/// rules (arrays one element a line, nil as an empty line, no newline added after one) show in the
/// output; each value is shown with <see cref="RubyToS"/>.
/// </summary>
internal static class RubyText
{
    /// <summary>Ruby <c>puts(value)</c>: an array prints each (flattened) element on its own line.</summary>
    public static void Puts(TextWriter output, JsonNode? node)
    {
        if (node is JsonArray array)
        {
            if (array.Count == 0) { output.Write('\n'); return; }
            foreach (var item in array)
            {
                if (item is JsonArray) Puts(output, item);
                else PutsString(output, RubyToS.Of(item));
            }
            return;
        }
        PutsString(output, RubyToS.Of(node));
    }

    /// <summary>Ruby <c>puts(string)</c>: a newline is added unless the text already ends with one.</summary>
    public static void PutsString(TextWriter output, string text)
    {
        output.Write(text);
        if (text.Length == 0 || text[^1] != '\n') output.Write('\n');
    }
}
