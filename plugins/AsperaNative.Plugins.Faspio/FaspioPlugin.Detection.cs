// Plugin faspio: detection (config detect: GET <url>/ping answers an empty JSON object from a server named
// faspio-gateway/<version>). No wizard, as ascli. Manual: "Configuration: wizard".
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspio;

public sealed partial class FaspioPlugin
{
    public string ApplicationName => "faspio Gateway";

    public async Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
    {
        var ping = await rest.Create(addressOrUrl).CallAsync(new RestRequest("GET", "ping")
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
        }, cancel);
        string? server = ping.Header("Server");
        if (ping.Data is not JsonObject { Count: 0 } || server is null || !server.Contains("faspio", StringComparison.Ordinal)) return null;
        return new DetectedApplication(addressOrUrl, server[(server.LastIndexOf('/') + 1)..]);
    }
}
