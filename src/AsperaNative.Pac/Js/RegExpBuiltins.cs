using System.Text;
using System.Text.RegularExpressions;

namespace AsperaNative.Pac.Js;

/// <summary>RegExp's constructor and methods, and the regex side of String's replace, match, search and split.</summary>
internal static class RegExpBuiltins
{
    public static readonly Dictionary<string, JsNative> Methods = Builtins.Table(
        ("exec", static (_, self, a) => Exec(AsRegExp(self, "exec"), JsConvert.ToString(a.At(0)))),
        ("test", static (_, self, a) => Exec(AsRegExp(self, "test"), JsConvert.ToString(a.At(0))) is not null),
        ("toString", static (_, self, _) => JsConvert.ToString(AsRegExp(self, "toString"))));

    public static void Install(Interpreter interpreter)
    {
        NativeFunction create = static (i, _, a) => Create(i, a.At(0), a.At(1));
        interpreter.Global.Declare("RegExp", new JsNative("RegExp", create, create, static v => v is JsRegExp));
    }

    /// <summary><c>new RegExp(pattern, flags)</c>, pattern being a string or another regex.</summary>
    public static JsRegExp Create(Interpreter interpreter, object? pattern, object? flags)
    {
        string source = pattern switch { JsRegExp r => r.Source, Undefined => "(?:)", _ => JsConvert.ToString(pattern) };
        string flagText = flags is Undefined ? (pattern as JsRegExp)?.Flags ?? "" : JsConvert.ToString(flags);
        return new JsRegExp(interpreter.CompileRegex(source, flagText), source, flagText);
    }

    private static JsRegExp AsRegExp(object? self, string method)
        => self as JsRegExp ?? throw JsThrow.Create("TypeError", $"RegExp.prototype.{method} called on an incompatible receiver");

    /// <summary>
    /// One match from <c>lastIndex</c> (global or sticky) or from the start, as an array with
    /// <c>index</c> and <c>input</c>; null when none. Moves <c>lastIndex</c> as JavaScript does.
    /// </summary>
    public static JsArray? Exec(JsRegExp regex, string input)
    {
        bool advancing = regex.Global || regex.Sticky;
        double last = advancing ? JsConvert.ToInteger(regex.Get("lastIndex")) : 0;
        if (last > input.Length || last < 0)
        {
            regex.Set("lastIndex", 0.0);
            return null;
        }
        var match = regex.Regex.Match(input, (int)last);
        if (!match.Success || (regex.Sticky && match.Index != (int)last))
        {
            if (advancing) regex.Set("lastIndex", 0.0);
            return null;
        }
        if (advancing) regex.Set("lastIndex", (double)(match.Index + match.Length));
        return ToArray(match, input);
    }

    private static JsArray ToArray(Match match, string input)
    {
        var items = new List<object?>(match.Groups.Count);
        foreach (Group group in match.Groups) items.Add(group.Success ? group.Value : Undefined.Value);
        var result = new JsArray(items);
        result.Set("index", (double)match.Index);
        result.Set("input", input);
        return result;
    }

    /// <summary>Every match, or the first only: the regex's g flag decides, a string pattern matches once (<c>replaceAll</c>: always all).</summary>
    public static string Replace(Interpreter interpreter, string input, object? pattern, object? replacement, bool all)
    {
        var found = new List<(int Index, string Value, object?[] Groups)>();
        if (pattern is JsRegExp regex)
        {
            if (all && !regex.Global) throw interpreter.TypeError("replaceAll must be called with a global RegExp");
            var matches = regex.Global ? regex.Regex.Matches(input).Cast<Match>() : [regex.Regex.Match(input)];
            foreach (var m in matches.Where(static m => m.Success))
                found.Add((m.Index, m.Value, [.. m.Groups.Cast<Group>().Skip(1).Select(static g => g.Success ? g.Value : (object?)Undefined.Value)]));
            if (regex.Global) regex.Set("lastIndex", 0.0);
        }
        else
        {
            string search = JsConvert.ToString(pattern);
            for (int at = input.IndexOf(search, StringComparison.Ordinal); at >= 0; at = all ? NextIndex(input, search, at) : -1)
                found.Add((at, search, []));
        }
        if (found.Count == 0) return input;
        var text = new StringBuilder();
        int position = 0;
        foreach (var (index, value, groups) in found)
        {
            text.Append(input, position, index - position);
            if (replacement is JsFunction function)
                text.Append(JsConvert.ToString(interpreter.Call(function, Undefined.Value, [value, .. groups, (double)index, input])));
            else Expand(text, JsConvert.ToString(replacement), value, index, input, groups);
            position = index + value.Length;
            if (text.Length > JsConvert.MaxStringLength) throw new JsLimitException("RangeError: Invalid string length");
        }
        return text.Append(input, position, input.Length - position).ToString();
    }

