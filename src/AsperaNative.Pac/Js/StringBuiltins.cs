namespace AsperaNative.Pac.Js;

/// <summary>String.prototype: the methods PAC scripts use on URLs and host names.</summary>
internal static class StringBuiltins
{
    public static readonly Dictionary<string, JsNative> Methods = Builtins.Table(
        ("charAt", static (_, self, a) => Position(This(self), a.At(0)) is int i and >= 0 && i < This(self).Length ? This(self)[i].ToString() : ""),
        ("charCodeAt", static (_, self, a) => Position(This(self), a.At(0)) is int i and >= 0 && i < This(self).Length ? (double)This(self)[i] : double.NaN),
        ("indexOf", static (_, self, a) => (double)IndexOf(This(self), JsConvert.ToString(a.At(0)), a.At(1))),
        ("lastIndexOf", static (_, self, a) => (double)LastIndexOf(This(self), JsConvert.ToString(a.At(0)), a.At(1))),
        ("includes", static (_, self, a) => IndexOf(This(self), NotRegex(a.At(0), "includes"), a.At(1)) >= 0),
        ("startsWith", static (_, self, a) => This(self) is var s && Clamp(a.At(1), s.Length, 0) is var p
            && s.AsSpan(p).StartsWith(NotRegex(a.At(0), "startsWith"), StringComparison.Ordinal)),
        ("endsWith", static (_, self, a) => This(self) is var s && Clamp(a.At(1), s.Length, s.Length) is var end
            && s.AsSpan(0, end).EndsWith(NotRegex(a.At(0), "endsWith"), StringComparison.Ordinal)),
        ("substring", static (_, self, a) => Substring(This(self), a)),
        ("substr", static (_, self, a) => Substr(This(self), a)),
        ("slice", static (_, self, a) => This(self) is var s && Relative(a.At(0), s.Length, 0) is var start && Relative(a.At(1), s.Length, s.Length) is var end
            ? (start < end ? s[start..end] : "") : ""),
        ("toLowerCase", static (_, self, _) => This(self).ToLowerInvariant()),
        ("toUpperCase", static (_, self, _) => This(self).ToUpperInvariant()),
        ("toLocaleLowerCase", static (_, self, _) => This(self).ToLowerInvariant()),
        ("toLocaleUpperCase", static (_, self, _) => This(self).ToUpperInvariant()),
        ("trim", static (_, self, _) => This(self).Trim()),
        ("trimStart", static (_, self, _) => This(self).TrimStart()),
        ("trimEnd", static (_, self, _) => This(self).TrimEnd()),
        ("split", static (i, self, a) => Split(i, This(self), a.At(0), a.At(1))),
        ("concat", static (_, self, a) => a.Aggregate((object)This(self), static (s, x) => JsOperators.Add(s, JsConvert.ToString(x)))),
        ("repeat", static (_, self, a) => Repeat(This(self), JsConvert.ToInteger(a.At(0)))),
        ("padStart", static (_, self, a) => Pad(This(self), a, atStart: true)),
        ("padEnd", static (_, self, a) => Pad(This(self), a, atStart: false)),
        ("replace", static (i, self, a) => RegExpBuiltins.Replace(i, This(self), a.At(0), a.At(1), all: false)),
        ("replaceAll", static (i, self, a) => RegExpBuiltins.Replace(i, This(self), a.At(0), a.At(1), all: true)),
        ("match", static (i, self, a) => RegExpBuiltins.Match(i, This(self), a.At(0))),
        ("search", static (i, self, a) => RegExpBuiltins.Search(i, This(self), a.At(0))),
        ("localeCompare", static (_, self, a) => (double)Math.Sign(string.CompareOrdinal(This(self), JsConvert.ToString(a.At(0))))),
        ("toString", static (_, self, _) => This(self)),
        ("valueOf", static (_, self, _) => This(self)));

    private static string This(object? self) => self as string ?? JsConvert.ToString(self);

