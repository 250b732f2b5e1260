using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;
using System.Text.RegularExpressions;

namespace AsperaNative.Core.Yaml;

/// <summary>
/// The YAML 1.1 resolution of plain scalars as Ruby Psych's <c>ScalarScanner#tokenize</c> does it:
/// <c>yes</c>/<c>on</c> are true, <c>010</c> is 8, <c>1_000</c> and <c>1,000</c> are 1000, <c>1:20</c> is 80,
/// <c>1.5</c> is a float but <c>1.5e3</c> (no exponent sign) stays a string, <c>~</c> and <c>null</c> are nil.
/// Used by the reader to type plain scalars and by the emitter to quote strings that would not read back as strings.
/// </summary>
internal static partial class PsychScalarScanner
{
    /// <summary>Whether a plain scalar with this text reads back as a String.</summary>
    public static bool IsString(string text) => Tokenize(text, out _);

    /// <summary>Resolves a plain scalar; returns true when it stays a string.</summary>
    public static bool Tokenize(string s, out JsonNode? value)
    {
        value = null;
        if (s.Length == 0) return false;                       // empty plain scalar is nil
        if (s.Contains('\n') || StartsStringLike(s))
        {
            value = JsonScalar.Text(s);
            if (s.Length > 5) return true;
            if (StartsNullOrBool().IsMatch(s)) return true;
            if (s == "~" || NullWord().IsMatch(s)) { value = null; return false; }
            if (TrueWord().IsMatch(s)) { value = JsonScalar.Bool(true); return false; }
            if (FalseWord().IsMatch(s)) { value = JsonScalar.Bool(false); return false; }
            return true;
        }
        if (StartsWithYear(s) && (Time().IsMatch(s) || Date().IsMatch(s)))
        {
            value = JsonScalar.Text(s);                       // Time/Date: not a String for the emitter
            return false;
        }
        // each pattern below is tried only when the text has what the pattern needs (its first character, a dot, a
        // colon): most values are decided without running, or even building, a regex
        char first = s[0];
        int dots = s.AsSpan().Count('.');
        bool dot = dots > 0, colon = s.Contains(':');
        if (dot && first is '+' or '.' && PositiveInfinity().IsMatch(s)) { value = JsonValue.Create(double.PositiveInfinity); return false; }
        if (dot && first == '-' && NegativeInfinity().IsMatch(s)) { value = JsonValue.Create(double.NegativeInfinity); return false; }
        if (dot && first == '.' && NotANumber().IsMatch(s)) { value = JsonValue.Create(double.NaN); return false; }
        if (first == ':' && Symbol().IsMatch(s)) { value = JsonScalar.Text(s); return false; }
        if (colon && Sexagesimal().IsMatch(s))
        {
            value = IntegerNode(SexagesimalValue(s));
            return false;
        }
        if (colon && dot && SexagesimalFloat().IsMatch(s))
        {
            value = JsonValue.Create((double)SexagesimalFloatValue(s));
            return false;
        }
        if (dots == 1 && Float().IsMatch(s))
        {
            if (LoneDot().IsMatch(s)) { value = JsonScalar.Text(s); return true; }
            string cleaned = DotBeforeExponent().Replace(s.Replace(",", "").Replace("_", ""), "$1");
            value = JsonValue.Create(double.Parse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture));
            return false;
        }
        if (!dot && !colon && Integer().IsMatch(s))
        {
            value = IntegerNode(ParseRubyInteger(s.Replace(",", "").Replace("_", "")));
            return false;
        }
        value = JsonScalar.Text(s);
        return true;
    }

    /// <summary>An integer node that keeps big values exact (they are written as raw JSON digits).</summary>
    internal static JsonNode IntegerNode(BigInteger i)
        => i >= long.MinValue && i <= long.MaxValue
            ? JsonScalar.Integer((long)i)
            : JsonNode.Parse(i.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>Ruby's <c>Integer("…")</c> for the forms the scanner accepts: sign, <c>0b</c>, <c>0x</c>, leading-0 octal.</summary>
    private static BigInteger ParseRubyInteger(string s)
    {
        bool negative = s.StartsWith('-');
        if (s.StartsWith('-') || s.StartsWith('+')) s = s[1..];
        BigInteger result;
        if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase)) result = ParseBase(s[2..], 2);
        else if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) result = ParseBase(s[2..], 16);
        else if (s.Length > 1 && s[0] == '0') result = ParseBase(s[1..], 8);
        else result = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        return negative ? -result : result;
    }

    private static BigInteger ParseBase(string digits, int radix)
    {
        BigInteger r = BigInteger.Zero;
        foreach (char c in digits) r = r * radix + Convert.ToInt32(c.ToString(), 16);
        return r;
    }

    private static BigInteger SexagesimalValue(string s)
    {
        bool negative = s.StartsWith('-');
        var parts = s.TrimStart('-', '+').Replace("_", "").Split(':');
        BigInteger r = 0;
        foreach (var p in parts) r = r * 60 + BigInteger.Parse(p, CultureInfo.InvariantCulture);
        return negative ? -r : r;
    }

    private static double SexagesimalFloatValue(string s)
    {
        bool negative = s.StartsWith('-');
        var parts = s.TrimStart('-', '+').Replace("_", "").Split(':');
        double r = 0;
        foreach (var p in parts) r = r * 60 + double.Parse(p.Length == 0 || p.EndsWith('.') ? p + "0" : p, NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -r : r;
    }

    /// <summary>
    /// Psych's string test <c>^[^\d.:-]?[[:alpha:]_\s!@#$%^&amp;*(){}&lt;&gt;|/\\~;=]+</c> on a single line (a text with
    /// a line break is a string anyway): an optional first character that does not start a number, then one
    /// of the class. By hand, not a regex: it decides most plain scalars of config.yaml, and building the
    /// first regex of a run costs more than a short command's own work.
    /// </summary>
    internal static bool StartsStringLike(string s)
    {
        if (InStringClass(s[0])) return true;
        return s.Length > 1 && !char.IsAsciiDigit(s[0]) && s[0] is not ('.' or ':' or '-') && InStringClass(s[1]);
    }

    // both date patterns start with four digits and a dash (a time may have a sign): most texts are decided here
    private static bool StartsWithYear(string s)
    {
        int at = s.StartsWith('-') ? 1 : 0;
        if (s.Length < at + 8 || s[at + 4] != '-') return false;
        for (int i = at; i < at + 4; i++) if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    // [[:alpha:]] is letters and marks (\p{L}\p{M}); \s is char.IsWhiteSpace's set
    private static bool InStringClass(char c)
        => char.IsLetter(c) || char.IsWhiteSpace(c) || "_!@#$%^&*(){}<>|/\\~;=".Contains(c)
           || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
               or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    // Ruby's ^ and $ are line anchors: Multiline mirrors them.
    [GeneratedRegex(@"^[^ytonf~]", RegexOptions.IgnoreCase)]
    private static partial Regex StartsNullOrBool();
    [GeneratedRegex(@"^null$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex NullWord();
    [GeneratedRegex(@"^(yes|true|on)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TrueWord();
    [GeneratedRegex(@"^(no|false|off)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex FalseWord();
    [GeneratedRegex(@"^-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|\s+)[0-9]{1,2}:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:\s*(?:Z|[-+][0-9]{1,2}:?(?:[0-9][0-9])?))?$", RegexOptions.Multiline)]
    private static partial Regex Time();
    [GeneratedRegex(@"^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$", RegexOptions.Multiline)]
    private static partial Regex Date();
    [GeneratedRegex(@"^\+?\.inf$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PositiveInfinity();
    [GeneratedRegex(@"^-\.inf$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex NegativeInfinity();
    [GeneratedRegex(@"^\.nan$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex NotANumber();
    [GeneratedRegex(@"^:.", RegexOptions.Multiline)]
    private static partial Regex Symbol();
    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$", RegexOptions.Multiline)]
    private static partial Regex Sexagesimal();
    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$", RegexOptions.Multiline)]
    private static partial Regex SexagesimalFloat();
    [GeneratedRegex(@"^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?)$", RegexOptions.Multiline)]
    private static partial Regex Float();
    [GeneratedRegex(@"\A[-+]?\.\z")]
    private static partial Regex LoneDot();
    [GeneratedRegex(@"\.([Ee]|$)")]
    private static partial Regex DotBeforeExponent();
    [GeneratedRegex(@"^(?:[-+]?0b[_,]*[0-1][0-1_,]*|[-+]?0[_,]*[0-7][0-7_,]*|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[_,]*[0-9a-fA-F][0-9a-fA-F_,]*)$", RegexOptions.Multiline)]
    private static partial Regex Integer();
}
