using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest;

/// <summary>JSON as Ruby's <c>JSON.generate</c> writes it (compact, UTF-8 kept) and parses it.</summary>
public static class RestJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Content types whose body is parsed (ascli's list).</summary>
    public static bool IsJson(string? mediaType) => mediaType is "application/json" or "application/vnd.api+json" or "application/x-javascript";

    public static string Generate(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    public static JsonNode? Parse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException)
        {
            string start = text.Length > 40 ? text[..40] : text;
            throw CliException.Other("JSON::ParserError", $"unexpected token at '{start}'");
        }
    }
}
