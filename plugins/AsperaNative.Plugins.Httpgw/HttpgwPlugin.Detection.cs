// Plugin httpgw: detection (config detect: the gateway's <root>/v1/info names its download endpoint and version).
// No wizard, as ascli. Manual: "Configuration: wizard".
using AsperaNative.Core.Commands;
using AsperaNative.Plugins.Httpgw.Api;

namespace AsperaNative.Plugins.Httpgw;

public sealed partial class HttpgwPlugin
{
    public string ApplicationName => "HTTP Gateway";

    public async Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
    {
        var gateway = await ConnectAsync(addressOrUrl);
        return gateway.Info.ContainsKey("download_endpoint")
            ? new DetectedApplication(gateway.Rest.BaseUrl, gateway.Info["version"]?.ToString() ?? "")
            : null;
    }
}
