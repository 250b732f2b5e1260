using System.Text.RegularExpressions;

namespace AsperaNative.Core.Yaml;

/// <summary>How a string scalar is written.</summary>
internal enum ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal }

/// <summary>
/// Chooses the style of a string the way Ruby's <c>to_yaml</c> does: first Psych's own preference
/// (<c>YAMLTree#visit_String</c>), then libyaml's veto when the text cannot be written that way
/// (<c>yaml_emitter_analyze_scalar</c> and <c>yaml_emitter_select_scalar_style</c>).
/// </summary>
internal static partial class PsychScalarStyle
{
    /// <summary>The style of a string written as a block mapping key or a block value.</summary>
    public static ScalarStyle Choose(string s, bool isKey)
    {
        var style = PsychPreference(s);
        var a = Analyze(s);
        if (isKey && a.Multiline) return ScalarStyle.DoubleQuoted;
        if (style == ScalarStyle.Plain)
        {
            if (!a.BlockPlainAllowed) style = ScalarStyle.SingleQuoted;
            if (s.Length == 0 && isKey) style = ScalarStyle.SingleQuoted;
        }
        if (style == ScalarStyle.SingleQuoted && !a.SingleQuotedAllowed) style = ScalarStyle.DoubleQuoted;
        if (style == ScalarStyle.Literal && (!a.BlockAllowed || isKey)) style = ScalarStyle.DoubleQuoted;
        return style;
    }

    /// <summary>Psych's <c>visit_String</c>.</summary>
    private static ScalarStyle PsychPreference(string s)
    {
        if (InnerLineBreak().IsMatch(s)) return ScalarStyle.Literal;
        if (s == "<<") return ScalarStyle.SingleQuoted;
        if (s is "y" or "Y" or "n" or "N") return ScalarStyle.DoubleQuoted;
        if (StartsWithNonWordWithoutDoubleQuote().IsMatch(s)) return ScalarStyle.DoubleQuoted;
        if (!PsychScalarScanner.IsString(s) || OctalLookalike().IsMatch(s)) return ScalarStyle.SingleQuoted;
        return ScalarStyle.Plain;
    }

    // a line break that is not the last character
    [GeneratedRegex(@"\n(?!\n?\z)")]
    private static partial Regex InnerLineBreak();
    [GeneratedRegex(@"^[^\p{L}\p{M}\p{N}\p{Pc}][^""]*$", RegexOptions.Multiline)]
    private static partial Regex StartsWithNonWordWithoutDoubleQuote();
    [GeneratedRegex(@"\A0[0-7]*[89]")]
    private static partial Regex OctalLookalike();

    internal readonly record struct Analysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed);

    /// <summary>libyaml's <c>yaml_emitter_analyze_scalar</c>, for block context.</summary>
    internal static Analysis Analyze(string s)
    {
        if (s.Length == 0) return new(false, true, true, false);
        bool blockIndicators = s.StartsWith("---", StringComparison.Ordinal) || s.StartsWith("...", StringComparison.Ordinal);
        bool special = false, lineBreaks = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        bool precededByWhitespace = true;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int width = char.IsHighSurrogate(c) && i + 1 < s.Length ? 2 : 1;
            bool last = i + width >= s.Length;
            bool followedByWhitespace = last || IsBlank(s[i + width]);
            if (i == 0)
            {
                if ("#,[]{}&*!|>'\"%@`".Contains(c)) blockIndicators = true;
                if ((c == '?' || c == ':') && followedByWhitespace) blockIndicators = true;
                if (c == '-' && followedByWhitespace) blockIndicators = true;
            }
            else
            {
                if (c == ':' && followedByWhitespace) blockIndicators = true;
                if (c == '#' && precededByWhitespace) blockIndicators = true;
            }
            if (!IsPrintable(s, i)) special = true;
            bool isBreak = IsBreak(c);
            if (isBreak) lineBreaks = true;
            if (c == ' ')
            {
                if (i == 0) leadingSpace = true;
                if (last) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true; previousBreak = false;
            }
            else if (isBreak)
            {
                if (i == 0) leadingBreak = true;
                if (last) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousSpace = false; previousBreak = true;
            }
            else { previousSpace = false; previousBreak = false; }
            precededByWhitespace = IsBlank(c);
            i += width - 1;
        }
        bool plain = true, single = true, block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false;
        if (trailingSpace) block = false;
        if (breakSpace) { plain = false; single = false; }
        if (spaceBreak || special) { plain = false; single = false; block = false; }
        if (lineBreaks) plain = false;
        if (blockIndicators) plain = false;
        return new(lineBreaks, plain, single, block);
    }

    internal static bool IsBlank(char c) => c is ' ' or '\t' || IsBreak(c);

    internal static bool IsBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>libyaml's <c>IS_PRINTABLE</c>: characters outside the BMP (emoji) are not printable, so they are escaped.</summary>
    internal static bool IsPrintable(string s, int i)
    {
        char c = s[i];
        if (c == '\n') return true;
        if (c >= 0x20 && c <= 0x7E) return true;
        if (c >= 0xA0 && c <= 0xD7FF) return true;
        if (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) return true;
        return false;
    }
}
