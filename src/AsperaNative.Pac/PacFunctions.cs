using System.Net;
using System.Net.Sockets;
using AsperaNative.Pac.Js;

namespace AsperaNative.Pac;

/// <summary>
/// The standard helper functions a proxy auto-config script may call (Netscape's PAC
/// specification, plus Microsoft's common <c>…Ex</c> ones), as native functions of the interpreter.
/// </summary>
internal static class PacFunctions
{
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <param name="js">Where to define them.</param>
    /// <param name="resolve">Host name to IPv4 address, null when unknown (tests replace the DNS).</param>
    public static void Install(Interpreter js, Func<string, string?> resolve)
    {
        js.Define("isPlainHostName", static (_, _, a) => !Text(a, 0).Contains('.'));
        js.Define("dnsDomainIs", static (_, _, a) => Text(a, 0).EndsWith(Text(a, 1), StringComparison.Ordinal));
        js.Define("localHostOrDomainIs", static (_, _, a) => Text(a, 0) is var host && Text(a, 1) is var hostdom
            && (host == hostdom || hostdom.StartsWith(host + ".", StringComparison.Ordinal)));
        js.Define("isResolvable", (_, _, a) => resolve(Text(a, 0)) is not null);
        js.Define("dnsResolve", (_, _, a) => resolve(Text(a, 0)));
        js.Define("myIpAddress", static (_, _, _) => "127.0.0.1");
        // isInNet(dnsResolve(host), …) passes null for an unknown host: that is no address, not the name "null"
        js.Define("isInNet", (_, _, a) => a.At(0) is not (null or Undefined) && IsInNet(Text(a, 0), Text(a, 1), Text(a, 2), resolve));
        js.Define("dnsDomainLevels", static (_, _, a) => (double)Text(a, 0).Count(static c => c == '.'));
        js.Define("convert_addr", static (_, _, a) => AddressToNumber(Text(a, 0)) is { } n ? (double)n : null);
        js.Define("shExpMatch", static (_, _, a) => ShellExpressionMatches(Text(a, 0), Text(a, 1)));
        js.Define("weekdayRange", static (js, _, a) => WeekdayRange(js.Time, [.. a]));
        js.Define("dateRange", static (js, _, a) => DateRange(js.Time, [.. a]));
        js.Define("timeRange", static (js, _, a) => TimeRange(js.Time, [.. a]));
        // Microsoft's IPv6-aware variants, found in corporate PAC files
        js.Define("dnsResolveEx", (_, _, a) => resolve(Text(a, 0)) ?? "");
        js.Define("myIpAddressEx", static (_, _, _) => "127.0.0.1");
        js.Define("isResolvableEx", (_, _, a) => resolve(Text(a, 0)) is not null);
        js.Define("isInNetEx", (_, _, a) => IsInNetEx(Text(a, 0), Text(a, 1), resolve));
    }

