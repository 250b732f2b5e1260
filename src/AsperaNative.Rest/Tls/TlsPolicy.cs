using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AsperaNative.Rest.Tls;

/// <summary>
/// Certificate verification as ascli does it: <c>--insecure</c> or a matching
/// <c>--ignore-certificate</c> endpoint skips it (with a warning once per endpoint unless
/// <c>--silent-insecure=no</c>); <c>--cert-stores</c> replaces the system's trusted roots unless
/// it lists <c>DEF</c>. Failures are remembered per host so that the error can say why, in
/// OpenSSL's words.
/// </summary>
public sealed class TlsPolicy
{
    /// <summary>The special <c>--cert-stores</c> value for the system's default store.</summary>
    public const string DefaultStore = "DEF";

    private static readonly string[] CertificateExtensions = [".pem", ".crt", ".cer", ".der"];

    private readonly RestSettings _settings;
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Reason, IPEndPoint? Peer)> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IPEndPoint> _peers = new(StringComparer.OrdinalIgnoreCase);
    private readonly X509Certificate2Collection? _trusted;
    private readonly bool _useSystemStore;

    public TlsPolicy(RestSettings settings)
    {
        _settings = settings;
        _useSystemStore = settings.CertStores is null || settings.CertStores.Contains(DefaultStore);
        if (settings.CertStores is not null) _trusted = LoadStores(settings.CertStores);
    }

    /// <summary>True when this endpoint's certificate is not verified; warns the first time.</summary>
    public bool IsIgnored(string host, int port)
    {
        bool ignored = _settings.Insecure || _settings.IgnoreCertificate.Any(e => string.Equals(e.Host, host, StringComparison.OrdinalIgnoreCase) && e.Port == port);
        if (ignored && _settings.WarnInsecure)
        {
            string url = $"https://{host}:{port}";
            if (_warned.TryAdd(url, true))
                lock (_settings.Diagnostics) _settings.Diagnostics.WriteLine($"WARNING: Ignoring certificate for: {url}. Do not deactivate certificate verification in production.");
        }
        return ignored;
    }

    /// <summary>Remembers the address a host name was connected to (OpenSSL's <c>peeraddr</c> in errors).</summary>
    public void RecordPeer(string host, IPEndPoint? peer)
    {
        if (peer is not null) _peers[host] = peer;
    }

    /// <summary>The reason and peer of the last verification failure for this host, if any.</summary>
    public (string Reason, IPEndPoint? Peer)? LastFailure(string host) => _failures.TryGetValue(host, out var f) ? f : null;

    /// <summary>The validation callback of the verifying transport.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        string host = (sender as SslStream)?.TargetHostName ?? "";
        string? reason = Check(host, certificate, chain, errors);
        if (reason is null) return true;
        _failures[host] = (reason, _peers.TryGetValue(host, out var peer) ? peer : null);
        return false;
    }

    private string? Check(string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) return "certificate verify failed (no certificate)";
        bool chainOk = _useSystemStore && !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        X509ChainStatusFlags status = chainOk ? X509ChainStatusFlags.NoError : Flags(chain);
        int length = chain?.ChainElements.Count ?? 1;
        if (!chainOk && _trusted is { Count: > 0 })
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_trusted);
            if (chain is not null) foreach (var e in chain.ChainElements) custom.ChainPolicy.ExtraStore.Add(e.Certificate);
            chainOk = custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
            if (!chainOk) { status = Flags(custom); length = custom.ChainElements.Count; }
        }
        if (!chainOk) return "certificate verify failed (" + OpenSslReason(status, length) + ")";
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return $"hostname \"{host}\" does not match the server certificate";
        return null;
    }

    private static X509ChainStatusFlags Flags(X509Chain? chain)
        => chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, static (a, s) => a | s.Status) ?? X509ChainStatusFlags.PartialChain;

    /// <summary>OpenSSL 3's verify error strings, which users search for.</summary>
    private static string OpenSslReason(X509ChainStatusFlags status, int length) => status switch
    {
        _ when status.HasFlag(X509ChainStatusFlags.NotTimeValid) => "certificate has expired",
        _ when status.HasFlag(X509ChainStatusFlags.UntrustedRoot) => length <= 1 ? "self-signed certificate" : "self-signed certificate in certificate chain",
        _ when status.HasFlag(X509ChainStatusFlags.PartialChain) => "unable to get local issuer certificate",
        _ when status.HasFlag(X509ChainStatusFlags.Revoked) => "certificate revoked",
        _ => "unable to verify the first certificate",
    };

    /// <summary>Certificates of the listed files and of the certificate files of the listed folders.</summary>
    public static X509Certificate2Collection LoadStores(IEnumerable<string> locations)
    {
        var result = new X509Certificate2Collection();
        foreach (var location in locations)
        {
            if (location == DefaultStore) continue;
            if (File.Exists(location)) AddFile(result, location);
            else if (Directory.Exists(location))
            {
                foreach (var file in Directory.EnumerateFiles(location).Where(f => CertificateExtensions.Any(x => f.EndsWith(x, StringComparison.OrdinalIgnoreCase))))
                    AddFile(result, file);
            }
            else throw Core.Errors.CliException.Runtime($"No such file or folder: {location}");
        }
        return result;
    }

    private static void AddFile(X509Certificate2Collection into, string path)
    {
        try { into.ImportFromPemFile(path); }
        catch (System.Security.Cryptography.CryptographicException) { into.Add(X509CertificateLoader.LoadCertificateFromFile(path)); }
    }
}
