using System.Globalization;

namespace AsperaNative.Pac.Js;

/// <summary><c>Date</c>: the clock and calendar getters that time-dependent PAC scripts read.</summary>
internal static class DateBuiltins
{
    public static readonly Dictionary<string, JsNative> Methods = Builtins.Table(
        ("getTime", static (_, self, _) => (double)AsDate(self).Utc.ToUnixTimeMilliseconds()),
        ("valueOf", static (_, self, _) => (double)AsDate(self).Utc.ToUnixTimeMilliseconds()),
        ("getTimezoneOffset", static (_, self, _) => -AsDate(self).Local.Offset.TotalMinutes),
        ("getDay", static (_, self, _) => (double)(int)AsDate(self).Local.DayOfWeek),
        ("getDate", static (_, self, _) => (double)AsDate(self).Local.Day),
        ("getMonth", static (_, self, _) => (double)(AsDate(self).Local.Month - 1)),
        ("getFullYear", static (_, self, _) => (double)AsDate(self).Local.Year),
        ("getHours", static (_, self, _) => (double)AsDate(self).Local.Hour),
        ("getMinutes", static (_, self, _) => (double)AsDate(self).Local.Minute),
        ("getSeconds", static (_, self, _) => (double)AsDate(self).Local.Second),
        ("getMilliseconds", static (_, self, _) => (double)AsDate(self).Local.Millisecond),
        ("getUTCDay", static (_, self, _) => (double)(int)AsDate(self).Utc.DayOfWeek),
        ("getUTCDate", static (_, self, _) => (double)AsDate(self).Utc.Day),
        ("getUTCMonth", static (_, self, _) => (double)(AsDate(self).Utc.Month - 1)),
        ("getUTCFullYear", static (_, self, _) => (double)AsDate(self).Utc.Year),
        ("getUTCHours", static (_, self, _) => (double)AsDate(self).Utc.Hour),
        ("getUTCMinutes", static (_, self, _) => (double)AsDate(self).Utc.Minute),
        ("getUTCSeconds", static (_, self, _) => (double)AsDate(self).Utc.Second),
        ("getUTCMilliseconds", static (_, self, _) => (double)AsDate(self).Utc.Millisecond),
        ("toISOString", static (_, self, _) => AsDate(self).Utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        ("toUTCString", static (_, self, _) => AsDate(self).Utc.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture)),
        ("toString", static (_, self, _) => JsConvert.ToString(AsDate(self))));

    public static void Install(Interpreter interpreter)
    {
        var date = new JsNative("Date",
            static (i, _, _) => JsConvert.ToString(Now(i)),
            static (i, _, a) => Construct(i, a),
            static v => v is JsDate);
        date.Set("now", new JsNative("now", static (i, _, _) => (double)i.Time.GetUtcNow().ToUnixTimeMilliseconds()));
        interpreter.Global.Declare("Date", date);
    }

    private static JsDate Now(Interpreter interpreter) => new(interpreter.Time.GetUtcNow(), interpreter.Time.LocalTimeZone);

    /// <summary><c>new Date()</c>, <c>new Date(milliseconds)</c> or <c>new Date(year, month[, day, h, m, s])</c> in local time.</summary>
    private static JsDate Construct(Interpreter interpreter, object?[] a)
    {
        var zone = interpreter.Time.LocalTimeZone;
        switch (a.Length)
        {
            case 0: return Now(interpreter);
            case 1:
                double ms = a[0] is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed.ToUnixTimeMilliseconds() : JsConvert.ToNumber(a[0]);
                if (double.IsNaN(ms) || Math.Abs(ms) > 8.64e15) throw interpreter.Error("RangeError", "Invalid time value");
                return new JsDate(DateTimeOffset.FromUnixTimeMilliseconds((long)ms), zone);
            default:
                double[] f = [.. Enumerable.Range(0, 6).Select(i => i < a.Length ? JsConvert.ToNumber(a[i]) : i == 2 ? 1 : 0)];
                if (f.Any(double.IsNaN)) throw interpreter.Error("RangeError", "Invalid time value");
                var local = new DateTime((int)f[0], 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
                    .AddMonths((int)f[1]).AddDays(f[2] - 1).AddHours(f[3]).AddMinutes(f[4]).AddSeconds(f[5]);
                return new JsDate(new DateTimeOffset(local, zone.GetUtcOffset(local)), zone);
        }
    }

    private static JsDate AsDate(object? self) => self as JsDate ?? throw JsThrow.Create("TypeError", "this is not a Date object.");
}
