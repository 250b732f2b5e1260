using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest;

/// <summary>
/// A call whose response the error analyser judged failed: printed <c>ERROR: Rest: …</c> with the
/// analyser's lines (the first is the main message, the last <c>host[:port] code reason</c>).
/// </summary>
public sealed class RestCallException(IReadOnlyList<string> messages, int status, string reason, JsonNode? data, string host)
    : CliException("Rest", string.Join('\n', messages))
{
    /// <summary>All lines found by the analyser, in order.</summary>
    public IReadOnlyList<string> Messages { get; } = messages;
    public int StatusCode { get; } = status;
    public string ReasonPhrase { get; } = reason;
    /// <summary>The parsed response body (JSON), or its text, or null.</summary>
    public JsonNode? Body { get; } = data;
    /// <summary>The Host header of the request (<c>host</c> or <c>host:port</c>).</summary>
    public string Host { get; } = host;
}
