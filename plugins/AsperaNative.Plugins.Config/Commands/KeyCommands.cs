using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Config.Keys;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config genkey</c> and <c>config pubkey</c>: RSA keys for SSH and JWT authentication (manual "Private key").</summary>
[CommandGroup("config")]
internal sealed class KeyCommands
{
    /// <summary>Generate an RSA private key and its public key (path.pub)</summary>
    [Command("genkey")]
    public static Result GenKey(CommandContext context, [Argument("private key file path", Name = "path")] string path, [Argument("size in bits", Name = "bits")] long? size = null)
    {
        int bits = (int)(size ?? RsaKeys.DefaultBits);
        string target = Path.IsPathRooted(path) || context.Plugin.ExtendedValues.CurrentFolder is not { } folder ? path : Path.Combine(folder, path);
        RsaKeys.Generate(target, bits);
        return Result.Status($"Generated {bits} bit RSA key: {path}");
    }

    /// <summary>Display the public key of a private key given in PEM</summary>
    [Command("pubkey")]
    public static Result PubKey([Argument("private key PEM value", Name = "private_key_pem")] string pem)
        => Result.Text(RsaKeys.PublicKeyPem(pem));
}
