using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest;

/// <summary>
/// Error body shapes generic to the Aspera REST APIs: the status line of any failure and the JSON
/// shapes every product shares (<see cref="Aspera"/>, in registration order, so tried in reverse).
/// A product's own shapes live beside it and are added by its client or plugin: node's in
/// AsperaNative.NodeApi (NodeErrorShapes), the others in <see cref="ProductShapes"/> until their plugin exists.
/// </summary>
public static class ErrorShapes
{
    /// <summary>The last line of any non-2XX response: <c>host[:port] code reason</c>.</summary>
    public static readonly ErrorShape GenericStatus = new("Type Generic", static c =>
    {
        if (!c.IsSuccess) c.Add($"{c.Host} {c.Status} {c.Reason}");
    });

    public static IReadOnlyList<ErrorShape> Aspera { get; } =
    [
        // Faspex 4 reports some errors (missing metadata) with a 200
        Simple("Type 1: error:user_message", ["error", "user_message"], always: true),
        Simple("Type 2: error:description", ["error", "description"]),
        Simple("Type 3: error:internal_message", ["error", "internal_message"]),
        Simple("Type 5", ["error_description"]),
        Simple("Type 6", ["message"]),
        // AoC Automation, and OAuth's {"error":"invalid_grant"}
        Simple("AoC Automation", ["error"]),
        new("Type 7: errors[]", static c =>
        {
            // Shares answers transfer settings with an "errors" map that is not an error
            if (c.Data is not JsonObject o || o["errors"] is not JsonObject errors || o.ContainsKey("min_connect_version")) return;
            foreach (var (k, v) in errors) c.Add($"{k}: {RubyToS.Of(v)}");
        }),
        Simple("T9:IBM cloud IAM", ["errorMessage"]),
        Simple("T10:faspex v4", ["user_message"]),
    ];

    /// <summary>
    /// A string at <paramref name="path"/> is the message; its sibling strings and integers follow
    /// as <c>key: value</c> lines. Only for failed statuses unless <paramref name="always"/>.
    /// </summary>
    public static ErrorShape Simple(string name, string[] path, bool always = false) => new(name, c =>
    {
        if (c.Data is not JsonObject data || (c.IsSuccess && !always)) return;
        JsonNode? holder = data;
        for (int i = 0; i < path.Length - 1 && holder is not null; i++) holder = (holder as JsonObject)?[path[i]];
        if (holder is not JsonObject parent || parent[path[^1]] is not JsonValue message || !JsonScalar.TryGetText(message, out string? text)) return;
        c.Add(text);
        foreach (var (k, v) in parent)
        {
            if (k == path[^1] || v is not JsonValue value) continue;
            var kind = value.GetValueKind();
            if (kind == JsonValueKind.String || (kind == JsonValueKind.Number && IsInteger(value))) c.Add($"{k}: {RubyToS.Of(v)}");
        }
    });

    private static bool IsInteger(JsonValue value) => value.TryGetValue(out long _) || !value.ToJsonString().Contains('.');
}
