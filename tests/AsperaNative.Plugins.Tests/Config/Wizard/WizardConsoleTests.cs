using AsperaNative.Emulators.Console;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>Console: the login page names the product and its version, below /aspera/console.</summary>
public sealed class WizardConsoleTests : BasicAuthWizardTests
{
    private ConsoleEmulator _console = null!;

    protected override string Product => "console";
    protected override string ApplicationName => "Console";
    protected override string Url => _console.Url;
    protected override string? ShortAddress => Url[..^ConsoleEmulator.BasePath.Length]["https://".Length..];
    protected override string Version => ConsoleEmulator.Version;
    protected override string TestArguments => "transfer list";
    protected override (string User, string Password) Account => ("admin", "C0nsole!");
    protected override bool TestCommandWorks => false;

    public override async Task InitializeAsync()
    {
        _console = await ConsoleEmulator.StartAsync();
        _console.AddUser("admin", "C0nsole!");
    }

    protected override Task StopAsync() => _console.DisposeAsync().AsTask();
}
