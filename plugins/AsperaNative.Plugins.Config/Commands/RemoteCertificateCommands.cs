using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest;
using AsperaNative.Rest.Tls;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config remote_certificate</c>: the certificates a TLS server presents, to trust them with <c>--cert-stores</c>.</summary>
[CommandGroup("config remote_certificate")]
internal sealed class RemoteCertificateCommands
{
    /// <summary>Display the certificate chain of a remote server, PEM encoded</summary>
    [Command("chain")]
    public static async Task<Result> Chain(CommandContext context)
        => Result.Text(RemoteCertificate.ChainPem(await Read(context)));

    /// <summary>Display the common name of the certificate of a remote server</summary>
    [Command("name")]
    public static async Task<Result> Name(CommandContext context)
        => Result.Text(RemoteCertificate.CommonName((await Read(context))[0]));

    /// <summary>Display the certificate of a remote server, PEM encoded</summary>
    [Command("only")]
    public static async Task<Result> Only(CommandContext context)
        => Result.Text(RemoteCertificate.ToPem((await Read(context))[0]));

    private static Task<IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2>> Read(CommandContext context)
    {
        string url = context.Args.NextString("remote URL");
        var http = HttpOptions.From(new GlobalOptions(context.Plugin.Options).HttpOptions);
        return RemoteCertificate.ChainAsync(url, http.OpenTimeout + http.ReadTimeout);
    }
}
