using System.Net;
using System.Net.Sockets;
using System.Text;
using AsperaNative.Core.Errors;

namespace AsperaNative.Auth.OAuth;

/// <summary>
/// Receives the browser's redirection after login (RFC 8252 loopback redirect): a one-request
/// HTTP server on the redirect URI's port. Other paths (favicon…) get a 404 and other methods a 405, and are ignored.
/// A plain socket keeps it small and AOT-friendly.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener;
    private readonly string _path;

    public LoopbackListener(Uri redirectUri)
    {
        if (redirectUri.Scheme is not ("http" or "https")) throw CliException.Assertion("redirect_uri scheme must be http or https");
        _path = redirectUri.AbsolutePath;
        var address = IPAddress.TryParse(redirectUri.Host, out var ip) ? ip : IPAddress.Loopback;
        _listener = new TcpListener(address, redirectUri.Port);
        _listener.Start();
    }

    /// <summary>The port listened on (useful when the redirect URI says 0).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Waits for the redirection and returns its query parameters.</summary>
    public async Task<Dictionary<string, string>> ReceiveAsync(CancellationToken cancel)
    {
        while (true)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancel);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 4096, leaveOpen: true);
            string? requestLine = await reader.ReadLineAsync(cancel);
            while (await reader.ReadLineAsync(cancel) is { Length: > 0 }) { }
            var parts = requestLine?.Split(' ') ?? [];
            string method = parts.Length > 0 ? parts[0] : "";
            var target = parts.Length > 1 ? parts[1] : "/";
            int q = target.IndexOf('?');
            string path = q < 0 ? target : target[..q];
            // as ascli's WebAuth servlet: GET only, on the redirect path only
            bool match = method == "GET" && path == _path;
            var (status, body) = method != "GET" ? ("405 Method Not Allowed", "unsupported method: " + method)
                : match ? ("200 OK", ThankYouPage) : ("404 Not Found", "unexpected path: " + path);
            string head = $"HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head + body), cancel);
            if (match) return ParseQuery(q < 0 ? "" : target[(q + 1)..]);
        }
    }

    private const string ThankYouPage = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Close Now</title></head>\n<body>\n<h1>Thank You!</h1>\n<p>You can close this window.</p>\n</body>\n</html>\n";

    public static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            result[Uri.UnescapeDataString(kv[0].Replace('+', ' '))] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
        }
        return result;
    }

    public void Dispose() => _listener.Stop();
}
