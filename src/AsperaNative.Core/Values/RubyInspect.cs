using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.Core.Values;

/// <summary>
/// Ruby's <c>inspect</c> of a value, as ascli shows values in messages, the <c>ruby</c> format and
/// non-flattened table cells: <c>["a", 1]</c>, <c>{"k"=>nil}</c> (Ruby 3.3 hash layout, as 4.21 was recorded).
/// </summary>
public static class RubyInspect
{
    public static string Inspect(JsonNode? node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    public static string Inspect(IEnumerable<string> strings)
    {
        var sb = new StringBuilder("[");
        bool first = true;
        foreach (var s in strings)
        {
            if (!first) sb.Append(", ");
            first = false;
            AppendString(sb, s);
        }
        return sb.Append(']').ToString();
    }

    public static void Append(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null: sb.Append("nil"); break;
            case JsonObject o:
                if (o.Count == 0) { sb.Append("{}"); break; }
                sb.Append('{');
                bool first = true;
                foreach (var (k, v) in o)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendString(sb, k);
                    sb.Append("=>");
                    Append(sb, v);
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (int i = 0; i < a.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, a[i]);
                }
                sb.Append(']');
                break;
            case JsonValue v:
                AppendScalar(sb, v);
                break;
        }
    }

    private static void AppendScalar(StringBuilder sb, JsonValue v)
    {
        if (RubyRegex.TryGet(v, out var re)) { sb.Append(re.Inspect()); return; }
        switch (v.GetValueKind())
        {
            case JsonValueKind.String: AppendString(sb, JsonScalar.GetText(v)); break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            case JsonValueKind.Number: sb.Append(RubyNumber(v)); break;
            default: sb.Append(v.ToJsonString()); break;
        }
    }

    /// <summary>A number as Ruby prints it: integers as they are, floats always with a dot (<c>1.0</c>, <c>1.0e+20</c>).</summary>
    public static string RubyNumber(JsonValue v)
    {
        // parsed JSON keeps its text: integers of any size stay integers (Ruby's Bignum), others are floats
        if (v.TryGetValue(out JsonElement e))
        {
            string raw = e.GetRawText();
            if (raw.IndexOfAny(['.', 'e', 'E']) < 0) return raw;
            return RubyFloat(e.GetDouble());
        }
        if (v.TryGetValue(out long l)) return l.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue(out int i)) return i.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue(out ulong ul)) return ul.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue(out double d)) return RubyFloat(d);
        if (v.TryGetValue(out float f)) return RubyFloat(f);
        return v.ToJsonString();
    }

    /// <summary>Ruby's <c>Float#to_s</c>: shortest round-trip digits, exponent form beyond 1e16 or below 1e-4.</summary>
    public static string RubyFloat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e16) return d.ToString("0.0", CultureInfo.InvariantCulture);
        double abs = Math.Abs(d);
        if (abs >= 1e16 || abs < 1e-4)
        {
            string r = d.ToString("R", CultureInfo.InvariantCulture); // e.g. 1E+20, 1.5E-05
            int ePos = r.IndexOf('E');
            string mant = r[..ePos];
            if (!mant.Contains('.')) mant += ".0";
            int exp = int.Parse(r[(ePos + 1)..], CultureInfo.InvariantCulture);
            return $"{mant}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Ruby's <c>String#inspect</c>.</summary>
    public static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\u001b': sb.Append("\\e"); break;
                case '#' when i + 1 < s.Length && (s[i + 1] == '{' || s[i + 1] == '$' || s[i + 1] == '@'): sb.Append("\\#"); break;
                default:
                    if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
