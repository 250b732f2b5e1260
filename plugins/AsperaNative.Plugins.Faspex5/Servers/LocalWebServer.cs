// A small HTTP/1.1 server for the faspex5 local servers (gateway, postprocessing), as ascli's WebServerSimple:
// listens on the URL's host and port, HTTP or HTTPS (a given PEM or PKCS#12 certificate, else a generated
// self-signed one), serves requests below the URL's path, until cancelled (SIGINT, SIGTERM, SIGHUP).
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Faspex5.Servers;

/// <summary>A request as the handlers see it: method, path (no query) and body (null when none).</summary>
public sealed record WebRequest(string Method, string Path, string? Body);

/// <summary>An answer: status and a JSON body.</summary>
public sealed record WebAnswer(int Status, JsonNode? Json)
{
    public static WebAnswer Of(int status, JsonNode json) => new(status, json);
}

/// <summary>One listening socket and its request handler.</summary>
public sealed class LocalWebServer : IDisposable
{
    private const int MaxHeaderLines = 200;
    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly string _mount;
    private readonly Func<WebRequest, CancellationToken, Task<WebAnswer>> _handler;

    public LocalWebServer(Uri url, X509Certificate2? certificate, Func<WebRequest, CancellationToken, Task<WebAnswer>> handler)
    {
        if (url.Scheme is not ("http" or "https")) throw CliException.Runtime($"unexpected value: {url.Scheme}");
        var address = url.Host is "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) ? ip
            : Dns.GetHostAddresses(url.Host).FirstOrDefault() ?? IPAddress.Loopback;
        _listener = new TcpListener(address, url.Port);
        _certificate = url.Scheme == "https" ? certificate ?? SelfSigned(RSA.Create(4096)) : null;
        _mount = url.AbsolutePath.TrimEnd('/');
        _handler = handler;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The port listened on (the URL's, or the one chosen for port 0), once started.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts listening (errors here are the user's: port in use, bad address).</summary>
    public void Start()
    {
        try { _listener.Start(); }
        catch (SocketException e) { throw CliException.Other("Errno::EADDRINUSE", $"{e.Message} - bind(2) for \"{Url.Host}\" port {Url.Port}"); }
    }

    /// <summary>Serves until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        using var stop = cancel.Register(_listener.Stop);
        var connections = new List<Task>();
        while (!cancel.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(cancel); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { break; }
            connections.RemoveAll(static t => t.IsCompleted);
            connections.Add(Task.Run(() => ServeAsync(client, cancel), CancellationToken.None));
        }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancel)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream, false);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, cancel);
                    stream = tls;
                }
                await using (stream)
                {
                    var (status, type, body) = await AnswerAsync(stream, cancel);
                    byte[] bytes = Encoding.UTF8.GetBytes(body);
                    string head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancel);
                    await stream.WriteAsync(bytes, cancel);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // the client went away: nothing to answer
            }
        }
    }

    private async Task<(int Status, string Type, string Body)> AnswerAsync(Stream stream, CancellationToken cancel)
    {
        var (method, target, length) = await ReadHeadAsync(stream, cancel);
        string? body = null;
        if (length > 0)
        {
            var buffer = new byte[length];
            await stream.ReadExactlyAsync(buffer, cancel);
            body = Encoding.UTF8.GetString(buffer);
        }
        int q = target.IndexOf('?');
        string path = Uri.UnescapeDataString(q < 0 ? target : target[..q]);
        if (_mount.Length > 0 && path != _mount && !path.StartsWith(_mount + "/", StringComparison.Ordinal))
            return (404, "text/html", $"<HTML><HEAD><TITLE>Not Found</TITLE></HEAD><BODY><H1>Not Found</H1>`{path}' not found.</BODY></HTML>");
        if (method != "POST")
            return (405, "text/html", $"<HTML><HEAD><TITLE>Method Not Allowed</TITLE></HEAD><BODY><H1>Method Not Allowed</H1>unsupported method `{method}'.</BODY></HTML>");
        var answer = await _handler(new WebRequest(method, path, body), cancel);
        return (answer.Status, "application/json", answer.Json?.ToJsonString() ?? "");
    }

    private static async Task<(string Method, string Target, int Length)> ReadHeadAsync(Stream stream, CancellationToken cancel)
    {
        string requestLine = await ReadLineAsync(stream, cancel);
        var parts = requestLine.Split(' ');
        int length = 0;
        for (int i = 0; i < MaxHeaderLines; i++)
        {
            string line = await ReadLineAsync(stream, cancel);
            if (line.Length == 0) break;
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                int.TryParse(line[(colon + 1)..].Trim(), out length);
        }
        return (parts.Length > 0 ? parts[0] : "", parts.Length > 1 ? parts[1] : "/", length);
    }

    // byte by byte, so that the body that follows the head stays in the stream
    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancel)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancel) == 0) throw new IOException("connection closed");
            if (one[0] == '\n') break;
            if (one[0] != '\r') line.Add(one[0]);
        }
        return Encoding.ASCII.GetString([.. line]);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _certificate?.Dispose();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    };

    /// <summary>ascli's generated certificate: <c>/C=FR/O=Test/OU=Test/CN=Test</c>, a CA, valid one year.</summary>
    public static X509Certificate2 SelfSigned(RSA key)
    {
        var request = new CertificateRequest("C=FR, O=Test, OU=Test, CN=Test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now, now.AddYears(1));
        // an exportable copy: TLS on Linux needs the key in a PKCS#12 form
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// The certificate of a <c>certificate</c> Hash (keys <c>key</c>, <c>cert</c>, <c>chain</c>, <c>pkcs12</c>): a PKCS#12
    /// file with its password in <c>key</c>, or PEM files (a missing key is generated, a missing certificate self-signed).
    /// </summary>
    public static X509Certificate2? FromParameters(JsonNode? parameters)
    {
        if (parameters is null) return null;
        if (parameters is not JsonObject certificate) throw CliException.Assertion($"expecting Hash, but have {Core.Values.RubyInspect.Inspect(parameters)}");
        string[] allowed = ["key", "cert", "chain", "pkcs12"];
        if (certificate.Any(p => !allowed.Contains(p.Key))) throw CliException.Runtime("unexpected key in certificate config: only: key, cert, chain, pkcs12");
        string? Text(string key) => certificate[key] is { } v ? Core.Values.RubyToS.Of(v) : null;
        try
        {
            if (Text("pkcs12") is { } pkcs12)
            {
                string password = Text("key") ?? throw CliException.Runtime("pkcs12 requires a key (password)");
                return X509CertificateLoader.LoadPkcs12FromFile(pkcs12, password);
            }
            var key = RSA.Create();
            if (Text("key") is { } keyFile) key.ImportFromPem(File.ReadAllText(keyFile));
            else key.KeySize = 4096;
            if (Text("cert") is not { } certFile) return SelfSigned(key);
            using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(certFile), File.ReadAllText(Text("key") ?? throw CliException.Runtime("certificate requires a key")));
            return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Other("Errno::ENOENT", e.Message);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw CliException.Other("OpenSSL::PKey::PKeyError", e.Message);
        }
    }
}
