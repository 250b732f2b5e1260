using System.Text.Json.Nodes;
using AsperaNative.Core.Values;
using AsperaNative.Rest;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// Error shapes of the Node API (HSTS node, <c>/files/upload_setup</c> and <c>/files/download_setup</c>),
/// added to the REST stack's analyser by every <see cref="NodeApiClient"/>.
/// </summary>
public static class NodeErrorShapes
{
    /// <summary>Transfer authorization: an error per transfer spec, reported even with a 200 (<c>code: reason: user_message</c>).</summary>
    public static readonly ErrorShape TransferSpecs = new("T8:node: *_setup", static c =>
    {
        if (c.Data is not JsonObject o || o["transfer_specs"] is not JsonArray specs) return;
        foreach (var item in specs)
        {
            var error = (item?["transfer_spec"] as JsonObject)?["error"] ?? (item as JsonObject)?["error"];
            if (error is JsonObject e) c.Add($"{RubyToS.Of(e["code"])}: {RubyToS.Of(e["reason"])}: {RubyToS.Of(e["user_message"])}");
        }
    });
}
