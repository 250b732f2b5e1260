using System.Security.Cryptography;
using AsperaNative.Plugins.Tests.Aoc;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>
/// Aspera on Cloud (reached through the emulator's proxy as the real hosts): detection of an organization by the
/// redirection of auth/ping to its login page, and the JWT wizard with the global client (the user's public key
/// shown for the profile, then the user read with the key) or an organization's client.
/// </summary>
public sealed class WizardAocTests(AocFixture aoc) : IClassFixture<AocFixture>
{
    private string[] Proxy => [$"--http-proxy={aoc.Aoc.ProxyUrl}", "--insecure=yes"];

    [Fact]
    public void DetectFindsTheOrganization()
    {
        string expected = $"aoc | Aspera on Cloud | {aoc.Aoc.OrgUrl} | SaaS";
        Assert.Equal(expected, WizardRun.Single(aoc.Home.Run(["config", "detect", aoc.Aoc.OrgUrl, "--format=json", .. Proxy])));
        // a bare name is an organization of ibmaspera.com
        Assert.Equal(expected, WizardRun.Single(aoc.Home.Run(["config", "detect", aoc.Aoc.Options.Organization, "aoc", "--format=json", .. Proxy])));
        Assert.Equal("ERROR: Other(RuntimeError): No known application found at otherorg", aoc.Home.Run(["config", "detect", "otherorg", "aoc", .. Proxy]).Error);
    }

    [Fact]
    public void WizardWithTheGlobalClientWaitsForTheProfileUpdateThenSavesTheDefault()
    {
        using var home = new CliHome();
        var run = home.RunWithInput("\n", ["config", "wizard", aoc.Aoc.Options.Organization, "aoc", "--username=john.doe@example.com", $"--key-path={aoc.KeyFile}", "--ui=text", .. Proxy]);
        Assert.True(run.Exit == 0, run.Err);
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(aoc.KeyFile));
        string org = aoc.Aoc.OrgUrl;
        const string preset = "aoc_myorg_ibmaspera_com_john_doe_example_com";
        Assert.Equal($"Using: Aspera on Cloud at {org}\nUsing existing key:\n{aoc.KeyFile}\nUsing global client_id.\nPlease Login to your Aspera on Cloud instance.\n"
            + $"Navigate to: 👤 → Account Settings → Profile → Public Key\nCheck or update the value to:\n{key.ExportSubjectPublicKeyInfoPem()}\n"
            + $"Once updated or validated, press enter.\nUSER ACTION: please enter this url in a browser:\n{org}\n"
            + $"Preparing preset: {preset}\nSetting config preset as default for aoc\nYou can test with:\nascli aoc user profile show\nSaving config file.\n", run.Out);
        Assert.Equal($$"""{"url":"{{org}}","username":"john.doe@example.com","auth":"jwt","private_key":"@file:{{aoc.KeyFile}}"}""", WizardRun.Preset(home, preset));
        Assert.Equal(preset, WizardRun.DefaultOf(home, "aoc"));
        var profile = home.Run(["aoc", "user", "profile", "show", "--format=json", .. Proxy]);
        Assert.True(profile.Exit == 0, profile.Err);
        Assert.Contains("John Doe", profile.Out);
    }

    [Fact]
    public void WizardInTestModeWithAnOrganizationClientShowsThePreset()
    {
        using var home = new CliHome();
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(aoc.KeyFile));
        var client = aoc.Aoc.Seed.AddClient("cli", key.ExportSubjectPublicKeyInfoPem());
        var run = home.Run(["config", "wizard", aoc.Aoc.OrgUrl, "aoc", "--username=john.doe@example.com", $"--key-path={aoc.KeyFile}", "--use-generic-client=no",
            $"--client-id={client["id"]}", $"--client-secret={client["secret"]}", "--test-mode=yes", "--ui=text", "--format=json", .. Proxy]);
        Assert.True(run.Exit == 0, run.Err);
        Assert.True(run.Out.Contains($$"""{"preset_value":{"url":"{{aoc.Aoc.OrgUrl}}","username":"john.doe@example.com","auth":"jwt","private_key":"🔑","client_id":"{{client["id"]}}",""", StringComparison.Ordinal), run.Out);
        Assert.EndsWith("\"test_args\":\"user profile show\"}\n", run.Out);
        Assert.Contains("Using organization specific client_id.\n", run.Out);
        Assert.DoesNotContain("Please login to your Aspera on Cloud instance.", run.Out);
        Assert.Contains("USER ACTION: please enter this url in a browser:\n" + aoc.Aoc.OrgUrl + "/admin/integrations/api-clients\n", run.Out);
        Assert.False(File.Exists(home.ConfigFile) && File.ReadAllText(home.ConfigFile).Contains("aoc_"), "test mode writes nothing");
    }

    [Fact]
    public void TheUserMustBeAnEmailAddress()
        => Assert.Equal("ERROR: Other(RuntimeError): Username shall be an email in AoC: john",
            aoc.Home.Run(["config", "wizard", aoc.Aoc.OrgUrl, "aoc", "--username=john", $"--key-path={aoc.KeyFile}", "--test-mode=yes", .. Proxy]).Error);
}
