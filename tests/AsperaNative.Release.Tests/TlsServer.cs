using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AsperaNative.Release.Tests;

/// <summary>
/// A loopback HTTPS server (Kestrel, 127.0.0.1, port 0) with a certificate of its own test CA, whose PEM the
/// tests put in a CA bundle: ascli must validate the server through the bundle, without --insecure.
/// GET /tls.json answers <c>{"tls":"ok"}</c>.
/// </summary>
internal sealed class TlsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Url { get; }
    /// <summary>The test CA that signed the server certificate, PEM.</summary>
    public string CaPem { get; }

    private TlsServer(WebApplication app, string url, string caPem)
    {
        _app = app;
        Url = url;
        CaPem = caPem;
    }

    public static async Task<TlsServer> StartAsync()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=AsperaNative release test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);
        using var withKey = signed.CopyWithPrivateKey(key);
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(server)));
        var app = builder.Build();
        app.MapGet("/tls.json", static (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync("{\"tls\":\"ok\"}");
        });
        await app.StartAsync();
        var url = app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return new TlsServer(app, url, ca.ExportCertificatePem() + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