    /// <summary>The first IPv4 address of a host (or the host itself when it is an address).</summary>
    public static string? Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var ip)) return ip.ToString();
        try { return Dns.GetHostAddresses(host).FirstOrDefault(static a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString(); }
        catch (SocketException) { return null; }
        catch (ArgumentException) { return null; }
    }

    private static string Text(object?[] arguments, int index) => JsConvert.ToString(arguments.At(index));

    private static bool IsInNet(string host, string pattern, string mask, Func<string, string?> resolve)
    {
        string? ip = AddressToNumber(host) is not null ? host : resolve(host);
        if (ip is null || AddressToNumber(ip) is not { } a || AddressToNumber(pattern) is not { } p || AddressToNumber(mask) is not { } m) return false;
        return (a & m) == (p & m);
    }

    private static bool IsInNetEx(string host, string prefix, Func<string, string?> resolve)
    {
        string? ip = IPAddress.TryParse(host, out _) ? host : resolve(host);
        return ip is not null && IPNetwork.TryParse(prefix, out var network) && IPAddress.TryParse(ip, out var address) && network.Contains(address);
    }

    /// <summary>A dotted quad as a 32-bit number; each part read as parseInt does; null if not four parts of 0–255.</summary>
    private static uint? AddressToNumber(string ip)
    {
        var parts = ip.Split('.');
        if (parts.Length != 4) return null;
        uint n = 0;
        foreach (var part in parts)
        {
            double v = GlobalFunctions.ParseInt(part, 10.0);
            if (double.IsNaN(v) || v < 0 || v > 255) return null;
            n = n * 256 + (uint)v;
        }
        return n;
    }

    /// <summary>Shell glob: <c>*</c> any run, <c>?</c> one character, everything else literal; whole string, case-sensitive.</summary>
    private static bool ShellExpressionMatches(string text, string pattern)
    {
        var regex = "^" + string.Concat(pattern.Select(static c => c switch { '*' => ".*", '?' => ".", _ => System.Text.RegularExpressions.Regex.Escape(c.ToString()) })) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(text, regex, System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    /// <summary>A trailing "GMT" argument asks for UTC instead of local time; it is removed from the list.</summary>
    private static DateTimeOffset Now(TimeProvider time, List<object?> arguments)
    {
        bool utc = arguments.Count > 0 && arguments[^1] is "GMT";
        if (utc) arguments.RemoveAt(arguments.Count - 1);
        var now = time.GetUtcNow();
        return utc ? now : TimeZoneInfo.ConvertTime(now, time.LocalTimeZone);
    }

    private static bool WeekdayRange(TimeProvider time, List<object?> arguments)
    {
        int today = (int)Now(time, arguments).DayOfWeek;
        if (arguments.Count == 0) return false;
        int a = Array.IndexOf(Days, JsConvert.ToString(arguments[0]));
        int b = arguments.Count > 1 && arguments[1] is not (null or Undefined) ? Array.IndexOf(Days, JsConvert.ToString(arguments[1])) : a;
        if (a < 0 || b < 0) return false;
        return a <= b ? today >= a && today <= b : today >= a || today <= b;
    }

    private record struct DatePart(int? Day, int? Month, int? Year)
    {
        public readonly DatePart Over(DatePart other) => new(other.Day ?? Day, other.Month ?? Month, other.Year ?? Year);

        public readonly int Value(DatePart reference) => (Year ?? reference.Year!.Value) * 10000 + (Month ?? reference.Month!.Value) * 100 + (Day ?? reference.Day!.Value);
    }

    /// <summary><c>dateRange(day | month | year, …)</c>: one value to match, or from-values then to-values (wrapping over a year end).</summary>
    private static bool DateRange(TimeProvider time, List<object?> arguments)
    {
        var d = Now(time, arguments);
        var now = new DatePart(d.Day, d.Month - 1, d.Year);
        var parts = arguments.Select(static v => v switch
        {
            double n => n > 31 ? new DatePart(null, null, (int)n) : new DatePart((int)n, null, null),
            _ => Array.IndexOf(Months, JsConvert.ToString(v)) is int m and >= 0 ? new DatePart(null, m, null) : default,
        }).ToList();
        if (parts.Count == 1)
        {
            var p = parts[0];
            return (p.Day is null || p.Day == now.Day) && (p.Month is null || p.Month == now.Month) && (p.Year is null || p.Year == now.Year);
        }
        int half = parts.Count / 2;
        DatePart from = default, to = default;
        for (int i = 0; i < half; i++) { from = from.Over(parts[i]); to = to.Over(parts[half + i]); }
        int v = now.Value(now), lo = from.Value(now), hi = to.Value(now);
        return lo <= hi ? v >= lo && v <= hi : v >= lo || v <= hi;
    }

    /// <summary><c>timeRange(hour)</c>, <c>(h1, h2)</c>, <c>(h1, m1, h2, m2)</c> or <c>(h1, m1, s1, h2, m2, s2)</c>, wrapping over midnight.</summary>
    private static bool TimeRange(TimeProvider time, List<object?> arguments)
    {
        var d = Now(time, arguments);
        double[] t = [.. arguments.Select(JsConvert.ToNumber)];
        int now = d.Hour * 3600 + d.Minute * 60 + d.Second;
        double lo, hi;
        switch (t.Length)
        {
            case 1: return d.Hour == t[0];
            case 2: lo = t[0] * 3600; hi = t[1] * 3600 + 3599; break;
            case 4: lo = t[0] * 3600 + t[1] * 60; hi = t[2] * 3600 + t[3] * 60 + 59; break;
            case 6: lo = t[0] * 3600 + t[1] * 60 + t[2]; hi = t[3] * 3600 + t[4] * 60 + t[5]; break;
            default: return false;
        }
        return lo <= hi ? now >= lo && now <= hi : now >= lo || now <= hi;
    }
}
