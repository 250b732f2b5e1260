using AsperaNative.Core.Logging;
using AsperaNative.Rest.Proxy;
using AsperaNative.Rest.Tls;

namespace AsperaNative.Rest.Http;

/// <summary>
/// The HTTP pipeline, built once on first use: auth → retry → logging → transport (TLS policy and proxy
/// selection). One client for the whole invocation, which is short-lived and keeps its connections throughout:
/// no client factory (its dependency injection and options libraries cost executable size for nothing here).
/// </summary>
internal sealed class HttpStack : IDisposable
{
    private readonly AppLog? _ownedLog;

    public RestSettings Settings { get; }
    public TlsPolicy Tls { get; }
    public ProxySelector Proxy { get; }
    public AppLog Log { get; }
    public HttpClient Client { get; }

    private HttpMessageInvoker? _upgrades;
    private readonly Lock _lock = new();

    /// <summary>The transport alone (TLS policy, proxy), for requests that upgrade the connection (web sockets).</summary>
    public HttpMessageInvoker Upgrades
    {
        get { lock (_lock) return _upgrades ??= new HttpMessageInvoker(new TransportSelector(Settings, Tls, Proxy), disposeHandler: true); }
    }

    public HttpStack(RestSettings settings)
    {
        Settings = settings;
        // the process log when the composition root gives it, else one of the same kind on the diagnostics writer
        _ownedLog = settings.Log is null ? new AppLog(settings.LogLevel, settings.Diagnostics) : null;
        Log = settings.Log ?? _ownedLog!;
        Tls = new TlsPolicy(settings);
        Proxy = new ProxySelector(settings, Log);
        HttpMessageHandler pipeline = new TransportSelector(Settings, Tls, Proxy);
        pipeline = new LoggingHandler(Log, Settings.LogSecrets) { InnerHandler = pipeline };
        pipeline = new RetryHandler(Settings.Http, Log) { InnerHandler = pipeline };
        pipeline = new AuthHandler { InnerHandler = pipeline };
        Client = new HttpClient(pipeline, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The proxy a request to this URL goes through, if any (for error messages).</summary>
    public Uri? ProxyFor(Uri uri) => Proxy.Active ? Proxy.GetProxy(uri) : null;

    public void Dispose()
    {
        _upgrades?.Dispose();
        Client.Dispose();
        _ownedLog?.Dispose();
    }
}
