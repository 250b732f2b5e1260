using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Auth.OAuth;

/// <summary>Reads the claims of a JWS token (RFC 7515 compact form), to know when it expires.</summary>
public static class TokenDecoder
{
    /// <summary>The payload of a three-part token, or null when the token is opaque.</summary>
    public static JsonObject? Decode(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 }) return null;
        try { return JsonNode.Parse(Encoding.UTF8.GetString(Base64Url(parts[1]))) as JsonObject; }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException) { return null; }
    }

    /// <summary>The expiry of a token from its <c>expires_at</c> (date) or <c>exp</c> (epoch seconds) claim.</summary>
    public static DateTimeOffset? Expiration(JsonObject? claims)
    {
        if (claims?["expires_at"] is JsonValue at && JsonScalar.TryGetText(at, out string? text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var date)) return date;
        if (claims?["exp"] is JsonValue exp && exp.TryGetValue(out long seconds)) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return null;
    }

    public static byte[] Base64Url(string text)
    {
        string s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - s.Length % 4) % 4), '='));
    }

    public static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
