// Plugin console: detection (config detect: the login page <url>[/aspera/console]/login?local=true names
// "Aspera Console" and its version) and wizard (url, username, password). Manual: "Configuration: wizard".
using System.Text.RegularExpressions;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Console;

public sealed partial class ConsolePlugin
{
    private const string StandardPath = "/aspera/console";
    private const string LoginEndpoint = "login";

    public string ApplicationName => "Console";

    public Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
        => ApplicationProbe.FirstAsync(
            ApplicationProbe.HttpsCandidates(addressOrUrl, StandardPath),
            async url =>
            {
                var page = await rest.Create(url, options: new RestClientOptions { RedirectMax = 2 })
                    .CallAsync(new RestRequest("GET", LoginEndpoint) { Query = new System.Text.Json.Nodes.JsonObject { ["local"] = true } }, cancel);
                if (!page.Text.Contains("Aspera Console", StringComparison.Ordinal)) return null;
                var version = VersionInPage().Match(page.Text);
                return new DetectedApplication(ApplicationProbe.Before(page.Url, LoginEndpoint), version.Success ? version.Groups[1].Value : "unknown");
            });

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
        => Task.FromResult(WizardPreset.Basic(auth, "transfer list"));

    [GeneratedRegex(@"\(v([1-9]\..*)\)")]
    private static partial Regex VersionInPage();
}
