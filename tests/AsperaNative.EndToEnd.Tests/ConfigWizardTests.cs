using AsperaNative.Emulators.Orchestrator;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli config detect</c> and <c>config wizard</c> on the binary against the Orchestrator emulator: the new default preset then serves the plugin.</summary>
public sealed class ConfigWizardTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private OrchestratorEmulator _orch = null!;

    public async Task InitializeAsync()
    {
        _orch = await OrchestratorEmulator.StartAsync();
        _orch.AddUser("orch_admin", "0rch!").AddWorkflow(12, "Transcode");
    }

    [Fact]
    public void Detect_then_wizard_then_the_default_preset_is_used()
    {
        string server = _orch.Url[..^OrchestratorEmulator.BasePath.Length];
        var detect = _ascli.Exec("config", "detect", server, "--insecure=yes", "--format=csv", "--fields=product,url,version");
        Assert.Equal(0, detect.Exit);
        Assert.Equal($"orchestrator,{_orch.Url},{OrchestratorEmulator.Version}\n", detect.Out);

        var wizard = _ascli.Exec("config", "wizard", server, "orchestrator", "--insecure=yes", "--username=orch_admin", "--password=0rch!");
        Assert.Equal(0, wizard.Exit);
        Assert.Equal($"Using: Orchestrator at {_orch.Url}\nPreparing preset: orchestrator_127_0_0_1_orch_admin\nSetting config preset as default for orchestrator\n"
            + "You can test with:\nascli orchestrator workflow list\nSaving config file.\n", wizard.Out);
        Assert.Equal("12,Transcode\n", _ascli.Exec("orchestrator", "workflow", "list", "--insecure=yes", "--fields=id,name", "--format=csv").Out);
        Assert.Equal("orchestrator_127_0_0_1_orch_admin\n", _ascli.Exec("config", "preset", "get", "default", "orchestrator").Out);
    }

    public async Task DisposeAsync()
    {
        await _orch.DisposeAsync();
        _ascli.Dispose();
    }
}
