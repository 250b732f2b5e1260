using AsperaNative.Core.Logging;
using AsperaNative.Pac;
using System.Net;

namespace AsperaNative.Rest.Proxy;

/// <summary>
/// Chooses the proxy of each request as ascli does: the PAC script's first <c>PROXY</c> entry
/// when <c>--fpac</c> is set, else <c>--http-proxy</c> or the <c>http_proxy</c> variable for every
/// scheme (Net::HTTP looks up the proxy of an http URL even for https), minus <c>no_proxy</c> hosts.
/// Credentials come from the proxy URL or <c>--proxy-credentials</c>.
/// </summary>
public sealed class ProxySelector : IWebProxy, ICredentials
{
    private readonly Uri? _fixed;
    private readonly NetworkCredential? _fixedCredential;
    private readonly PacScript? _pac;
    private readonly NetworkCredential? _pacCredential;
    private readonly string[] _noProxy;
    private readonly AppLog _log;

    public ProxySelector(RestSettings settings, AppLog log, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        _log = log;
        if (!string.IsNullOrEmpty(settings.HttpProxy))
        {
            if (!Uri.TryCreate(settings.HttpProxy, UriKind.Absolute, out var proxy) || proxy.Scheme is not ("http" or "https"))
                throw Core.Errors.CliException.Other("URI::InvalidURIError", $"bad URI (is not URI?): {settings.HttpProxy}");
            _fixed = new UriBuilder(proxy) { UserName = "", Password = "" }.Uri;
            if (proxy.UserInfo.Length > 0)
            {
                var parts = proxy.UserInfo.Split(':', 2);
                _fixedCredential = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
            }
        }
        if (!string.IsNullOrEmpty(settings.ProxyAutoConfig)) _pac = new PacScript(settings.ProxyAutoConfig);
        if (settings.ProxyCredentials is { } c) _pacCredential = new NetworkCredential(c.User, c.Password);
        _noProxy = (environment("no_proxy") ?? environment("NO_PROXY") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>True when some proxy may be used (else the transport skips proxy handling).</summary>
    public bool Active => _fixed is not null || _pac is not null;

    public ICredentials? Credentials { get => this; set { } }

    public Uri? GetProxy(Uri destination)
    {
        if (_pac is not null && _pac.Proxies(destination, _log) is [var first, ..]) return first;
        if (_fixed is null || IsBypassed(destination)) return null;
        return _fixed;
    }

    public bool IsBypassed(Uri host)
        => _noProxy.Any(n => n == "*" || host.Host.Equals(n.TrimStart('.'), StringComparison.OrdinalIgnoreCase) || host.Host.EndsWith("." + n.TrimStart('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Credentials for a proxy: those of the fixed proxy's URL, else <c>--proxy-credentials</c>.</summary>
    public NetworkCredential? GetCredential(Uri uri, string authType)
        => _fixed is not null && uri.Host == _fixed.Host && uri.Port == _fixed.Port ? _fixedCredential : _pacCredential;
}
