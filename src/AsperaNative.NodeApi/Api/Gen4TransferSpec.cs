using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// The transfer spec of a gen4 transfer on a folder id (ascli's <c>transfer_spec_gen4</c>): the node's
/// authorization becomes the token (Basic of access key and secret, or the bearer token), the file id goes in
/// <c>tags.aspera.node</c>, then the caller's extra fields and the application's tags (AoC) are merged; host and
/// ports are the standard ones (node address or the application's transfer host, <c>xfer</c>, 33001, WSS from
/// <c>/info</c>), or, with <c>--default-ports=no</c>, those of the node's own <c>download_setup</c> answer.
/// </summary>
public static class Gen4TransferSpec
{
    public const string TransferUser = "xfer";
    public const int StandardPort = 33001;
    private static readonly string[] TransportFields = ["remote_host", "remote_user", "ssh_port", "fasp_port", "wss_enabled", "wss_port"];

    public static async Task<JsonObject> BuildAsync(NodeApiClient api, string fileId, string direction, bool standardPorts, JsonObject? extra = null, CancellationToken cancel = default)
    {
        var c = api.Credentials;
        var spec = new JsonObject
        {
            ["direction"] = direction,
            ["token"] = await api.AuthorizationAsync(cancel),
            ["tags"] = new JsonObject { ["aspera"] = new JsonObject { ["node"] = new JsonObject { ["access_key"] = c.Username, ["file_id"] = fileId } } },
        };
        if (extra is not null) spec = JsonMerge.Deep(spec, extra);
        if (api.Application is { } app) await app.AddTransferTagsAsync(spec, cancel);
        if (standardPorts)
        {
            spec["remote_user"] = TransferUser;
            spec["ssh_port"] = StandardPort;
            spec["fasp_port"] = StandardPort;
            spec["remote_host"] = api.Application?.TransferHost is { Length: > 0 } transferHost ? transferHost : new Uri(api.BaseUrl).Host;
            var info = await api.ReadAsync("info") as JsonObject ?? [];
            if (info["transfer_user"] is JsonValue user) spec["remote_user"] = user.DeepClone();
            if (info["settings"] is JsonArray settings)
                foreach (var s in settings.OfType<JsonObject>())
                    if (s["name"]?.ToString() is "wss_enabled" or "wss_port") spec[s["name"]!.ToString()] = s["value"]?.DeepClone();
        }
        else
        {
            var setup = await api.TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["source"] = "/" }) });
            foreach (string key in TransportFields)
                if (setup.ContainsKey(key)) spec[key] = setup[key]?.DeepClone();
        }
        if (RubyToS.Of(spec["remote_user"]) != TransferUser)
            api.Rest.Factory.Log.Warn($"Expected transfer user: {TransferUser}, but have {RubyToS.Of(spec["remote_user"])}");
        return spec;
    }
}
