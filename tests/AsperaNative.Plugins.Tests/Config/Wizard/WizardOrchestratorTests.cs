using AsperaNative.Emulators.Orchestrator;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>Orchestrator: its health check answers anonymous callers with its version, below /aspera/orchestrator.</summary>
public sealed class WizardOrchestratorTests : BasicAuthWizardTests
{
    private OrchestratorEmulator _orchestrator = null!;

    protected override string Product => "orchestrator";
    protected override string ApplicationName => "Orchestrator";
    protected override string Url => _orchestrator.Url;
    protected override string? ShortAddress => Url[..^OrchestratorEmulator.BasePath.Length];
    protected override string Version => OrchestratorEmulator.Version;
    protected override string TestArguments => "workflow list";
    protected override (string User, string Password) Account => ("orch_admin", "0rch!");

    public override async Task InitializeAsync()
    {
        _orchestrator = await OrchestratorEmulator.StartAsync();
        _orchestrator.AddUser("orch_admin", "0rch!");
    }

    protected override Task StopAsync() => _orchestrator.DisposeAsync().AsTask();
}
