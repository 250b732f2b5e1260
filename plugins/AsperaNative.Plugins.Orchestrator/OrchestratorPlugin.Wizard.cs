// Plugin orchestrator: detection (config detect: <url>[/aspera/orchestrator]/api/remote_node_ping?format=json
// answers remote_orchestrator_info with the version) and wizard (url, username, password). Manual: "Configuration: wizard".
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Orchestrator;

public sealed partial class OrchestratorPlugin
{
    private const string StandardPath = "/aspera/orchestrator";
    private const string PingEndpoint = "api/remote_node_ping";

    public string ApplicationName => "Orchestrator";

    public Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
        => ApplicationProbe.FirstAsync(
            ApplicationProbe.WithStandardPath(ApplicationProbe.Https(addressOrUrl), StandardPath).Where(static u => u.Contains("http://", StringComparison.Ordinal) || u.Contains("https://", StringComparison.Ordinal)),
            async url =>
            {
                var response = await rest.Create(url).CallAsync(new RestRequest("GET", PingEndpoint)
                {
                    Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
                    Query = new JsonObject { ["format"] = "json" },
                }, cancel);
                if (response.Data?["remote_orchestrator_info"] is not JsonObject info) return null;
                return new DetectedApplication(ApplicationProbe.Before(response.Url, PingEndpoint), info["orchestrator-version"]?.ToString() ?? "");
            });

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
        => Task.FromResult(WizardPreset.Basic(auth, "workflow list"));
}
