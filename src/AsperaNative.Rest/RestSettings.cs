using AsperaNative.Core.Logging;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;

namespace AsperaNative.Rest;

/// <summary>
/// Everything the HTTP stack needs from the global options, read once when the stack is first
/// built (never at start-up). Plain data: no HTTP type appears here.
/// </summary>
public sealed record RestSettings
{
    public HttpOptions Http { get; init; } = HttpOptions.Default;
    /// <summary><c>--insecure</c>: no certificate is verified.</summary>
    public bool Insecure { get; init; }
    /// <summary><c>--ignore-certificate</c>: endpoints (host, port) whose certificate is not verified.</summary>
    public IReadOnlyList<(string Host, int Port)> IgnoreCertificate { get; init; } = [];
    /// <summary><c>--silent-insecure</c> (yes by default): warn once per endpoint whose certificate is ignored.</summary>
    public bool WarnInsecure { get; init; } = true;
    /// <summary><c>--cert-stores</c>: files and folders of trusted certificates, <c>DEF</c> for the system's; null for the system's only.</summary>
    public IReadOnlyList<string>? CertStores { get; init; }
    /// <summary><c>--http-proxy</c>, else the <c>http_proxy</c> environment variable (lower case, as Ruby).</summary>
    public string? HttpProxy { get; init; }
    /// <summary><c>--fpac</c>: a proxy auto-config script (JavaScript).</summary>
    public string? ProxyAutoConfig { get; init; }
    /// <summary><c>--proxy-credentials</c>: user and password for proxies chosen by the PAC script.</summary>
    public (string User, string Password)? ProxyCredentials { get; init; }
    /// <summary>The process log (<c>--log-level</c>, <c>--logger</c>); when null, the stack logs at <see cref="LogLevel"/> on <see cref="Diagnostics"/>.</summary>
    public AppLog? Log { get; init; }
    public string LogLevel { get; init; } = "warn";
    public bool LogSecrets { get; init; }
    /// <summary>Where warnings (ignored certificates) and logs go: ascli's stderr.</summary>
    public TextWriter Diagnostics { get; init; } = TextWriter.Null;

    /// <summary>Reads the global options (each read evaluates its extended value, hence lazily).</summary>
    public static RestSettings From(OptionStore options, TextWriter diagnostics, Func<string, string?>? environment = null)
        => From(new RestOptions(options), new GlobalOptions(options), diagnostics, null, environment);

    /// <summary>Reads the global options; the stack writes through <paramref name="log"/>, the process log.</summary>
    public static RestSettings From(RestOptions r, GlobalOptions g, TextWriter diagnostics, AppLog? log, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var settings = new RestSettings
        {
            Http = HttpOptions.From(r.HttpOptions, m => ErrorLine(log, g.LogLevel, diagnostics, m)),
            Insecure = r.Insecure == true,
            IgnoreCertificate = ParseIgnoreList(r.IgnoreCertificate?.Select(static i => i?.ToString() ?? "") ?? []),
            WarnInsecure = r.SilentInsecure != false,
            CertStores = ParseStores(r.CertStores),
            HttpProxy = r.HttpProxy ?? environment("http_proxy"),
            ProxyAutoConfig = r.Fpac,
            ProxyCredentials = ParseCredentials(r.ProxyCredentials),
            LogLevel = g.LogLevel ?? "warn",
            LogSecrets = g.LogSecrets == true,
            Diagnostics = diagnostics,
            Log = log,
        };
        return settings;
    }

    private static void ErrorLine(AppLog? log, string? level, TextWriter diagnostics, string message)
    {
        if (log is not null) { log.Error(message); return; }
        using var own = new AppLog(level ?? "warn", diagnostics);
        own.Error(message);
    }

    /// <summary>Only the address and port of each URL are matched (manual, "HTTP socket parameters").</summary>
    public static IReadOnlyList<(string, int)> ParseIgnoreList(IEnumerable<string> urls)
    {
        var list = new List<(string, int)>();
        foreach (var text in urls)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "https")
                throw CliException.Runtime($"Expecting https scheme: {text}");
            list.Add((uri.Host, uri.Port));
        }
        return list;
    }

    private static IReadOnlyList<string>? ParseStores(JsonNode? value) => value switch
    {
        null => null,
        JsonArray a => a.Select(static i => i?.ToString() ?? "").ToList(),
        _ => [value.ToString()],
    };

    private static (string, string)? ParseCredentials(JsonArray? value)
    {
        if (value is null) return null;
        if (value.Count != 2) throw CliException.BadArgument("proxy_credentials: expecting 2 values: user, password");
        return (value[0]?.ToString() ?? "", value[1]?.ToString() ?? "");
    }
}
