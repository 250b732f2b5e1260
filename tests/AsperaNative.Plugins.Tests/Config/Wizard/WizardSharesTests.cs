using AsperaNative.Emulators.Shares;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>Shares: its node API refuses anonymous calls with its own 401 body; version from the login page.</summary>
public sealed class WizardSharesTests : BasicAuthWizardTests
{
    private readonly string _storage = Directory.CreateTempSubdirectory("aspn-wiz-shares-").FullName;
    private SharesEmulator _shares = null!;

    protected override string Product => "shares";
    protected override string ApplicationName => "Shares";
    protected override string Url => _shares.Url;
    protected override string? ShortAddress => null;
    protected override string Version => SharesEmulator.Version;
    protected override string TestArguments => "files br /";
    protected override (string User, string Password) Account => ("sam", "Sh4res!");

    public override async Task InitializeAsync()
    {
        _shares = await SharesEmulator.StartAsync(_storage, "/shares");
        _shares.AddUser("sam", "Sh4res!", admin: true);
        _shares.AddShare("project_x", "/projects/x");
    }

    protected override async Task StopAsync()
    {
        await _shares.DisposeAsync();
        Directory.Delete(_storage, recursive: true);
    }
}
