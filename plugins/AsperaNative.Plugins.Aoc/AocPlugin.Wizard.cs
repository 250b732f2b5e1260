// Plugin aoc: detection (config detect: https://<org>.<domain>/auth/ping redirects to the organization's login page
// oauth2/<org>/login; a bare name is an organization of ibmaspera.com) and wizard (manual "Configuration: Using
// Wizard"): a public link gives a link preset; else JWT with the global client (the user registers the public key
// in the profile) or an organization's API client (--use-generic-client=no), the user read with the new key.
using System.Text.Json.Nodes;
using AsperaNative.Auth;
using AsperaNative.Config;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Terminal;
using AsperaNative.Plugins.Aoc.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc;

public sealed partial class AocPlugin
{
    private const string PingEndpoint = "auth/ping";
    private const string RedirectLocalhost = "http://localhost:12345";
    private const string GenericClientOption = "use_generic_client";

    public string ApplicationName => "Aspera on Cloud";

    public async Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
    {
        string url = ApplicationProbe.Https(addressOrUrl);
        if (!url.Contains('.', StringComparison.Ordinal)) url = $"{url}.{AocLink.SaasDomain}";
        if (!url.StartsWith("https://", StringComparison.Ordinal)) return null;
        var response = await Aoc.Rest.Create(url).CallAsync(new RestRequest("GET", PingEndpoint) { ThrowOnError = false }, cancel);
        if (response.Header("Location") is not { } location) return null;
        var host = new Uri(url).Host;
        int dot = host.IndexOf('.');
        if (dot < 0) throw CliException.Assertion("expecting a public FQDN for Aspera on Cloud");
        string? organization = host[..dot] == "api" ? null : host[..dot];
        if (!new Uri(new Uri(url), location).AbsolutePath.EndsWith($"oauth2/{organization}/login", StringComparison.Ordinal)) return null;
        return new DetectedApplication(url, IsSaas(url) ? "SaaS" : "Self-managed");
    }

    /// <summary>A public link needs no key.</summary>
    public async Task<bool> RequiresPrivateKeyAsync(string url, CancellationToken cancel = default)
        => !(await AocLink.ReadAsync(Aoc.Rest, url, cancel)).IsPublic;

    public async Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
    {
        var options = Context.Options;
        string url = Basic.RequiredUrl;
        var link = await AocLink.ReadAsync(Aoc.Rest, url, cancel);
        if (link.IsPublic)
        {
            var check = await Aoc.Rest.Create($"https://{new Uri(link.PublicUrl!).Host}/api/v1")
                .ReadAsync("env/url_token_check", new JsonObject { ["token"] = link.PublicToken }, cancel);
            var preset = new JsonObject { ["link"] = url };
            if (check?["password_protected"] is JsonValue p && p.TryGetValue(out bool protectedLink) && protectedLink) preset["password"] = Basic.RequiredPassword;
            return new WizardPreset(preset, "organization");
        }
        // declared here only, as ascli: its default depends on the URL
        options.Declare([new OptionDescriptor(GenericClientOption, OptionType.Boolean, "Wizard: AoC: use global or org specific jwt client id")
        {
            Values = ["no", "yes"],
            Default = IsSaas(url) ? "yes" : "no",
        }]);
        options.Parse();
        string username = Basic.RequiredUsername;
        if (!ApplicationProbe.IsEmailAddress(username)) throw CliException.Runtime($"Username shall be an email in AoC: {username}");
        var terminal = Context.Terminal;
        var ui = new GlobalOptions(options).Ui;
        if (options.GetBoolean(GenericClientOption) == true)
        {
            Context.Status("Using global client_id.");
            Context.Status("Please Login to your Aspera on Cloud instance.");
            Context.Status("Navigate to: 👤 → Account Settings → Profile → Public Key");
            Context.Status(terminal.Style(terminal.Style("Check or update the value to:", Vt100.Red), Vt100.Blink));
            Context.Status(request.PublicKeyPem ?? "");
            if (new PresetOptions(options).TestMode != true)
            {
                Context.Status("Once updated or validated, press enter.");
                Browser.Open(new Uri(url), ui, terminal.Out);
                terminal.Out.Flush();
                terminal.In.ReadLine();
            }
        }
        else
        {
            Context.Status("Using organization specific client_id.");
            if (Aoc.Options.ClientId is null || Aoc.Options.ClientSecret is null)
            {
                Context.Status(terminal.Style("Please login to your Aspera on Cloud instance.", Vt100.Red));
                Context.Status("Navigate to: 𓃑  → Admin → Integrations → API Clients");
                Context.Status("Check or create in integration:");
                Context.Status("- name: cli");
                Context.Status($"- redirect uri: {RedirectLocalhost}");
                Context.Status("- origin: localhost");
                Context.Status(terminal.Style("Use the generated client id and secret in the following prompts.", Vt100.Red));
            }
            Browser.Open(new Uri($"{url}/admin/integrations/api-clients"), ui, terminal.Out);
            options.GetMandatory("client_id");
            options.GetMandatory("client_secret");
        }
        await Aoc.ApiAsync(cancel);
        var self = await Aoc.SelfAsync(cancel);
        var values = new JsonObject
        {
            ["url"] = url,
            ["username"] = self["email"]?.DeepClone(),
            ["auth"] = "jwt",
            ["private_key"] = "@file:" + request.PrivateKeyPath,
        };
        foreach (var name in new[] { "client_id", "client_secret" })
            if (options.Get(name) is { } value) values[name] = value.DeepClone();
        return new WizardPreset(values, "user profile show");
    }

    private static bool IsSaas(string url) => url.Contains(AocLink.SaasDomain, StringComparison.Ordinal);
}
