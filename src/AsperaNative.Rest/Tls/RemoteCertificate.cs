using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest.Tls;

/// <summary>
/// Reads the certificate chain a TLS server presents (<c>config remote_certificate</c>), without
/// verifying it: the point is to save it as a trusted store.
/// </summary>
public static class RemoteCertificate
{
    /// <summary>The server's certificate first, then the rest of the chain it sent.</summary>
    public static async Task<IReadOnlyList<X509Certificate2>> ChainAsync(string url, TimeSpan timeout, CancellationToken cancel = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw CliException.Assertion($"URI scheme: expecting one of [\"http\", \"https\"], not {url}");
        var result = new List<X509Certificate2>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        cts.CancelAfter(timeout);
        using var tcp = new TcpClient();
        try { await tcp.ConnectAsync(uri.Host, uri.Port, cts.Token); }
        catch (SocketException e) { throw ConnectionErrors.FromSocket(e, uri.Host, uri.Port); }
        using var ssl = new SslStream(tcp.GetStream(), false, (_, cert, chain, _) =>
        {
            if (cert is not null) result.Add(X509CertificateLoader.LoadCertificate(cert.GetRawCertData()));
            if (chain is not null)
                foreach (var e in chain.ChainElements.Skip(1)) result.Add(X509CertificateLoader.LoadCertificate(e.Certificate.RawData));
            return true;
        });
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = uri.Host }, cts.Token);
        if (result.Count == 0) throw CliException.Runtime($"No certificate found for {url}");
        return result;
    }

    /// <summary>OpenSSL's PEM form (64-column base64, final newline), as Ruby's <c>to_pem</c>.</summary>
    public static string ToPem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    /// <summary>The subject's common name.</summary>
    public static string CommonName(X509Certificate2 certificate) => certificate.GetNameInfo(X509NameType.SimpleName, false);

    public static string ChainPem(IEnumerable<X509Certificate2> chain) => string.Join("\n", chain.Select(ToPem));
}
