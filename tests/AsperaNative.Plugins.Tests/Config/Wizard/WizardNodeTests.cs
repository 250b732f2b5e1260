using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Node;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary><c>config detect</c> and <c>config wizard</c> on an HSTS node (GET /ping, empty answer).</summary>
public sealed class WizardNodeTests : IClassFixture<NodeFixture>
{
    private readonly NodeFixture _node;

    public WizardNodeTests(NodeFixture node) => _node = node;

    private string Url => _node.Node.Url;

    [Fact]
    public void DetectFindsTheNodeOnly()
    {
        Assert.Equal($"node | HSTS Node API | {Url} | requires authentication", WizardRun.Single(_node.Home.Run("config", "detect", Url, "--insecure=yes", "--format=json")));
        // limited to one plugin: another one finds nothing
        Assert.Equal($"ERROR: Other(RuntimeError): No known application found at {Url}", _node.Home.Run("config", "detect", Url, "shares", "--insecure=yes").Error);
    }

    [Fact]
    public void AnUntrustedCertificateIsAWarningWithTheHint()
    {
        var run = _node.Home.Run("config", "detect", Url, "node");
        Assert.Equal($"ERROR: Other(RuntimeError): No known application found at {Url}", run.Error);
        Assert.Contains("certificate verify failed", run.Err);
        Assert.Contains("WARN -- : Use option --insecure=yes to allow unchecked certificate", run.Err);
    }

    [Fact]
    public void WizardWritesThePresetAndMakesItTheDefault()
    {
        using var home = new CliHome();
        string[] wizard = ["config", "wizard", Url, "node", "--insecure=yes", $"--username={NodeEmulator.AdminUser}", $"--password={NodeEmulator.AdminPassword}"];
        var run = home.Run(wizard);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal($"Using: HSTS Node API at {Url}\nPreparing preset: node_127_0_0_1_node_admin\nSetting config preset as default for node\nYou can test with:\nascli node info\nSaving config file.\n", run.Out);
        Assert.Equal($$"""{"url":"{{Url}}","username":"{{NodeEmulator.AdminUser}}","password":"{{NodeEmulator.AdminPassword}}"}""", WizardRun.Preset(home, "node_127_0_0_1_node_admin"));
        Assert.Equal("node_127_0_0_1_node_admin", WizardRun.DefaultOf(home, "node"));
        Assert.Equal(["config", "default", "node_127_0_0_1_node_admin"], WizardRun.Config(home).Select(static p => p.Key));
        // the preset works as the plugin's default
        Assert.Contains("\"version\"", home.Run("node", "info", "--insecure=yes", "--format=json").Out);

        // a second time: refused, unless overridden or not made default
        Assert.Equal("ERROR: Tool: A default configuration already exists for plugin 'node' (use --override=yes or --default=no)", home.Run(wizard).Error);
        Assert.Equal("ERROR: Tool: Preset already exists: node_127_0_0_1_node_admin  (use --override=yes or --id=<name>)", home.Run([.. wizard, "--default=no"]).Error);
        var again = home.Run([.. wizard, "--override=yes", "--default=no"]);
        Assert.True(again.Exit == 0, again.Err);
        Assert.EndsWith("You can test with:\nascli node -Pnode_127_0_0_1_node_admin info\nSaving config file.\n", again.Out);
    }

    [Fact]
    public void TestModeShowsThePresetWithoutSavingIt()
    {
        using var home = new CliHome();
        var run = home.Run("config", "wizard", Url, "--insecure=yes", "--username=u1", "--password=p1", "--test-mode=yes", "--format=json");
        Assert.True(run.Exit == 0, run.Err);
        // the password is a secret: hidden in the output
        Assert.Contains($$"""{"preset_value":{"url":"{{Url}}","username":"u1","password":""", run.Out);
        Assert.DoesNotContain("p1", run.Out);
        Assert.EndsWith(""","test_args":"info"}""" + "\n", run.Out);
        Assert.Equal("(none)", WizardRun.Preset(home, "node_127_0_0_1_u1"));
    }

    [Fact]
    public void MissingCredentialsAreAskedOrRequired()
        => Assert.Equal("ERROR: Argument: Missing mandatory option: username", _node.Home.Run("config", "wizard", Url, "--insecure=yes", "--test-mode=yes").Error);
}
