namespace AsperaNative.Pac.Js;

/// <summary>The binary operators, on already evaluated operands.</summary>
internal static class JsOperators
{
    public static object? Binary(Interpreter interpreter, string op, object? a, object? b) => op switch
    {
        "+" => Add(a, b),
        "-" => JsConvert.ToNumber(a) - JsConvert.ToNumber(b),
        "*" => JsConvert.ToNumber(a) * JsConvert.ToNumber(b),
        "/" => JsConvert.ToNumber(a) / JsConvert.ToNumber(b),
        "%" => JsConvert.ToNumber(a) % JsConvert.ToNumber(b), // C#'s % on doubles is JavaScript's (sign of the dividend)
        "**" => Math.Pow(JsConvert.ToNumber(a), JsConvert.ToNumber(b)),
        "==" => JsConvert.LooseEquals(a, b),
        "!=" => !JsConvert.LooseEquals(a, b),
        "===" => JsConvert.StrictEquals(a, b),
        "!==" => !JsConvert.StrictEquals(a, b),
        "<" => Compare(a, b) is int c && c < 0,
        ">" => Compare(a, b) is int c && c > 0,
        "<=" => Compare(a, b) is int c && c <= 0,
        ">=" => Compare(a, b) is int c && c >= 0,
        "&" => (double)(JsConvert.ToInt32(a) & JsConvert.ToInt32(b)),
        "|" => (double)(JsConvert.ToInt32(a) | JsConvert.ToInt32(b)),
        "^" => (double)(JsConvert.ToInt32(a) ^ JsConvert.ToInt32(b)),
        "<<" => (double)(JsConvert.ToInt32(a) << (int)(JsConvert.ToUint32(b) & 31)),
        ">>" => (double)(JsConvert.ToInt32(a) >> (int)(JsConvert.ToUint32(b) & 31)),
        ">>>" => (double)(JsConvert.ToUint32(a) >> (int)(JsConvert.ToUint32(b) & 31)),
        "in" => b is JsObject o
            ? o.Has(JsConvert.ToPropertyKey(a))
            : throw interpreter.TypeError($"Cannot use 'in' operator to search for '{JsConvert.ToString(a)}' in {JsConvert.ToString(b)}"),
        "instanceof" => b is JsFunction f ? f.HasInstance(a) : throw interpreter.TypeError("Right-hand side of 'instanceof' is not callable"),
        _ => throw interpreter.Error("SyntaxError", $"Unknown operator {op}"),
    };

    /// <summary><c>+</c>: string concatenation as soon as one side is (or converts to) a string, else a sum.</summary>
    public static object Add(object? a, object? b)
    {
        if (a is double x && b is double y) return x + y;
        var pa = JsConvert.ToPrimitive(a);
        var pb = JsConvert.ToPrimitive(b);
        if (pa is not string && pb is not string) return JsConvert.ToNumber(pa) + JsConvert.ToNumber(pb);
        string left = JsConvert.ToString(pa), right = JsConvert.ToString(pb);
        if ((long)left.Length + right.Length > JsConvert.MaxStringLength) throw new JsLimitException("RangeError: Invalid string length");
        return string.Concat(left, right);
    }

    /// <summary>Both strings: code-unit order; else numeric order; null when a NaN makes every comparison false.</summary>
    private static int? Compare(object? a, object? b)
    {
        var pa = JsConvert.ToPrimitive(a);
        var pb = JsConvert.ToPrimitive(b);
        if (pa is string s && pb is string t) return string.CompareOrdinal(s, t);
        double x = JsConvert.ToNumber(pa), y = JsConvert.ToNumber(pb);
        return double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);
    }
}
