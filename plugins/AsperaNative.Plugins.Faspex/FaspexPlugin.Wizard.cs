// Plugin faspex: detection (config detect: POST <url>[/aspera/faspex] with Accept: application/xrds+xml answers an
// XRDS document with the application's version) and wizard (url, username, password). Manual: "Configuration: wizard".
using AsperaNative.Core.Commands;
using AsperaNative.Plugins.Faspex.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspex;

public sealed partial class FaspexPlugin
{
    private const string StandardPath = "/aspera/faspex";

    public string ApplicationName => "Faspex";

    public Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
        => ApplicationProbe.FirstAsync(
            ApplicationProbe.HttpsCandidates(addressOrUrl, StandardPath),
            async url =>
            {
                // an empty text/plain body, as ascli posts it
                var response = await rest.Create(url, options: new RestClientOptions { RedirectMax = 1 }).CallAsync(new RestRequest("POST")
                {
                    Text = "",
                    TextContentType = "text/plain",
                    Headers = new Dictionary<string, string> { ["Accept"] = "application/xrds+xml" },
                }, cancel);
                if (!response.Text.StartsWith("<?xml", StringComparison.Ordinal)) return null;
                var version = Faspex4Xml.Parse(response.Text, Faspex4Xml.NoLists)["XRD"]?["application"]?["version"];
                return new DetectedApplication(response.Url, version?.ToString() ?? "");
            });

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
        => Task.FromResult(WizardPreset.Basic(auth, "me"));
}
