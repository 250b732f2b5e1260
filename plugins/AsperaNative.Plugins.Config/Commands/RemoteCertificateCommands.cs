using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest;
using AsperaNative.Rest.Tls;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config remote_certificate</c>: the certificates a TLS server presents, to trust them with <c>--cert-stores</c>.</summary>
[CommandGroup("config remote_certificate")]
internal sealed class RemoteCertificateCommands(RestOptions options)
{
    /// <summary>Display the certificate chain of a remote server, PEM encoded</summary>
    [Command("chain")]
    public async Task<Result> Chain([Argument("remote URL", Name = "url")] string url)
        => Result.Text(RemoteCertificate.ChainPem(await Read(url)));

    /// <summary>Display the common name of the certificate of a remote server</summary>
    [Command("name")]
    public async Task<Result> Name([Argument("remote URL", Name = "url")] string url)
        => Result.Text(RemoteCertificate.CommonName((await Read(url))[0]));

    /// <summary>Display the certificate of a remote server, PEM encoded</summary>
    [Command("only")]
    public async Task<Result> Only([Argument("remote URL", Name = "url")] string url)
        => Result.Text(RemoteCertificate.ToPem((await Read(url))[0]));

    private Task<IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2>> Read(string url)
    {
        var http = HttpOptions.From(options.HttpOptions);
        return RemoteCertificate.ChainAsync(url, http.OpenTimeout + http.ReadTimeout);
    }
}
