using AsperaNative.Core.Logging;
using System.Collections.Concurrent;
using AsperaNative.Core.Errors;
using AsperaNative.Pac.Js;

namespace AsperaNative.Pac;

/// <summary>
/// A proxy auto-config script (<c>--fpac</c>) run by our own interpreter of the JavaScript that PAC
/// files use (Js/): a tree walker, so no code generation and nothing for Native AOT to trim.
/// <c>FindProxyForURL(url, host)</c> is called with <c>scheme://host</c> only (as ascli does, so paths
/// never leak to the script) and its answer is cached per such URL.
/// </summary>
public sealed class PacScript
{
    private const string MainFunction = "FindProxyForURL";
    private readonly string _script;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _resolve;
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Interpreter? _engine;

    public PacScript(string script) : this(script, TimeProvider.System, PacFunctions.Resolve) { }

    /// <summary>With a given clock (time functions) and name resolution (<c>dnsResolve</c>, <c>isInNet</c>…).</summary>
    internal PacScript(string script, TimeProvider time, Func<string, string?> resolve)
    {
        _script = script;
        _time = time;
        _resolve = resolve;
    }

    /// <summary>The script's raw answer for this URL, e.g. <c>PROXY host:3128; DIRECT</c>; null if it returned no string.</summary>
    public string? FindProxyForUrl(Uri url)
    {
        string simple = $"{url.Scheme}://{url.Host}";
        return _cache.GetOrAdd(simple, _ => Run(simple, url.Host));
    }

    /// <summary>The <c>PROXY host:port</c> entries of the answer, in order, as <c>http://host:port</c>; DIRECT and other types are skipped.</summary>
    public IReadOnlyList<Uri> Proxies(Uri url, AppLog? log = null)
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
        // one interpreter, one run at a time: scripts may keep state in globals
        lock (_lock)
        {
            try
            {
                _engine ??= CreateEngine();
                return _engine.CallGlobal(MainFunction, url, host) as string;
            }
            catch (JsException e) { throw CliException.Runtime($"PAC: {e.Message}"); }
        }
    }

    private Interpreter CreateEngine()
    {
        var engine = new Interpreter(_time);
        PacFunctions.Install(engine, _resolve);
        engine.Run(_script);
        return engine;
    }
}
