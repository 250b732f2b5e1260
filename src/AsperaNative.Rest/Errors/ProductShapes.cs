using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest;

/// <summary>
/// Error shapes of products whose plugin does not exist yet (IBM Aspera Orchestrator, the BSS GraphQL
/// API of Aspera on Cloud). Not registered by default: each plugin takes its shape over into its own folder and adds it
/// to <see cref="RestFactory.Errors"/> when it is written (ascli registers them at start-up, last, so
/// they are tried first).
/// </summary>
public static class ProductShapes
{
    /// <summary>Orchestrator (plugin orchestrator): the work order's status details and missing parameters.</summary>
    public static readonly ErrorShape OrchestratorWorkOrder = new("Orchestrator", static c =>
    {
        if (c.IsSuccess || c.Data is not JsonObject o || o["work_order"] is not JsonObject order) return;
        c.Add(RubyToS.Of(order["statusDetails"]));
        if (o["missing_parameters"] is JsonArray missing)
            foreach (var p in missing) c.Add($"missing parameter: {RubyToS.Of(p)}");
    });

    /// <summary>Aspera on Cloud's BSS GraphQL (plugin aoc, <c>admin subscription</c> on <c>bss/platform/graphql</c>): <c>errors[].message</c>.</summary>
    public static readonly ErrorShape BssGraphQl = new("bss graphql", static c =>
    {
        if (c.Data is not JsonObject o || o["errors"] is not JsonArray errors) return;
        foreach (var e in errors)
            if ((e as JsonObject)?["message"] is JsonValue m && JsonScalar.TryGetText(m, out string? text)) c.Add(text);
    });
}
