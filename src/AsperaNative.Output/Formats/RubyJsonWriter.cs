using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Formats;

/// <summary>
/// Ruby's <c>JSON.generate</c> (compact) and <c>JSON.pretty_generate</c>, written straight to the output.
/// Differences from System.Text.Json that show: floats as Ruby prints them (<c>1.0</c>, <c>1000.0</c>),
/// non-ASCII and <c>/</c> not escaped, and the pretty layout of empty containers
/// (<c>[</c>, blank line, <c>]</c> and <c>{</c>, <c>}</c> on two lines).
/// </summary>
internal sealed class RubyJsonWriter(TextWriter output, bool pretty, bool hide = false)
{
    private const string Indent = "  ";

    /// <summary>Writes the value; secrets are redacted as written when asked (same rule as <see cref="Secrets.SecretRedactor"/>).</summary>
    public void Write(JsonNode? node) => Write(node, 0, hide);

    /// <summary>Opens a top-level list written item by item (same bytes as <see cref="Write(JsonNode?)"/> of the whole array).</summary>
    public void BeginList()
    {
        output.Write('[');
        if (pretty) output.Write('\n');
    }

    public void ListItem(JsonNode? item, bool first)
    {
        if (!first) { output.Write(','); if (pretty) output.Write('\n'); }
        WriteIndent(1);
        Write(item, 1, hide);
    }

    public void EndList()
    {
        NewLine(0);
        output.Write(']');
    }

    private void Write(JsonNode? node, int depth, bool hide)
    {
        switch (node)
        {
            case null: output.Write("null"); break;
            case JsonObject o: WriteObject(o, depth, hide); break;
            case JsonArray a: WriteArray(a, depth, hide); break;
            case JsonValue v: WriteScalar(v); break;
        }
    }

    private void WriteObject(JsonObject obj, int depth, bool hide)
    {
        output.Write('{');
        // by index: an enumerator would be one more object and interface calls for every item of a listing
        for (int i = 0; i < obj.Count; i++)
        {
            var (key, value) = obj.GetAt(i);
            if (i > 0) output.Write(',');
            NewLine(depth + 1);
            WriteString(output, key);
            output.Write(pretty ? ": " : ":");
            if (hide && Secrets.SecretRedactor.IsSecret(key, value)) WriteString(output, Secrets.SecretRedactor.Hidden);
            // arrays inside a hash are not searched for secrets
            else Write(value, depth + 1, hide && value is not JsonArray);
        }
        NewLine(depth);
        output.Write('}');
    }

    private void WriteArray(JsonArray array, int depth, bool hide)
    {
        output.Write('[');
        if (pretty) output.Write('\n');
        for (int i = 0; i < array.Count; i++)
        {
            if (i > 0) { output.Write(','); if (pretty) output.Write('\n'); }
            WriteIndent(depth + 1);
            Write(array[i], depth + 1, hide);
        }
        NewLine(depth);
        output.Write(']');
    }

    private void NewLine(int depth)
    {
        if (!pretty) return;
        output.Write('\n');
        WriteIndent(depth);
    }

    private void WriteIndent(int depth)
    {
        if (!pretty) return;
        for (int i = 0; i < depth; i++) output.Write(Indent);
    }

    private void WriteScalar(JsonValue value)
    {
        // the kind first: a typed read is a generic virtual call, and this runs for every value of a listing
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when JsonScalar.TryGetText(value, out string? text): WriteString(output, text); break;
            // a regex serialises as its to_s, as Ruby's Regexp#to_json
            case JsonValueKind.String when RubyRegex.TryGet(value, out var re): WriteString(output, re.ToString()); break;
            case JsonValueKind.String: WriteString(output, JsonScalar.GetText(value)); break;
            case JsonValueKind.Number when value.TryGetValue(out long integer): WriteInteger(integer); break;
            case JsonValueKind.Number: output.Write(RubyInspect.RubyNumber(value)); break;
            case JsonValueKind.True: output.Write("true"); break;
            case JsonValueKind.False: output.Write("false"); break;
            default: output.Write("null"); break;
        }
    }

    private void WriteInteger(long integer)
    {
        Span<char> digits = stackalloc char[20];
        integer.TryFormat(digits, out int length, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Write(digits[..length]);
    }

    private static readonly System.Buffers.SearchValues<char> Escaped =
        System.Buffers.SearchValues.Create(string.Concat(Enumerable.Range(0, 0x20).Select(static c => (char)c)) + "\"\\");

    /// <summary>A JSON string as Ruby's generator writes it: only <c>"</c>, <c>\</c> and control characters escaped.</summary>
    public static void WriteString(TextWriter output, string s)
    {
        output.Write('"');
        int start = 0;
        while (true)
        {
            // the next character to escape, found by a vectorised search (most strings have none)
            int found = s.AsSpan(start).IndexOfAny(Escaped);
            if (found < 0) break;
            int i = start + found;
            char c = s[i];
            if (i > start) output.Write(s.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '"': output.Write("\\\""); break;
                case '\\': output.Write("\\\\"); break;
                case '\n': output.Write("\\n"); break;
                case '\r': output.Write("\\r"); break;
                case '\t': output.Write("\\t"); break;
                case '\f': output.Write("\\f"); break;
                case '\b': output.Write("\\b"); break;
                default:
                    output.Write("\\u00");
                    output.Write("0123456789abcdef"[c >> 4]);
                    output.Write("0123456789abcdef"[c & 0xF]);
                    break;
            }
        }
        if (start < s.Length) output.Write(s.AsSpan(start));
        output.Write('"');
    }
}
