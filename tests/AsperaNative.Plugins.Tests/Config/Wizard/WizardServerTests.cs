using AsperaNative.Plugins.Tests.Server;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>HSTS over SSH against a real sshd: detected by the SSH identification it answers.</summary>
[Collection(SshdCollection.Name)]
public sealed class WizardServerTests(SshdFixture sshd) : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [SshdFact]
    public void DetectReadsTheServerIdentification()
    {
        var found = Assert.Single(WizardRun.Detected(_home.Run("config", "detect", sshd.Url, "--format=json")));
        Assert.Equal("server", found!["product"]!.ToString());
        Assert.Equal("HSTS Fasp/SSH", found["name"]!.ToString());
        Assert.Equal(sshd.Url, found["url"]!.ToString());
        Assert.StartsWith("OpenSSH_", found["version"]!.ToString());
    }

    [SshdFact]
    public void WizardCreatesTheServerPreset()
    {
        var run = _home.Run("config", "wizard", sshd.Url, "server", $"--username={SshdFixture.AscmdUser}", $"--password={SshdFixture.Password}");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal($"Using: HSTS Fasp/SSH at {sshd.Url}\nPreparing preset: server_127_0_0_1_aspn_ascmd\nSetting config preset as default for server\n"
            + "You can test with:\nascli server files br /\nSaving config file.\n", run.Out);
        Assert.Equal($$"""{"url":"{{sshd.Url}}","username":"{{SshdFixture.AscmdUser}}","password":"{{SshdFixture.Password}}"}""", WizardRun.Preset(_home, "server_127_0_0_1_aspn_ascmd"));
        Assert.Equal("server_127_0_0_1_aspn_ascmd", WizardRun.DefaultOf(_home, "server"));
    }

    [Fact]
    public void NothingAnsweringIsNoApplication()
        => Assert.Equal("ERROR: Other(RuntimeError): No known application found at ssh://127.0.0.1:1", _home.Run("config", "detect", "ssh://127.0.0.1:1").Error);
}
