using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AsperaNative.Core.Errors;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;

namespace AsperaNative.Rest.Proxy;

/// <summary>
/// A proxy auto-config script (<c>--fpac</c>) run by Jint, an interpreter: no code generation,
/// hence AOT-safe. <c>FindProxyForURL(url, host)</c> is called with <c>scheme://host</c> only (as
/// ascli does, so paths never leak to the script) and its answer is cached per such URL.
/// </summary>
public sealed class PacScript(string script)
{
    private const string MainFunction = "FindProxyForURL";
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Engine? _engine;

    /// <summary>The script's raw answer for this URL, e.g. <c>PROXY host:3128; DIRECT</c>; null if it returned no string.</summary>
    public string? FindProxyForUrl(Uri url)
    {
        string simple = $"{url.Scheme}://{url.Host}";
        return _cache.GetOrAdd(simple, _ => Run(simple, url.Host));
    }

    /// <summary>The <c>PROXY host:port</c> entries of the answer, in order, as <c>http://host:port</c>; DIRECT and other types are skipped.</summary>
    public IReadOnlyList<Uri> Proxies(Uri url, Log? log = null)
    {
        var result = new List<Uri>();
        string? answer = FindProxyForUrl(url);
        if (answer is null) { log?.Warn("PAC: did not return a String"); return result; }
        foreach (var item in answer.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0].ToUpperInvariant())
            {
                case "DIRECT": break;
                case "PROXY" when parts.Length == 2 && System.Text.RegularExpressions.Regex.IsMatch(parts[1], ":[0-9]+$") && Uri.TryCreate("http://" + parts[1], UriKind.Absolute, out var proxy):
                    result.Add(proxy);
                    break;
                case "PROXY": log?.Warn($"PAC: PROXY must be <address>:<port>, ignoring {item}"); break;
                default: log?.Warn($"PAC: ignoring proxy type {parts[0]}: not supported"); break;
            }
        }
        return result;
    }

    private string? Run(string url, string host)
    {
        lock (_lock)
        {
            var engine = _engine ??= CreateEngine();
            try
            {
                var result = engine.Invoke(MainFunction, url, host);
                return result.IsString() ? result.AsString() : null;
            }
            catch (Jint.Runtime.JavaScriptException e) { throw CliException.Runtime($"PAC: {e.Message}"); }
        }
    }

    private Engine CreateEngine()
    {
        // a runaway script must not hang the command line
        var engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromSeconds(10)).LimitRecursion(256));
        engine.SetValue("dnsResolve", new ClrFunction(engine, "dnsResolve", static (_, args) => Resolve(args.Length > 0 ? args[0].ToString() : "") is { } ip ? new JsString(ip) : JsValue.Null));
        engine.SetValue("myIpAddress", new ClrFunction(engine, "myIpAddress", static (_, _) => new JsString("127.0.0.1")));
        try
        {
            engine.Execute(PacFunctions.Script);
            engine.Execute(script);
        }
        catch (Exception e) when (e is Jint.Runtime.JavaScriptException or Acornima.SyntaxErrorException or Acornima.ParseErrorException)
        {
            throw CliException.Runtime($"PAC: {e.Message}");
        }
        return engine;
    }

    private static string? Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var ip)) return ip.ToString();
        try { return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString(); }
        catch (SocketException) { return null; }
    }
}
