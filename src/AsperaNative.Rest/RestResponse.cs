using System.Text.Json.Nodes;

namespace AsperaNative.Rest;

/// <summary>
/// A response: status, headers and body, the body parsed when its type is JSON (ascli treats
/// payloads as hashes), else kept as a string value (null when empty).
/// </summary>
public sealed class RestResponse(int status, string reason, IReadOnlyDictionary<string, string[]> headers, string? contentType, string text, JsonNode? data)
{
    public int Status { get; } = status;
    public string Reason { get; } = reason;
    public bool IsSuccess => Status is >= 200 and < 300;
    /// <summary>Response and content headers, names case-insensitive.</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; } = headers;
    /// <summary>The media type only (no parameters), lower case.</summary>
    public string? ContentType { get; } = contentType;
    public string Text { get; } = text;
    public JsonNode? Data { get; } = data;
    /// <summary>The URL that answered, query included: the last one when redirections were followed (product detection).</summary>
    public string Url { get; internal set; } = "";

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) && v.Length > 0 ? v[0] : null;
}
