using System.Globalization;
using System.Text.RegularExpressions;

namespace AsperaNative.Pac.Js;

/// <summary>parseInt and friends, Math, the URI coders, and the browsers' <c>alert</c>.</summary>
internal static partial class GlobalFunctions
{
    public static void Install(Interpreter interpreter)
    {
        var global = interpreter.Global;
        foreach (var (name, function) in Builtins.Table(
            ("parseInt", static (_, _, a) => ParseInt(JsConvert.ToString(a.At(0)), a.At(1))),
            ("parseFloat", static (_, _, a) => ParseFloat(JsConvert.ToString(a.At(0)))),
            ("isNaN", static (_, _, a) => double.IsNaN(JsConvert.ToNumber(a.At(0)))),
            ("isFinite", static (_, _, a) => double.IsFinite(JsConvert.ToNumber(a.At(0)))),
            ("encodeURIComponent", static (_, _, a) => Uri.EscapeDataString(JsConvert.ToString(a.At(0)))),
            ("decodeURIComponent", static (_, _, a) => Uri.UnescapeDataString(JsConvert.ToString(a.At(0)))),
            // PAC engines route alert() to a debug log; answers are what matters here
            ("alert", static (_, _, _) => Undefined.Value)))
        {
            global.Declare(name, function);
        }

        global.Declare("Math", Builtins.Namespace(Builtins.Table(
            ("abs", static (_, _, a) => Math.Abs(JsConvert.ToNumber(a.At(0)))),
            ("floor", static (_, _, a) => Math.Floor(JsConvert.ToNumber(a.At(0)))),
            ("ceil", static (_, _, a) => Math.Ceiling(JsConvert.ToNumber(a.At(0)))),
            ("round", static (_, _, a) => Round(JsConvert.ToNumber(a.At(0)))),
            ("trunc", static (_, _, a) => Math.Truncate(JsConvert.ToNumber(a.At(0)))),
            ("sign", static (_, _, a) => JsConvert.ToNumber(a.At(0)) is var d && double.IsNaN(d) ? d : Math.Sign(d)),
            ("sqrt", static (_, _, a) => Math.Sqrt(JsConvert.ToNumber(a.At(0)))),
            ("pow", static (_, _, a) => Math.Pow(JsConvert.ToNumber(a.At(0)), JsConvert.ToNumber(a.At(1)))),
            ("log", static (_, _, a) => Math.Log(JsConvert.ToNumber(a.At(0)))),
            ("exp", static (_, _, a) => Math.Exp(JsConvert.ToNumber(a.At(0)))),
            ("random", static (_, _, _) => Random.Shared.NextDouble()),
            ("min", static (_, _, a) => a.Length == 0 ? double.PositiveInfinity : a.Select(JsConvert.ToNumber).Aggregate(static (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Min(x, y))),
            ("max", static (_, _, a) => a.Length == 0 ? double.NegativeInfinity : a.Select(JsConvert.ToNumber).Aggregate(static (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y)))),
            ("PI", Math.PI), ("E", Math.E), ("LN2", Math.Log(2)), ("LN10", Math.Log(10))));
    }

    /// <summary>JavaScript rounds halves up (toward +∞): -2.5 gives -2.</summary>
    private static double Round(double d) => double.IsNaN(d) || double.IsInfinity(d) || d == Math.Floor(d) ? d : Math.Floor(d + 0.5);

    /// <summary>Leading digits in the radix (10, or 16 after 0x, when none is given); NaN if there are none.</summary>
    public static double ParseInt(string text, object? radixValue)
    {
        var s = text.AsSpan().TrimStart();
        double sign = 1;
        if (!s.IsEmpty && s[0] is '+' or '-') { sign = s[0] == '-' ? -1 : 1; s = s[1..]; }
        int radix = JsConvert.ToInt32(radixValue);
        bool hexPrefix = s.Length >= 2 && s[0] == '0' && s[1] is 'x' or 'X';
        if (radix == 0) radix = hexPrefix ? 16 : 10;
        else if (radix is < 2 or > 36) return double.NaN;
        if (radix == 16 && hexPrefix) s = s[2..];
        double value = 0;
        int digits = 0;
        foreach (char c in s)
        {
            int digit = Lexer.DigitValue(c);
            if (digit >= radix) break;
            value = value * radix + digit;
            digits++;
        }
        return digits == 0 ? double.NaN : sign * value;
    }

    private static double ParseFloat(string text)
    {
        var match = FloatPrefix().Match(text.TrimStart());
        if (!match.Success) return double.NaN;
        return match.Value.TrimStart('+', '-') == "Infinity"
            ? (match.Value[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity)
            : double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")]
    private static partial Regex FloatPrefix();
}
