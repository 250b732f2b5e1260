using AsperaNative.Core.Logging;
using AsperaNative.Rest.Proxy;
using AsperaNative.Rest.Tls;
using Microsoft.Extensions.DependencyInjection;

namespace AsperaNative.Rest.Http;

/// <summary>
/// The HTTP pipeline, built once on first use through <c>IHttpClientFactory</c>:
/// auth → retry → logging → transport (TLS policy and proxy selection).
/// </summary>
internal sealed class HttpStack : IDisposable
{
    private const string ClientName = "ascli";
    private readonly ServiceProvider _services;
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
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName, static c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new TransportSelector(Settings, Tls, Proxy))
            .AddHttpMessageHandler(static () => new AuthHandler())
            .AddHttpMessageHandler(() => new RetryHandler(Settings.Http, Log))
            .AddHttpMessageHandler(() => new LoggingHandler(Log, Settings.LogSecrets))
            // one invocation is short-lived: keep the same connections throughout
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    /// <summary>The proxy a request to this URL goes through, if any (for error messages).</summary>
    public Uri? ProxyFor(Uri uri) => Proxy.Active ? Proxy.GetProxy(uri) : null;

    public void Dispose()
    {
        _upgrades?.Dispose();
        Client.Dispose();
        _services.Dispose();
        _ownedLog?.Dispose();
    }
}
