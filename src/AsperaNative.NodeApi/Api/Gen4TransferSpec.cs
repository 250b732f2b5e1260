using System.Text.Json.Nodes;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// The transfer spec of a gen4 transfer on a folder id: the access key's credentials become the
/// token (Basic of access key and secret, or its bearer token), the node's file id goes in
/// <c>tags.aspera.node</c>; host and ports are the standard ones (node address, <c>xfer</c>, 33001),
/// or, with <c>--default-ports=no</c>, those of the node's own <c>download_setup</c> answer.
/// </summary>
public static class Gen4TransferSpec
{
    public static async Task<JsonObject> BuildAsync(NodeApiClient api, string fileId, string direction, bool standardPorts)
    {
        var c = api.Credentials;
        string token = c.Bearer ? c.Password : Rest.StaticAuthorization.Basic(c.Username, c.Password).Value;
        var spec = new JsonObject
        {
            ["direction"] = direction,
            ["token"] = token,
            ["tags"] = new JsonObject { ["aspera"] = new JsonObject { ["node"] = new JsonObject { ["access_key"] = c.Username, ["file_id"] = fileId } } },
        };
        string host = new Uri(api.BaseUrl).Host;
        if (standardPorts)
        {
            spec["remote_user"] = "xfer";
            spec["ssh_port"] = 33001;
            spec["fasp_port"] = 33001;
            spec["remote_host"] = host;
            var info = await api.ReadAsync("info") as JsonObject ?? [];
            if (info["transfer_user"] is JsonValue user) spec["remote_user"] = user.DeepClone();
            if (info["settings"] is JsonArray settings)
                foreach (var s in settings.OfType<JsonObject>())
                    if (s["name"]?.ToString() is "wss_enabled" or "wss_port") spec[s["name"]!.ToString()] = s["value"]?.DeepClone();
            return spec;
        }
        spec["remote_host"] = host;
        var setup = await api.TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject()) });
        foreach (string key in new[] { "remote_host", "remote_user", "ssh_port", "fasp_port", "wss_enabled", "wss_port" })
            if (setup.ContainsKey(key)) spec[key] = setup[key]?.DeepClone();
        return spec;
    }
}
