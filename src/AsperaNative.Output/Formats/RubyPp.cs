using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Formats;

/// <summary>
/// Ruby's <c>PP.pp(value, +'')</c> (Ruby 3.3 layout, width 79) for the <c>ruby</c> format and other
/// structures in tables: hashes and arrays as groups with comma breakables, a hash pair as
/// <c>key=&gt;value</c> with a break allowed after <c>=&gt;</c>, a multi-line string as <c>"a\n" + "b"</c>.
/// </summary>
internal static class RubyPp
{
    public static string Pp(JsonNode? node)
    {
        var sb = new StringBuilder();
        var pp = new PrettyPrinter(sb).Init();
        Print(pp, node);
        pp.Flush();
        return sb.Append('\n').ToString();
    }

    /// <summary>The pp of a one-item array holding <paramref name="node"/>, without its brackets and newline: how the item is laid out in any list.</summary>
    public static string PpListItem(JsonNode? node)
    {
        var sb = new StringBuilder();
        var pp = new PrettyPrinter(sb).Init();
        pp.Group(1, "[", "]", () => Print(pp, node));
        pp.Flush();
        return sb.ToString(1, sb.Length - 2);
    }

    /// <summary>The pp of a value already known as Ruby text (e.g. a symbol).</summary>
    public static string PpText(string text) => text + "\n";

    private static void Print(PrettyPrinter pp, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                pp.Group(1, "{", "}", () =>
                {
                    bool first = true;
                    foreach (var (key, value) in o)
                    {
                        if (!first) CommaBreakable(pp);
                        first = false;
                        pp.Group(0, "", "", () =>
                        {
                            PrintString(pp, key);
                            pp.Text("=>");
                            pp.Group(1, "", "", () =>
                            {
                                pp.BreakableSpace("");
                                Print(pp, value);
                            });
                        });
                    }
                });
                break;
            case JsonArray a:
                pp.Group(1, "[", "]", () =>
                {
                    for (int i = 0; i < a.Count; i++)
                    {
                        if (i > 0) CommaBreakable(pp);
                        Print(pp, a[i]);
                    }
                });
                break;
            case JsonValue v when JsonScalar.TryGetText(v, out string? text):
                PrintString(pp, text);
                break;
            default:
                pp.Text(RubyInspect.Inspect(node));
                break;
        }
    }

    private static void CommaBreakable(PrettyPrinter pp)
    {
        pp.Text(",");
        pp.BreakableSpace();
    }

    /// <summary>Ruby's String#pretty_print: several lines are shown as a sum of one literal per line.</summary>
    private static void PrintString(PrettyPrinter pp, string s)
    {
        var lines = Lines(s);
        if (lines.Count <= 1) { pp.Text(Inspect(s)); return; }
        pp.Group(0, "", "", () =>
        {
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0) { pp.Text(" +"); pp.BreakableSpace(); }
                pp.Text(Inspect(lines[i]));
            }
        });
    }

    /// <summary>Ruby's <c>String#lines</c>: each line keeps its newline.</summary>
    private static List<string> Lines(string s)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\n') continue;
            lines.Add(s[start..(i + 1)]);
            start = i + 1;
        }
        if (start < s.Length) lines.Add(s[start..]);
        return lines;
    }

    private static string Inspect(string s)
    {
        var sb = new StringBuilder();
        RubyInspect.AppendString(sb, s);
        return sb.ToString();
    }
}
