using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Yaml;

/// <summary>
/// Writes a value the way Ruby's <c>value.to_yaml</c> (Psych over libyaml) lays it out, byte for byte:
/// a <c>---</c> header (<c>--- hello</c> for a scalar, <c>--- {}</c>/<c>--- []</c> when empty), two-space
/// block mappings, sequences under a key not indented, Psych's quoting of strings that would read back
/// as another type, literal <c>|-</c> blocks, emoji escaped, lines folded past 80 columns.
/// </summary>
public static class YamlEmitter
{
    /// <summary>The YAML document for a value (null is Ruby's nil), ending with a newline.</summary>
    public static string Emit(JsonNode? node)
    {
        var w = new YamlTextWriter();
        w.Write("---");
        switch (node)
        {
            case JsonObject { Count: 0 }: w.Write(" {}"); break;
            case JsonArray { Count: 0 }: w.Write(" []"); break;
            case JsonObject o: w.NewLine(); WriteMapping(w, o, 0); break;
            case JsonArray a: w.NewLine(); WriteSequence(w, a, 0); break;
            case null: w.NewLine(); w.Write("..."); break;
            default: WriteScalarValue(w, (JsonValue)node, 2); break;
        }
        w.NewLine();
        return w.ToString();
    }

    /// <summary>Writes the entries of a non-empty mapping, each key at <paramref name="indent"/>; the cursor is at the line start.</summary>
    private static void WriteMapping(YamlTextWriter w, JsonObject o, int indent, bool firstInline = false)
    {
        bool first = true;
        foreach (var (key, value) in o)
        {
            if (!(first && firstInline)) { if (!first) w.NewLine(); w.Indent(indent); }
            first = false;
            WriteKey(w, key, indent);
            WriteValueAfterIndicator(w, value, indent, inMapping: true);
        }
    }

    /// <summary>Writes the items of a non-empty sequence, each dash at <paramref name="indent"/>.</summary>
    private static void WriteSequence(YamlTextWriter w, JsonArray a, int indent, bool firstInline = false)
    {
        for (int i = 0; i < a.Count; i++)
        {
            if (!(i == 0 && firstInline)) { if (i > 0) w.NewLine(); w.Indent(indent); }
            w.Write("-");
            WriteValueAfterIndicator(w, a[i], indent, inMapping: false);
        }
    }

    /// <summary>A value following <c>key:</c> or <c>-</c> of a collection at <paramref name="indent"/>.</summary>
    private static void WriteValueAfterIndicator(YamlTextWriter w, JsonNode? value, int indent, bool inMapping)
    {
        switch (value)
        {
            case null: break;                                   // nil: nothing after the indicator
            case JsonObject { Count: 0 }: w.Write(" {}"); break;
            case JsonArray { Count: 0 }: w.Write(" []"); break;
            case JsonObject o when inMapping: w.NewLine(); WriteMapping(w, o, indent + 2); break;
            case JsonObject o: w.Write(" "); WriteMapping(w, o, indent + 2, firstInline: true); break;
            case JsonArray a when inMapping: w.NewLine(); WriteSequence(w, a, indent); break;
            case JsonArray a: w.Write(" "); WriteSequence(w, a, indent + 2, firstInline: true); break;
            case JsonValue v: WriteScalarValue(w, v, indent + 2); break;
        }
    }

    private static void WriteKey(YamlTextWriter w, string key, int indent)
    {
        // libyaml writes keys longer than 128 bytes as explicit "? key" entries
        if (Encoding.UTF8.GetByteCount(key) > 128)
        {
            w.Write("?");
            WriteString(w, key, indent + 2, isKey: false);
            w.NewLine();
            w.Indent(indent);
            w.Write(":");
            return;
        }
        var style = PsychScalarStyle.Choose(key, isKey: true);
        ScalarWriter.Write(w, key, style, indent + 2, allowBreaks: false);
        w.Write(":");
    }

    /// <summary>A scalar after an indicator: a space then the text (continuation lines at <paramref name="indent"/>).</summary>
    private static void WriteScalarValue(YamlTextWriter w, JsonValue v, int indent)
    {
        if (RubyRegex.TryGet(v, out var re))
        {
            w.Write(" !ruby/regexp ");
            w.Write(re.Inspect());
            return;
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.String: WriteString(w, JsonScalar.GetText(v), indent, isKey: false); break;
            case JsonValueKind.True: w.Write(" true"); break;
            case JsonValueKind.False: w.Write(" false"); break;
            case JsonValueKind.Null: break;
            case JsonValueKind.Number: w.Write(" "); w.Write(FormatNumber(v)); break;
            default: w.Write(" "); w.Write(v.ToJsonString()); break;
        }
    }

    private static void WriteString(YamlTextWriter w, string s, int indent, bool isKey)
    {
        var style = PsychScalarStyle.Choose(s, isKey);
        if (style != ScalarStyle.Plain || s.Length > 0) w.Write(" ");
        ScalarWriter.Write(w, s, style, indent, allowBreaks: true);
    }

    /// <summary>Ruby's <c>to_s</c> of the number: integers exact whatever their size, floats always with a dot.</summary>
    internal static string FormatNumber(JsonValue v)
    {
        if (v.TryGetValue(out JsonElement e))
        {
            string raw = e.GetRawText();
            if (raw.IndexOfAny(['.', 'e', 'E']) < 0) return raw;
            return FloatText(e.GetDouble());
        }
        if (v.TryGetValue(out long l)) return l.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue(out int i)) return i.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue(out ulong u)) return u.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue(out double d)) return FloatText(d);
        if (v.TryGetValue(out float f)) return FloatText(f);
        if (v.TryGetValue(out decimal m)) return FloatText((double)m);
        return v.ToJsonString();
    }

    private static string FloatText(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsInfinity(d)) return d > 0 ? ".inf" : "-.inf";
        return RubyInspect.RubyFloat(d);
    }
}

/// <summary>Text output tracking the column as libyaml counts it (one per character, surrogate pairs once).</summary>
internal sealed class YamlTextWriter
{
    private readonly StringBuilder _sb = new();

    public int Column { get; private set; }

    public void Write(string s)
    {
        foreach (char c in s) Write(c);
    }

    public void Write(char c)
    {
        _sb.Append(c);
        if (!char.IsLowSurrogate(c)) Column++;
    }

    public void NewLine()
    {
        _sb.Append('\n');
        Column = 0;
    }

    /// <summary>Pads with spaces up to <paramref name="indent"/>.</summary>
    public void Indent(int indent)
    {
        while (Column < indent) Write(' ');
    }

    /// <summary>Removes a line break just written (a literal block ends with its own).</summary>
    public void TrimFinalNewLine()
    {
        if (_sb.Length > 0 && _sb[^1] == '\n') _sb.Length--;
    }

    public override string ToString() => _sb.ToString();
}
