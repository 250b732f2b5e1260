using AsperaNative.Emulators.Orchestrator;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli orchestrator</c> on the binary against the Orchestrator emulator.</summary>
public sealed class OrchestratorTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private OrchestratorEmulator _orch = null!;

    public async Task InitializeAsync()
    {
        _orch = await OrchestratorEmulator.StartAsync();
        _orch.AddUser("orch_admin", "0rch!").AddProcess(1, "workflow_manager", "running");
        _orch.AddWorkflow(12, "Transcode").Output("ResultStep", "Complete_status_message", "Workflow completed with success");
    }

    [Fact]
    public void Workflows_processes_and_synchronous_start()
    {
        string[] login = ["orchestrator", $"--url={_orch.Url}", "--insecure=yes", "--username=orch_admin", "--password=0rch!"];
        Assert.Equal("12,Transcode\n", _ascli.Exec([.. login, "workflow", "list", "--fields=id,name", "--format=csv"]).Out);
        Assert.Equal("1,workflow_manager,running\n", _ascli.Exec([.. login, "processes", "--format=csv"]).Out);
        var start = _ascli.Exec([.. login, "workflow", "start", "12", "--result=ResultStep:Complete_status_message"]);
        Assert.Equal(0, start.Exit);
        Assert.Equal("Workflow completed with success\n", start.Out);
    }

    public async Task DisposeAsync()
    {
        await _orch.DisposeAsync();
        _ascli.Dispose();
    }
}
