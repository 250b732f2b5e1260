using System.Text;

namespace AsperaNative.Emulators.Common;

/// <summary>Base64url without padding (JWT parts), for emulators that issue or verify JWTs.</summary>
public static class Base64Url
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes with or without padding; throws <see cref="FormatException"/> on bad input.</summary>
    public static byte[] Decode(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
