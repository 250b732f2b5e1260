// Plugin faspex5: detection (config detect: GET <url>[/aspera/faspex]/api/v5/configuration/ping answers 2xx with an
// empty body, the version in header X-IBM-Aspera) and wizard (JWT: url, username, private key, API client id and
// secret, with the steps an administrator follows to create the client). Manual: "Configuration: wizard",
// "Faspex 5 JWT authentication".
using System.Text.Json.Nodes;
using AsperaNative.Auth;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Terminal;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspex5;

public sealed partial class Faspex5Plugin
{
    private const string StandardPath = "/aspera/faspex";
    private const string DetectEndpoint = "api/v5/configuration/ping";
    private const string VersionHeader = "X-IBM-Aspera";

    public string ApplicationName => "Faspex";

    public Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
        => ApplicationProbe.FirstAsync(
            ApplicationProbe.HttpsCandidates(addressOrUrl, StandardPath),
            async url =>
            {
                var response = await Rest.Create(url, options: new RestClientOptions { RedirectMax = 1 }).CallAsync(new RestRequest("GET", DetectEndpoint), cancel);
                if (!response.IsSuccess || response.Text.Trim().Length != 0) return null;
                return new DetectedApplication(ApplicationProbe.Before(response.Url, DetectEndpoint), response.Header(VersionHeader) ?? "5");
            });

    /// <summary>Faspex 5 users authenticate with JWT: the wizard always needs a key.</summary>
    public Task<bool> RequiresPrivateKeyAsync(string url, CancellationToken cancel = default) => Task.FromResult(true);

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
    {
        string url = Auth.RequiredUrl, username = Auth.RequiredUsername;
        if (!ApplicationProbe.IsEmailAddress(username)) throw CliException.Runtime($"Username shall be an email in Faspex: {username}");
        if (Options.ClientId is null || Options.ClientSecret is null)
        {
            var terminal = Context.Terminal;
            Context.Status(terminal.Style("Ask the ascli client id and secret to your Administrator.", Vt100.Red));
            Context.Status($"Admin should login to: {url}");
            Browser.Open(new Uri(url), new GlobalOptions(Context.Options).Ui, terminal.Out);
            Context.Status("Navigate to: 𓃑  → Admin → Configurations → API clients");
            Context.Status("Create an API client with:");
            Context.Status("- name: ascli");
            Context.Status("- JWT: enabled");
            Context.Status($"Then, logged in as {terminal.Style(username, Vt100.Red)} go to your profile:");
            Context.Status("👤 → Account Settings → Preferences -> Public Key in PEM:");
            Context.Status(request.PublicKeyPem ?? "");
            Context.Status("Once set, fill in the parameters:");
        }
        return Task.FromResult(new WizardPreset(new JsonObject
        {
            ["url"] = url,
            ["username"] = username,
            ["auth"] = "jwt",
            ["private_key"] = "@file:" + request.PrivateKeyPath,
            ["client_id"] = Context.Options.GetMandatoryString("client_id"),
            ["client_secret"] = Context.Options.GetMandatoryString("client_secret"),
        }, "user profile show"));
    }
}