    private static string NotRegex(object? value, string method)
        => value is JsRegExp ? throw JsThrow.Create("TypeError", $"First argument to String.prototype.{method} must not be a regular expression") : JsConvert.ToString(value);

    private static int? Position(string s, object? value)
    {
        double d = JsConvert.ToInteger(value);
        return d < 0 || d >= s.Length ? null : (int)d;
    }

    /// <summary>An index argument held within 0..length; undefined gives <paramref name="fallback"/>.</summary>
    private static int Clamp(object? value, int length, int fallback)
        => value is Undefined ? fallback : (int)Math.Clamp(JsConvert.ToInteger(value), 0, length);

    /// <summary>slice's index: negative counts from the end.</summary>
    private static int Relative(object? value, int length, int fallback)
    {
        if (value is Undefined) return fallback;
        double d = JsConvert.ToInteger(value);
        return (int)(d < 0 ? Math.Max(length + d, 0) : Math.Min(d, length));
    }

    public static int IndexOf(string s, string search, object? from)
    {
        int start = Clamp(from, s.Length, 0);
        return s.IndexOf(search, start, StringComparison.Ordinal);
    }

    /// <summary>The last match starting at or before <paramref name="from"/> (NaN or absent: anywhere).</summary>
    private static int LastIndexOf(string s, string search, object? from)
    {
        double position = JsConvert.ToNumber(from);
        int start = double.IsNaN(position) ? s.Length : (int)Math.Clamp(Math.Truncate(position), 0, s.Length);
        for (int i = Math.Min(start, s.Length - search.Length); i >= 0; i--)
            if (string.CompareOrdinal(s, i, search, 0, search.Length) == 0) return i;
        return -1;
    }

    private static string Substring(string s, object?[] a)
    {
        int start = Clamp(a.At(0), s.Length, 0), end = Clamp(a.At(1), s.Length, s.Length);
        if (start > end) (start, end) = (end, start); // substring swaps, slice does not
        return s[start..end];
    }

    private static string Substr(string s, object?[] a)
    {
        int start = Relative(a.At(0), s.Length, 0);
        double length = a.At(1) is Undefined ? s.Length : JsConvert.ToInteger(a.At(1));
        int count = (int)Math.Clamp(length, 0, s.Length - start);
        return s.Substring(start, count);
    }

    private static JsArray Split(Interpreter interpreter, string s, object? separator, object? limitValue)
    {
        uint limit = limitValue is Undefined ? uint.MaxValue : JsConvert.ToUint32(limitValue);
        var parts = new List<object?>();
        if (limit == 0) return new JsArray(parts);
        if (separator is JsRegExp regex) return RegExpBuiltins.Split(interpreter, s, regex, limit);
        if (separator is Undefined) parts.Add(s);
        else if (JsConvert.ToString(separator) is { Length: 0 }) parts.AddRange(s.Select(static c => (object?)c.ToString()));
        else parts.AddRange(s.Split(JsConvert.ToString(separator)));
        if (parts.Count > limit) parts.RemoveRange((int)limit, parts.Count - (int)limit);
        return new JsArray(parts);
    }

    private static string Repeat(string s, double count)
    {
        if (count < 0 || double.IsInfinity(count)) throw JsThrow.Create("RangeError", "Invalid count value");
        if (s.Length * count > JsConvert.MaxStringLength) throw new JsLimitException("RangeError: Invalid string length");
        return string.Concat(Enumerable.Repeat(s, (int)count));
    }

    private static string Pad(string s, object?[] a, bool atStart)
    {
        double target = JsConvert.ToInteger(a.At(0));
        string filler = a.At(1) is Undefined ? " " : JsConvert.ToString(a.At(1));
        if (target <= s.Length || filler.Length == 0) return s;
        if (target > JsConvert.MaxStringLength) throw new JsLimitException("RangeError: Invalid string length");
        int missing = (int)target - s.Length;
        string fill = string.Concat(Enumerable.Repeat(filler, missing / filler.Length + 1))[..missing];
        return atStart ? fill + s : s + fill;
    }
}
