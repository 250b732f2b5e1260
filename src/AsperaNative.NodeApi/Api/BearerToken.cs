using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// Access key bearer tokens (Node API "Bearer token" authorization): the payload JSON, a
/// <c>==SIGNATURE==</c> line and the RSA-SHA512 signature of the payload in base64 wrapped at 60
/// columns, the whole deflated (zlib) and base64-encoded. The node checks the signature with the
/// public key set on the access key (<c>access_keys set_bearer_key</c>).
/// </summary>
public static class BearerToken
{
    public const string SignatureDelimiter = "==SIGNATURE==";
    public const string DefaultScope = "user:all";
    public const long DefaultValiditySeconds = 86400;

    /// <summary>The token for <paramref name="accessKey"/>; <c>_validity</c> (seconds) and <c>_scope</c> in the payload are conveniences removed from it.</summary>
    public static string Create(string accessKey, JsonObject payload, RSA privateKey, DateTimeOffset? now = null)
    {
        if (payload["user_id"] is not JsonValue uid || !JsonScalar.TryGetText(uid, out string? user) || user.Length == 0)
            throw CliException.Assertion("payload must have a non-empty String user_id");
        var p = (JsonObject)payload.DeepClone();
        long validity = p["_validity"] is JsonValue v && v.TryGetValue(out long secs) ? secs : DefaultValiditySeconds;
        string scope = p["_scope"]?.ToString() ?? DefaultScope;
        p.Remove("_validity");
        p.Remove("_scope");
        p["scope"] ??= $"node.{accessKey}:{scope}";
        p["auth_type"] ??= "access_key";
        p["expires_at"] ??= (now ?? DateTimeOffset.UtcNow).AddSeconds(validity).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        string json = AsperaNative.Rest.RestJson.Generate(p);
        byte[] signature = privateKey.SignData(Encoding.UTF8.GetBytes(json), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
        string b64 = Convert.ToBase64String(signature);
        var lines = new List<string> { json, SignatureDelimiter };
        for (int i = 0; i < b64.Length; i += 60) lines.Add(b64.Substring(i, Math.Min(60, b64.Length - i)));
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>Reads a token back: its payload JSON and signature (base64), or null when it is not one.</summary>
    public static (JsonObject Payload, string PayloadText, byte[] Signature)? Decode(string token)
    {
        try
        {
            if (token.StartsWith("Bearer ", StringComparison.Ordinal)) token = token[7..];
            using var input = new ZLibStream(new MemoryStream(Convert.FromBase64String(token)), CompressionMode.Decompress);
            using var reader = new StreamReader(input, Encoding.UTF8);
            string text = reader.ReadToEnd();
            int at = text.IndexOf("\n" + SignatureDelimiter + "\n", StringComparison.Ordinal);
            if (at < 0) return null;
            string json = text[..at];
            string sig = text[(at + SignatureDelimiter.Length + 2)..].Replace("\n", "", StringComparison.Ordinal);
            return JsonNode.Parse(json) is JsonObject o ? (o, json, Convert.FromBase64String(sig)) : null;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException) { return null; }
    }
}
