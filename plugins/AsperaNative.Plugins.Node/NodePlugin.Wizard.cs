// Plugin node: detection (config detect: GET <url>/ping answers 200 with an empty body, without authentication)
// and wizard (url, username, password). Manual: "Configuration: wizard".
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Node;

public sealed partial class NodePlugin
{
    private const string PingEndpoint = "ping";

    public string ApplicationName => "HSTS Node API";

    /// <summary>A bare host name is tried on the node's usual ports: HTTPS 443 and 9092, HTTP 9091.</summary>
    public Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
    {
        string[] candidates = ApplicationProbe.HasScheme(addressOrUrl)
            ? [addressOrUrl]
            : [$"https://{addressOrUrl}", $"https://{addressOrUrl}:9092", $"http://{addressOrUrl}:9091"];
        return ApplicationProbe.FirstAsync(candidates.Where(static c => c.StartsWith("https://", StringComparison.Ordinal) || c.StartsWith("http://", StringComparison.Ordinal)), async url =>
        {
            var response = await _rest.Create(url).CallAsync(new RestRequest("GET", PingEndpoint), cancel);
            return response.Text.Length == 0
                ? new DetectedApplication(response.Url[..^(PingEndpoint.Length + 1)], "requires authentication")
                : null;
        });
    }

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
        => Task.FromResult(WizardPreset.Basic(Auth, "info"));
}
