using AsperaNative.Emulators.Faspex4;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>Faspex 4: a POST asking for XRDS answers the application's version, below /aspera/faspex.</summary>
public sealed class WizardFaspex4Tests : BasicAuthWizardTests
{
    private readonly string _storage = Directory.CreateTempSubdirectory("aspn-wiz-f4-").FullName;
    private Faspex4Emulator _faspex = null!;

    protected override string Product => "faspex";
    protected override string ApplicationName => "Faspex";
    protected override string Url => _faspex.Url;
    protected override string? ShortAddress => Url[..^Faspex4Emulator.BasePath.Length]["https://".Length..];
    protected override string Version => Faspex4Emulator.Version;
    protected override string TestArguments => "me";
    protected override (string User, string Password) Account => ("jdoe", "F4spex!");

    public override async Task InitializeAsync()
    {
        _faspex = await Faspex4Emulator.StartAsync(_storage);
        _faspex.AddUser("jdoe", "F4spex!", firstName: "John", lastName: "Doe", admin: true);
    }

    protected override async Task StopAsync()
    {
        await _faspex.DisposeAsync();
        Directory.Delete(_storage, recursive: true);
    }
}
