using System.Text;
using System.Text.RegularExpressions;

namespace AsperaNative.Pac.Js;

/// <summary>A regular expression object: the compiled .NET regex plus JavaScript's source, flags and <c>lastIndex</c>.</summary>
internal sealed class JsRegExp : JsObject
{
    public JsRegExp(Regex regex, string source, string flags)
    {
        Regex = regex;
        Source = source;
        Flags = flags;
        ClassName = "RegExp";
        Set("lastIndex", 0.0);
    }

    public Regex Regex { get; }

    public string Source { get; }

    public string Flags { get; }

    public bool Global => Flags.Contains('g');

    public bool Sticky => Flags.Contains('y');

    public override bool TryGetOwn(string key, out object? value)
    {
        value = key switch
        {
            "source" => Source,
            "flags" => Flags,
            "global" => Global,
            "ignoreCase" => Flags.Contains('i'),
            "multiline" => Flags.Contains('m'),
            "sticky" => Sticky,
            _ => null,
        };
        return value is not null || base.TryGetOwn(key, out value);
    }
}

/// <summary>
/// Maps a JavaScript pattern to a .NET <see cref="Regex"/>: RegexOptions.ECMAScript where .NET accepts
/// it (it gives JavaScript's \d \w \s and back-reference rules), plain .NET syntax otherwise, plus the
/// few constructs the two read differently. Only the interpreting engine is used: nothing is emitted.
/// </summary>
internal static class RegexTranslator
{
    /// <summary>A catastrophic backtracking must not hang the command line.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Compile(Interpreter interpreter, string pattern, string flags)
    {
        foreach (char flag in flags)
            if ("gimsuy".IndexOf(flag) < 0 || flags.IndexOf(flag) != flags.LastIndexOf(flag))
                throw interpreter.Error("SyntaxError", $"Invalid regular expression flags '{flags}'");
        bool multiline = flags.Contains('m');
        var options = RegexOptions.None;
        if (flags.Contains('i')) options |= RegexOptions.IgnoreCase;
        if (multiline) options |= RegexOptions.Multiline;
        string translated = Translate(pattern, multiline);
        if (!flags.Contains('s'))
        {
            // ECMAScript mode combines only with IgnoreCase and Multiline, and refuses some syntax: then plain .NET
            try { return new Regex(translated, options | RegexOptions.ECMAScript, MatchTimeout); }
            catch (ArgumentException) { }
        }
        else options |= RegexOptions.Singleline;
        try { return new Regex(translated, options | RegexOptions.CultureInvariant, MatchTimeout); }
        catch (ArgumentException e) { throw interpreter.Error("SyntaxError", $"Invalid regular expression: /{pattern}/: {e.Message}"); }
    }

    /// <summary>
    /// <c>[^]</c> (any character) and <c>[]</c> (nothing) have no .NET spelling; JavaScript's <c>$</c> without
    /// the m flag is the very end, where .NET's also matches before a final newline; <c>\/</c> is just a slash.
    /// </summary>
    private static string Translate(string pattern, bool multiline)
    {
        var result = new StringBuilder(pattern.Length + 8);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[++i];
                if (next == '/') result.Append('/');
                else result.Append(c).Append(next);
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                result.Append(c);
                continue;
            }
            switch (c)
            {
                case '[' when string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0: result.Append(@"[\s\S]"); i += 2; break;
                case '[' when string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0: result.Append("(?!)"); i += 1; break;
                case '[':
                    inClass = true;
                    result.Append(c);
                    // a leading ] (or ^]) is a literal in .NET, the end of an empty class in JavaScript: rare enough to keep
                    break;
                case '$' when !multiline: result.Append(@"(?!\n)$"); break; // $ alone would match before a final \n too
                default: result.Append(c); break;
            }
        }
        return result.ToString();
    }
}