    private static int NextIndex(string input, string search, int previous)
    {
        int from = previous + Math.Max(search.Length, 1);
        return from > input.Length ? -1 : input.IndexOf(search, from, StringComparison.Ordinal);
    }

    /// <summary>JavaScript's replacement patterns: <c>$$ $&amp; $` $' $1…$99</c>.</summary>
    private static void Expand(StringBuilder text, string replacement, string matched, int index, string input, object?[] groups)
    {
        for (int i = 0; i < replacement.Length; i++)
        {
            char c = replacement[i];
            if (c != '$' || i + 1 >= replacement.Length) { text.Append(c); continue; }
            char next = replacement[i + 1];
            switch (next)
            {
                case '$': text.Append('$'); i++; break;
                case '&': text.Append(matched); i++; break;
                case '`': text.Append(input, 0, index); i++; break;
                case '\'': text.Append(input, index + matched.Length, input.Length - index - matched.Length); i++; break;
                case >= '0' and <= '9':
                    int one = next - '0';
                    int two = i + 2 < replacement.Length && char.IsAsciiDigit(replacement[i + 2]) ? one * 10 + (replacement[i + 2] - '0') : -1;
                    if (two >= 1 && two <= groups.Length) { AppendGroup(text, groups[two - 1]); i += 2; }
                    else if (one >= 1 && one <= groups.Length) { AppendGroup(text, groups[one - 1]); i++; }
                    else text.Append(c);
                    break;
                default: text.Append(c); break;
            }
        }
    }

    private static void AppendGroup(StringBuilder text, object? group)
    {
        if (group is string s) text.Append(s);
    }

    /// <summary><c>str.match(re)</c>: like exec without g, every matched text with g; null when nothing matches.</summary>
    public static JsArray? Match(Interpreter interpreter, string input, object? pattern)
    {
        var regex = pattern as JsRegExp ?? Create(interpreter, pattern, Undefined.Value);
        if (!regex.Global) return Exec(regex, input);
        regex.Set("lastIndex", 0.0);
        var all = regex.Regex.Matches(input).Select(static m => (object?)m.Value).ToList();
        return all.Count == 0 ? null : new JsArray(all);
    }

    public static double Search(Interpreter interpreter, string input, object? pattern)
    {
        var regex = pattern as JsRegExp ?? Create(interpreter, pattern, Undefined.Value);
        var match = regex.Regex.Match(input);
        return match.Success ? match.Index : -1;
    }

    /// <summary>Split at each match; captured groups join the result, as in JavaScript.</summary>
    public static JsArray Split(Interpreter interpreter, string input, JsRegExp regex, uint limit)
    {
        var parts = new List<object?>();
        if (input.Length == 0)
        {
            if (!regex.Regex.IsMatch(input)) parts.Add(input);
            return new JsArray(parts);
        }
        int p = 0, q = 0;
        while (q < input.Length)
        {
            var m = regex.Regex.Match(input, q);
            if (!m.Success || m.Index >= input.Length) break;
            int end = m.Index + m.Length;
            if (end == p || (m.Length == 0 && m.Index == p)) { q = m.Index + 1; continue; } // no empty piece at a previous cut
            parts.Add(input[p..m.Index]);
            if (parts.Count >= limit) return new JsArray(parts);
            foreach (var group in m.Groups.Cast<Group>().Skip(1))
            {
                parts.Add(group.Success ? group.Value : Undefined.Value);
                if (parts.Count >= limit) return new JsArray(parts);
            }
            p = q = end;
        }
        parts.Add(input[p..]);
        return new JsArray(parts);
    }
}
