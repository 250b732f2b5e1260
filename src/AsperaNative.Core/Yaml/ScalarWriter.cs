using System.Globalization;

namespace AsperaNative.Core.Yaml;

/// <summary>
/// libyaml's scalar writers (<c>yaml_emitter_write_plain_scalar</c> and friends), with their folding of
/// long lines at a space once the column passes 80, continuation lines being indented.
/// </summary>
internal static class ScalarWriter
{
    private const int BestWidth = 80;

    public static void Write(YamlTextWriter w, string s, ScalarStyle style, int indent, bool allowBreaks)
    {
        switch (style)
        {
            case ScalarStyle.Plain: WritePlain(w, s, indent, allowBreaks); break;
            case ScalarStyle.SingleQuoted: WriteSingleQuoted(w, s, indent, allowBreaks); break;
            case ScalarStyle.DoubleQuoted: WriteDoubleQuoted(w, s, indent, allowBreaks); break;
            case ScalarStyle.Literal: WriteLiteral(w, s, indent); break;
        }
    }

    private static void WritePlain(YamlTextWriter w, string s, int indent, bool allowBreaks)
    {
        bool spaces = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && w.Column > BestWidth && !(i + 1 < s.Length && s[i + 1] == ' '))
                    LineBreakAndIndent(w, indent);
                else
                    w.Write(c);
                spaces = true;
            }
            else
            {
                w.Write(c);
                spaces = false;
            }
        }
    }

    private static void WriteSingleQuoted(YamlTextWriter w, string s, int indent, bool allowBreaks)
    {
        w.Write('\'');
        bool spaces = false, breaks = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && w.Column > BestWidth && i != 0 && i != s.Length - 1 && s[i + 1] != ' ')
                    LineBreakAndIndent(w, indent);
                else
                    w.Write(c);
                spaces = true;
            }
            else if (PsychScalarStyle.IsBreak(c))
            {
                if (!breaks && c == '\n') w.NewLine();
                w.NewLine();
                breaks = true;
            }
            else
            {
                if (breaks) w.Indent(indent);
                w.Write(c);
                if (c == '\'') w.Write('\'');
                spaces = false; breaks = false;
            }
        }
        if (breaks) w.Indent(indent);
        w.Write('\'');
    }

    private static void WriteDoubleQuoted(YamlTextWriter w, string s, int indent, bool allowBreaks)
    {
        w.Write('"');
        bool spaces = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool surrogatePair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            if (surrogatePair || !PsychScalarStyle.IsPrintable(s, i) || c == '\uFEFF' || PsychScalarStyle.IsBreak(c) || c == '"' || c == '\\')
            {
                w.Write(Escape(s, ref i));
                spaces = false;
            }
            else if (c == ' ')
            {
                if (allowBreaks && !spaces && w.Column > BestWidth && i != 0 && i != s.Length - 1)
                {
                    LineBreakAndIndent(w, indent);
                    if (s[i + 1] == ' ') w.Write('\\');
                }
                else
                    w.Write(c);
                spaces = true;
            }
            else
            {
                w.Write(c);
                spaces = false;
            }
        }
        w.Write('"');
    }

    private static string Escape(string s, ref int i)
    {
        char c = s[i];
        switch (c)
        {
            case '\0': return "\\0";
            case '\a': return "\\a";
            case '\b': return "\\b";
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\v': return "\\v";
            case '\f': return "\\f";
            case '\r': return "\\r";
            case '\u001b': return "\\e";
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\u0085': return "\\N";
            case '\u00A0': return "\\_";
            case '\u2028': return "\\L";
            case '\u2029': return "\\P";
        }
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            int cp = char.ConvertToUtf32(c, s[i + 1]);
            i++;
            return "\\U" + cp.ToString("X8", CultureInfo.InvariantCulture);
        }
        return c <= 0xFF
            ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)
            : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>A <c>|</c> block: chomping <c>-</c> without a final line break, <c>+</c> with several, an indentation hint when the text starts with a space.</summary>
    private static void WriteLiteral(YamlTextWriter w, string s, int indent)
    {
        w.Write("|");
        if (s.Length > 0 && (s[0] == ' ' || PsychScalarStyle.IsBreak(s[0]))) w.Write("2");
        if (s.Length == 0 || !PsychScalarStyle.IsBreak(s[^1])) w.Write('-');
        else if (s.Length == 1 || PsychScalarStyle.IsBreak(s[^2])) w.Write('+');
        w.NewLine();
        bool breaks = true;
        foreach (char c in s)
        {
            if (PsychScalarStyle.IsBreak(c))
            {
                w.NewLine();
                breaks = true;
            }
            else
            {
                if (breaks) w.Indent(indent);
                w.Write(c);
                breaks = false;
            }
        }
        if (breaks) Unbreak(w);
    }

    /// <summary>The caller ends the document or entry with a line break: a literal that ended on one must not get two.</summary>
    private static void Unbreak(YamlTextWriter w) => w.TrimFinalNewLine();

    private static void LineBreakAndIndent(YamlTextWriter w, int indent)
    {
        w.NewLine();
        w.Indent(indent);
    }
}
