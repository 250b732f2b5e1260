using System.Security.Cryptography;
using System.Text;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Config.Keys;

/// <summary>
/// RSA keys as ascli writes and reads them with OpenSSL: private keys in PEM PKCS#1
/// (<c>BEGIN RSA PRIVATE KEY</c>), public keys in PEM SubjectPublicKeyInfo (<c>BEGIN PUBLIC KEY</c>).
/// </summary>
public static class RsaKeys
{
    public const int DefaultBits = 4096;
    private const int MinimumBits = 512;

    /// <summary>Generates a key pair: the private key at <paramref name="path"/>, the public key at <c>path.pub</c>, both mode 0600.</summary>
    /// <exception cref="CliException">A size RSA does not allow, or a file that cannot be written.</exception>
    public static void Generate(string path, int bits)
    {
        if (bits < MinimumBits || bits > 16384 || bits % 8 != 0)
            throw CliException.Other("OpenSSL::PKey::PKeyError", $"EVP_PKEY_keygen: invalid key size {bits}");
        using var rsa = RSA.Create(bits);
        WritePrivate(path, rsa.ExportRSAPrivateKeyPem() + "\n");
        WritePrivate(path + ".pub", rsa.ExportSubjectPublicKeyInfoPem() + "\n");
    }

    /// <summary>The PEM public key of a PEM key (private PKCS#1 or PKCS#8, or public), with its final newline.</summary>
    /// <exception cref="CliException">OpenSSL's error when the text holds no RSA key.</exception>
    public static string PublicKeyPem(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw CliException.Other("OpenSSL::PKey::RSAError", "Neither PUB key nor PRIV key: unsupported");
        }
        return rsa.ExportSubjectPublicKeyInfoPem() + "\n";
    }

    private static void WritePrivate(string path, string content)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                writer.Write(content);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            throw CliException.Other("Errno::ENOENT", $"No such file or directory @ rb_sysopen - {path}");
        }
        catch (UnauthorizedAccessException)
        {
            throw CliException.Other("Errno::EACCES", $"Permission denied @ rb_sysopen - {path}");
        }
    }
}
