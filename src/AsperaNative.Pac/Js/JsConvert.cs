using System.Globalization;
using System.Text;

namespace AsperaNative.Pac.Js;

/// <summary>The language's type conversions and equality, as ECMAScript defines them.</summary>
internal static class JsConvert
{
    /// <summary>Longer strings are a runaway script, not a proxy configuration.</summary>
    public const int MaxStringLength = 1 << 24;

    public static bool ToBoolean(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public static double ToNumber(object? value) => value switch
    {
        double d => d,
        null => 0,
        Undefined => double.NaN,
        bool b => b ? 1 : 0,
        string s => StringToNumber(s),
        JsDate date => date.Utc.ToUnixTimeMilliseconds(),
        JsObject o => StringToNumber(ToString(o)),
        _ => double.NaN,
    };

    public static string ToString(object? value) => value switch
    {
        string s => s,
        double d => NumberToString(d),
        null => "null",
        Undefined => "undefined",
        bool b => b ? "true" : "false",
        JsArray a => Join(a, ","),
        JsFunction f => $"function {f.Name}() {{ [native code] }}",
        JsRegExp r => $"/{r.Source}/{r.Flags}",
        JsDate date => date.Local.ToString("ddd MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture)
            + " GMT" + date.Local.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal),
        JsObject { ClassName: "Error" } e => ErrorText(e),
        JsObject => "[object Object]",
        _ => "",
    };

    private static string ErrorText(JsObject error)
    {
        string name = ToString(error.Get("name")), message = ToString(error.Get("message"));
        return message.Length == 0 ? name : name.Length == 0 ? message : $"{name}: {message}";
    }

    public static string Join(JsArray array, string separator)
    {
        var text = new StringBuilder();
        for (int i = 0; i < array.Items.Count; i++)
        {
            if (i > 0) text.Append(separator);
            if (array.Items[i] is not (null or Undefined)) text.Append(ToString(array.Items[i]));
            if (text.Length > MaxStringLength) throw new JsLimitException("RangeError: Invalid string length");
        }
        return text.ToString();
    }

    /// <summary>Objects become primitives for <c>+</c> and <c>==</c>: dates as numbers unless a string is wanted, the rest as strings.</summary>
    public static object? ToPrimitive(object? value, bool preferString = false) => value switch
    {
        JsDate date when !preferString => (double)date.Utc.ToUnixTimeMilliseconds(),
        JsObject o => ToString(o),
        _ => value,
    };

    public static string TypeOf(object? value) => value switch
    {
        Undefined => "undefined",
        null => "object",
        bool => "boolean",
        double => "number",
        string => "string",
        JsFunction => "function",
        _ => "object",
    };

    public static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        (null, null) or (Undefined, Undefined) => true,
        (JsObject x, JsObject y) => ReferenceEquals(x, y),
        _ => false,
    };

    /// <summary><c>==</c>: null equals undefined only, and mixed types meet as numbers (objects first as primitives).</summary>
    public static bool LooseEquals(object? a, object? b)
    {
        while (true)
        {
            switch (a, b)
            {
                case (null or Undefined, null or Undefined): return true;
                case (null or Undefined, _) or (_, null or Undefined): return false;
                case (double x, string y): return x == StringToNumber(y);
                case (string x, double y): return StringToNumber(x) == y;
                case (bool x, _): a = x ? 1.0 : 0.0; continue;
                case (_, bool y): b = y ? 1.0 : 0.0; continue;
                case (JsObject, double or string): a = ToPrimitive(a); continue;
                case (double or string, JsObject): b = ToPrimitive(b); continue;
                default: return StrictEquals(a, b);
            }
        }
    }

    public static double StringToNumber(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.IsEmpty) return 0;
        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            double value = 0;
            foreach (char c in s[2..])
            {
                int digit = Lexer.DigitValue(c);
                if (digit >= radix) return double.NaN;
                value = value * radix + digit;
            }
            return value;
        }
        var unsigned = s[0] is '+' or '-' ? s[1..] : s;
        if (unsigned.SequenceEqual("Infinity")) return s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        // .NET would also take "NaN", "∞" or thousands separators: only digits, dot, exponent and signs are JavaScript
        foreach (char c in unsigned)
            if (!char.IsAsciiDigit(c) && c is not ('.' or 'e' or 'E' or '+' or '-')) return double.NaN;
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double result)
            ? result : double.NaN;
    }

    /// <summary>Number to string as JavaScript prints it: shortest round-trip digits, exponent only below 1e-6 or from 1e21.</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (d == 0) return "0";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d < 0) return "-" + NumberToString(-d);
        if (d < 9007199254740992 && d == Math.Floor(d)) return ((long)d).ToString(CultureInfo.InvariantCulture);
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        string mantissa = e < 0 ? r : r[..e];
        int exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int integerDigits = dot < 0 ? mantissa.Length : dot;
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0') leadingZeros++;
        digits = digits[leadingZeros..].TrimEnd('0');
        int k = digits.Length, n = integerDigits - leadingZeros + exponent; // value = 0.digits × 10^n
        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;
        string exp = (n - 1 >= 0 ? "e+" : "e-") + Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? digits + exp : digits[0] + "." + digits[1..] + exp;
    }

    public static int ToInt32(object? value) => (int)ToUint32(value);

    public static uint ToUint32(object? value)
    {
        double d = ToNumber(value);
        if (double.IsNaN(d) || double.IsInfinity(d)) return 0;
        double m = Math.Truncate(d) % 4294967296.0;
        if (m < 0) m += 4294967296.0;
        return (uint)m;
    }

    /// <summary>An integer argument (position, count): NaN is 0, infinities saturate.</summary>
    public static double ToInteger(object? value)
    {
        double d = ToNumber(value);
        return double.IsNaN(d) ? 0 : Math.Truncate(d);
    }

    /// <summary>A property key: numbers print as JavaScript does, so <c>a[1]</c> and <c>a["1"]</c> meet.</summary>
    public static string ToPropertyKey(object? value) => value is string s ? s : ToString(value);
}
