using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;

namespace AsperaNative.Auth.OAuth;

/// <summary>RS256 JSON Web Tokens (RFC 7519, RFC 7515) signed with the user's PEM private key.</summary>
public static class JwtSigner
{
    /// <summary>Loads a PKCS#1 or PKCS#8 PEM key, encrypted when a passphrase is given.</summary>
    public static RSA LoadKey(string pem, string? passphrase = null)
    {
        var rsa = RSA.Create();
        try
        {
            if (passphrase is null) rsa.ImportFromPem(pem);
            else rsa.ImportFromEncryptedPem(pem, passphrase);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new CliException("Other(OpenSSL::PKey::RSAError)", "Neither PUB key nor PRIV key: " + (passphrase is null ? "unsupported" : "bad decrypt"))
            {
                Hints = ["HINT: option: private_key expects a key PEM value, not path to file", "HINT: if you provide a path: prefix with @file:", "HINT: e.g. --private-key=@file:/path/to/key.pem"],
            };
        }
    }

    /// <summary>The compact form <c>header.payload.signature</c>; extra headers come before <c>alg</c>.</summary>
    public static string Sign(JsonObject payload, RSA key, JsonObject? headers = null)
    {
        var header = headers?.DeepClone() as JsonObject ?? [];
        header["alg"] = "RS256";
        string signingInput = Part(header) + "." + Part(payload);
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + TokenDecoder.Base64Url(signature);
    }

    private static string Part(JsonObject o) => TokenDecoder.Base64Url(Encoding.UTF8.GetBytes(RestJson.Generate(o)));
}
