using System.Text.Json.Nodes;

namespace AsperaNative.Output.Secrets;

/// <summary>The redaction rule of results, for commands that must hide secrets before reshaping data (ascli's <c>hide_secrets</c>).</summary>
public static class SecretRedaction
{
    /// <summary>A copy of the node with secret values replaced by 🔑 (the same node when nothing is secret).</summary>
    public static JsonNode? Hide(JsonNode? node) => SecretRedactor.Redact(node);
}
