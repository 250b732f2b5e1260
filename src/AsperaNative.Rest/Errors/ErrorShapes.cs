using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest;

/// <summary>
/// Error body shapes. <see cref="Aspera"/> are the JSON shapes shared by the Aspera REST APIs,
/// in registration order (so tried in reverse); product-only shapes (node transfer specs,
/// Orchestrator work orders, BSS GraphQL) are here for their plugins to register.
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

    /// <summary>Node API <c>upload_setup</c>/<c>download_setup</c>: errors per transfer spec, even with a 200.</summary>
    public static readonly ErrorShape NodeTransferSpecs = new("T8:node: *_setup", static c =>
    {
        if (c.Data is not JsonObject o || o["transfer_specs"] is not JsonArray specs) return;
        foreach (var item in specs)
        {
            var error = (item?["transfer_spec"] as JsonObject)?["error"] ?? (item as JsonObject)?["error"];
            if (error is JsonObject e) c.Add($"{RubyToS.Of(e["code"])}: {RubyToS.Of(e["reason"])}: {RubyToS.Of(e["user_message"])}");
        }
    });

    /// <summary>Orchestrator: the work order's status details and missing parameters.</summary>
    public static readonly ErrorShape OrchestratorWorkOrder = new("Orchestrator", static c =>
    {
        if (c.IsSuccess || c.Data is not JsonObject o || o["work_order"] is not JsonObject order) return;
        c.Add(RubyToS.Of(order["statusDetails"]));
        if (o["missing_parameters"] is JsonArray missing)
            foreach (var p in missing) c.Add($"missing parameter: {RubyToS.Of(p)}");
    });

    /// <summary>GraphQL: <c>errors[].message</c>.</summary>
    public static readonly ErrorShape GraphQl = new("bss graphql", static c =>
    {
        if (c.Data is not JsonObject o || o["errors"] is not JsonArray errors) return;
        foreach (var e in errors)
            if ((e as JsonObject)?["message"] is JsonValue m && m.TryGetValue(out string? text)) c.Add(text);
    });

    /// <summary>
    /// A string at <paramref name="path"/> is the message; its sibling strings and integers follow
    /// as <c>key: value</c> lines. Only for failed statuses unless <paramref name="always"/>.
    /// </summary>
    public static ErrorShape Simple(string name, string[] path, bool always = false) => new(name, c =>
    {
        if (c.Data is not JsonObject data || (c.IsSuccess && !always)) return;
        JsonNode? holder = data;
        for (int i = 0; i < path.Length - 1 && holder is not null; i++) holder = (holder as JsonObject)?[path[i]];
        if (holder is not JsonObject parent || parent[path[^1]] is not JsonValue message || !message.TryGetValue(out string? text)) return;
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
