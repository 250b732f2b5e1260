// Plugin shares: detection (config detect: <url>/node_api/app refuses an anonymous call with Shares' own 401 body;
// the version is read from the login page) and wizard (url, username, password). Manual: "Configuration: wizard".
using System.Text.RegularExpressions;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Shares;

public sealed partial class SharesPlugin
{
    private const string AnonymousRefusal = """{"error":{"user_message":"API user authentication failed"}}""";

    public string ApplicationName => "Shares";

    public async Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
    {
        string url = ApplicationProbe.Https(addressOrUrl);
        var api = rest.Create(url, options: new RestClientOptions { RedirectMax = 1 });
        var app = await api.CallAsync(new RestRequest("GET", $"{NodeApiPath}/app") { ThrowOnError = false }, cancel);
        if (app.Status != 401 || app.Text != AnonymousRefusal) return null;
        var login = await api.CallAsync(new RestRequest("GET", "login"), cancel);
        var version = VersionInPage().Match(login.Text);
        return new DetectedApplication(url, version.Success ? version.Groups[1].Value : "unknown");
    }

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
        => Task.FromResult(WizardPreset.Basic(auth, "files br /"));

    [GeneratedRegex(@"\(v(1\..*)\)")]
    private static partial Regex VersionInPage();
}
