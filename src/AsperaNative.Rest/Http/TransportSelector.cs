using System.Net;
using System.Net.Sockets;
using AsperaNative.Rest.Proxy;
using AsperaNative.Rest.Tls;

namespace AsperaNative.Rest.Http;

/// <summary>
/// The innermost handler: two connection pools, one verifying certificates and one not, chosen
/// per request by endpoint (<c>--insecure</c>, <c>--ignore-certificate</c> match host and port).
/// Each pool is created on first use.
/// </summary>
internal sealed class TransportSelector(RestSettings settings, TlsPolicy tls, ProxySelector proxy) : HttpMessageHandler
{
    private HttpMessageInvoker? _verifying;
    private HttpMessageInvoker? _insecure;
    private readonly Lock _lock = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        var uri = request.RequestUri!;
        // web socket upgrades (wss) go over TLS as https does
        bool ignore = (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeWss) && tls.IsIgnored(uri.Host, uri.Port);
        return Pool(ignore).SendAsync(request, cancel);
    }

    private HttpMessageInvoker Pool(bool insecure)
    {
        lock (_lock)
        {
            return insecure
                ? _insecure ??= new HttpMessageInvoker(Create(insecure: true))
                : _verifying ??= new HttpMessageInvoker(Create(insecure: false));
        }
    }

    private SocketsHttpHandler Create(bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            // ascli follows redirects itself, up to each API's redirect_max
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = settings.Http.OpenTimeout,
            PooledConnectionIdleTimeout = settings.Http.KeepAliveTimeout,
            UseProxy = proxy.Active,
            Proxy = proxy.Active ? proxy : null,
        };
        handler.ConnectCallback = ConnectAsync;
        handler.SslOptions.RemoteCertificateValidationCallback = insecure
            ? static (_, _, _, _) => true
            : tls.Validate;
        return handler;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try { await socket.ConnectAsync(context.DnsEndPoint, cancel); }
        catch { socket.Dispose(); throw; }
        tls.RecordPeer(context.DnsEndPoint.Host, socket.RemoteEndPoint as IPEndPoint);
        return new NetworkStream(socket, ownsSocket: true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _verifying?.Dispose(); _insecure?.Dispose(); }
        base.Dispose(disposing);
    }
}
