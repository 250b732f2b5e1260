using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Rest;

namespace AsperaNative.Auth;

/// <summary>What <c>config tokens list|show</c> display of cached tokens (the token value itself is never shown).</summary>
public static class TokenInfo
{
    /// <summary>One object per cached token: its id, the answer's fields except the token, and its decoded claims.</summary>
    public static JsonArray List(TokenCache cache)
    {
        var result = new JsonArray();
        foreach (var (id, value) in cache.Entries()) result.Add((JsonNode)Describe(id, value));
        return result;
    }

    public static JsonObject? Show(TokenCache cache, string id)
        => cache.Entries().FirstOrDefault(e => e.Id == id) is { Id: not null } entry ? Describe(entry.Id, entry.Value) : null;

    private static JsonObject Describe(string id, string value)
    {
        var info = new JsonObject { ["id"] = id };
        JsonObject? data = null;
        try { data = RestJson.Parse(value) as JsonObject; }
        catch (Core.Errors.CliException) { }
        if (data is null) return info;
        string? token = data["access_token"]?.ToString();
        foreach (var (k, v) in data) if (k != "access_token") info[k] = v?.DeepClone();
        if (TokenDecoder.Decode(token) is { } claims)
        {
            foreach (var (k, v) in claims) info[k] = v?.DeepClone();
            if (TokenDecoder.Expiration(claims) is { } exp)
            {
                info["expiration"] = exp.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
                info["ttl_sec"] = (long)(exp - DateTimeOffset.UtcNow).TotalSeconds;
                info["expired"] = exp - DateTimeOffset.UtcNow < OAuthProvider.ExpirationGuard;
            }
        }
        return info;
    }
}
