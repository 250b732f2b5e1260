using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Formats;

/// <summary>Where a horizontal line sits; unicode borders draw each kind with other characters.</summary>
internal enum SeparatorKind { Top, BelowHeading, Middle, Bottom }

/// <summary>The characters of a horizontal line: edges, the flat bar, and the three kinds of crossing.</summary>
internal readonly record struct HorizontalChars(string Left, string Flat, string UpDown, string Right, string? Down, string? Up);

/// <summary>
/// The <c>--table-style</c> hash, with the options and border styles of the terminal-table gem (3.0)
/// that ascli hands it to: <c>border</c> (ascii, markdown, unicode, unicode_round, unicode_thick_edge),
/// paddings, <c>margin_left</c>, <c>alignment</c>, <c>all_separators</c>, <c>border_top/bottom/left/right</c>,
/// and the legacy <c>border_x/y/i</c> characters of the ascii border.
/// </summary>
internal sealed class TableStyle
{
    private Dictionary<string, string> _chars = AsciiChars();
    private bool _unicode;

    public int PaddingLeft { get; private set; } = 1;
    public int PaddingRight { get; private set; } = 1;
    public string MarginLeft { get; private set; } = "";
    public string Alignment { get; private set; } = "left";
    public bool AllSeparators { get; private set; }
    public bool Top { get; private set; } = true;
    public bool Bottom { get; private set; } = true;
    public bool Left { get; private set; } = true;
    public bool Right { get; private set; } = true;

    public static readonly TableStyle Ascii = new();

    public static TableStyle Parse(JsonNode? options)
    {
        if (options is not JsonObject obj || obj.Count == 0) return Ascii;
        var style = new TableStyle();
        foreach (var (key, value) in obj)
        {
            string text = RubyToS.Of(value).TrimStart(':');
            switch (key.TrimStart(':'))
            {
                case "border": style.SetBorder(text); break;
                case "padding_left": style.PaddingLeft = ParseInt(text); break;
                case "padding_right": style.PaddingRight = ParseInt(text); break;
                case "margin_left": style.MarginLeft = text; break;
                case "alignment":
                    if (text is not ("left" or "right" or "center")) throw CliException.Runtime("Alignment must be one of: left center right");
                    style.Alignment = text;
                    break;
                case "all_separators": style.AllSeparators = IsTrue(text); break;
                case "border_top": style.Top = IsTrue(text); break;
                case "border_bottom": style.Bottom = IsTrue(text); break;
                case "border_left": style.Left = IsTrue(text); break;
                case "border_right": style.Right = IsTrue(text); break;
                case "border_x": style._chars["x"] = text; break;
                case "border_y": style._chars["y"] = text; break;
                case "border_i": style._chars["i"] = text; break;
                case "width": break; // a wanted total width only matters for wider-than-content tables; not supported (#4)
                default:
                    throw CliException.Other("NoMethodError", $"undefined method '{key}=' for an instance of Terminal::Table::Style");
            }
        }
        return style;
    }

    /// <summary>[left, center, right] vertical bars of a row.</summary>
    public (string Left, string Center, string Right) Vertical => _unicode
        ? (Left ? _chars["yw"] : "", _chars["y"], Right ? _chars["ye"] : "")
        : (Left ? _chars["y"] : "", _chars["y"], Right ? _chars["y"] : "");

    public HorizontalChars Horizontal(SeparatorKind kind)
    {
        HorizontalChars h;
        if (!_unicode)
        {
            string i = _chars["i"];
            h = new(i, _chars["x"], i, i, i, i);
        }
        else
        {
            h = kind switch
            {
                SeparatorKind.Top => new(_chars["nw"], _chars["nx"], _chars["n"], _chars["ne"], _chars["n"], null),
                SeparatorKind.BelowHeading => new(_chars["hw"], _chars["hx"], _chars["hi"], _chars["he"], _chars["hd"], _chars["hu"]),
                SeparatorKind.Bottom => new(_chars["sw"], _chars["sx"], _chars["s"], _chars["se"], null, _chars["s"]),
                _ => new(_chars["w"], _chars["x"], _chars["i"], _chars["e"], _chars["dn"], _chars["up"]),
            };
        }
        return h with { Left = Left ? h.Left : "", Right = Right ? h.Right : "" };
    }

    private void SetBorder(string name)
    {
        _unicode = name.StartsWith("unicode", StringComparison.Ordinal);
        switch (name)
        {
            case "ascii": _chars = AsciiChars(); break;
            case "markdown":
                _chars = new() { ["x"] = "-", ["y"] = "|", ["i"] = "|" };
                Top = Bottom = false;
                break;
            case "unicode": _chars = UnicodeChars(); break;
            case "unicode_round":
                _chars = UnicodeChars();
                _chars["nw"] = "╭"; _chars["ne"] = "╮"; _chars["sw"] = "╰"; _chars["se"] = "╯";
                break;
            case "unicode_thick_edge":
                _chars = new()
                {
                    ["nw"] = "┏", ["nx"] = "━", ["n"] = "┯", ["ne"] = "┓",
                    ["yw"] = "┃", ["y"] = "│", ["ye"] = "┃",
                    ["hw"] = "┣", ["hx"] = "═", ["hi"] = "╪", ["he"] = "┫", ["hd"] = "╤", ["hu"] = "╧",
                    ["w"] = "┠", ["x"] = "─", ["i"] = "┼", ["e"] = "┨", ["dn"] = "┬", ["up"] = "┴",
                    ["sw"] = "┗", ["sx"] = "━", ["s"] = "┷", ["se"] = "┛",
                };
                break;
            default:
                string klass = string.Concat(name.Split('_').Select(static p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])) + "Border";
                throw CliException.Runtime($"Cannot lookup class Terminal::Table::{klass} from symbol :{name}");
        }
    }

    private static Dictionary<string, string> AsciiChars() => new() { ["x"] = "-", ["y"] = "|", ["i"] = "+" };

    private static Dictionary<string, string> UnicodeChars() => new()
    {
        ["nw"] = "┌", ["nx"] = "─", ["n"] = "┬", ["ne"] = "┐",
        ["yw"] = "│", ["y"] = "│", ["ye"] = "│",
        ["hw"] = "╞", ["hx"] = "═", ["hi"] = "╪", ["he"] = "╡", ["hd"] = "╤", ["hu"] = "╧",
        ["w"] = "├", ["x"] = "─", ["i"] = "┼", ["e"] = "┤", ["dn"] = "┬", ["up"] = "┴",
        ["sw"] = "└", ["sx"] = "─", ["s"] = "┴", ["se"] = "┘",
    };

    private static int ParseInt(string text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0
            ? n : throw CliException.BadArgument($"table_style: expecting a number, but have {text}");

    private static bool IsTrue(string text) => text is "true" or "yes";
}
