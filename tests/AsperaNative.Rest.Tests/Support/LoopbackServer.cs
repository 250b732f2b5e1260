using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsperaNative.Rest.Tests.Support;

/// <summary>A request as the server received it.</summary>
public sealed record Recorded(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A real Kestrel server on 127.0.0.1, port chosen by the system, optionally TLS with a self-signed certificate.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<Recorded> Requests { get; } = new();
    public int Port { get; }
    public string Url => $"{(Certificate is null ? "http" : "https")}://127.0.0.1:{Port}";
    public X509Certificate2? Certificate { get; }

    private LoopbackServer(WebApplication app, int port, X509Certificate2? cert)
    {
        _app = app;
        Port = port;
        Certificate = cert;
    }

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Recorded, Task> handler, bool tls = false)
    {
        var cert = tls ? Certificates.SelfSigned() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => { if (cert is not null) l.UseHttps(cert); }));
        var app = builder.Build();
        LoopbackServer? self = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var recorded = new Recorded(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body);
            self!.Requests.Enqueue(recorded);
            await handler(context, recorded);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LoopbackServer(app, new Uri(address).Port, cert);
        return self;
    }

    public static Task<LoopbackServer> JsonAsync(string json, int status = 200, bool tls = false)
        => StartAsync((c, _) => Respond(c, status, json), tls);

    public static async Task Respond(HttpContext context, int status, string? json, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        if (json is null) return;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class Certificates
{
    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, CN=localhost.</summary>
    public static X509Certificate2 SelfSigned(string cn = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
