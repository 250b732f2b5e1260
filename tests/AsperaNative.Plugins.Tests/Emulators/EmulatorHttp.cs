using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AsperaNative.Plugins.Tests.Emulators;

/// <summary>HttpClient set up as ascli's would be in emulator tests: self-signed certificates accepted, optional CONNECT proxy.</summary>
public static class EmulatorHttp
{
    public static HttpClient Client(string? proxyUrl = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = proxyUrl is not null,
            Proxy = proxyUrl is null ? null : new WebProxy(proxyUrl),
            AllowAutoRedirect = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        return new HttpClient(handler);
    }

    public static AuthenticationHeaderValue Basic(string user, string password)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static HttpRequestMessage Request(HttpMethod method, string url, AuthenticationHeaderValue? auth = null, string? json = null)
    {
        var request = new HttpRequestMessage(method, url) { Headers = { Authorization = auth } };
        request.Headers.Accept.ParseAdd("application/json");
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }
}
