using AsperaNative.Pac;
using AsperaNative.Pac.Js;

namespace AsperaNative.Pac.Tests;

/// <summary>Runs script snippets in a fresh interpreter and shows results as JavaScript's String() would.</summary>
internal static class JsTestHost
{
    /// <summary>Wednesday 6 March 2024, 14:30:00 UTC.</summary>
    public static readonly DateTimeOffset Wednesday = new(2024, 3, 6, 14, 30, 0, TimeSpan.Zero);

    public static readonly Dictionary<string, string> Dns = new(StringComparer.Ordinal)
    {
        ["intranet"] = "10.1.2.3",
        ["wiki.corp"] = "10.2.3.4",
        ["www.google.com"] = "142.250.1.1",
        ["www.ibm.com"] = "104.1.2.3",
    };

    public static string? Resolve(string host) => System.Net.IPAddress.TryParse(host, out var ip) ? ip.ToString() : Dns.GetValueOrDefault(host);

    public static Interpreter Create(TimeProvider? time = null, long stepLimit = Interpreter.DefaultStepLimit)
    {
        var js = new Interpreter(time ?? new FixedTime(Wednesday)) { StepLimit = stepLimit };
        PacFunctions.Install(js, Resolve);
        return js;
    }

    /// <summary>The value of an expression.</summary>
    public static string Eval(string expression, TimeProvider? time = null) => Body($"return ({expression}\n);", time);

    /// <summary>What a function body returns.</summary>
    public static string Body(string body, TimeProvider? time = null, long stepLimit = Interpreter.DefaultStepLimit)
    {
        var js = Create(time, stepLimit);
        js.Run($"function __test() {{\n{body}\n}}");
        return JsConvert.ToString(js.CallGlobal("__test"));
    }

    public static PacScript Pac(string script, TimeProvider? time = null) => new(script, time ?? new FixedTime(Wednesday), Resolve);
}

/// <summary>A clock stopped at one instant, in a chosen time zone.</summary>
internal sealed class FixedTime(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => zone ?? TimeZoneInfo.Utc;
}
