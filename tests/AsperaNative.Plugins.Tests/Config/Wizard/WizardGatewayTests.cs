using AsperaNative.Emulators.Faspio;
using AsperaNative.Emulators.Httpgw;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>HTTP Gateway (its v1/info) and faspio Gateway (its ping and Server header): detected, but without wizard, as ascli.</summary>
public sealed class WizardGatewayTests : IAsyncLifetime
{
    private readonly CliHome _home = new();
    private HttpgwEmulator _httpgw = null!;
    private FaspioEmulator _faspio = null!;

    public async Task InitializeAsync()
    {
        _httpgw = await HttpgwEmulator.StartAsync(prefix: "/gw");
        _faspio = await FaspioEmulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _httpgw.DisposeAsync();
        await _faspio.DisposeAsync();
        _home.Dispose();
    }

    [Fact]
    public void HttpgwIsDetectedAtItsApiRootAndHasNoWizard()
    {
        // the server URL is completed with the gateway's path, as the plugin does
        Assert.Equal($"httpgw | HTTP Gateway | {_httpgw.Url}/v1 | 2.3.0", WizardRun.Single(_home.Run("config", "detect", _httpgw.ServerUrl, "--insecure=yes", "--format=json")));
        Assert.Equal("ERROR: Argument: Detected: httpgw, but this application has no wizard", _home.Run("config", "wizard", _httpgw.Url, "--insecure=yes").Error);
    }

    [Fact]
    public void FaspioIsDetectedByItsServerHeader()
    {
        Assert.Equal($"faspio | faspio Gateway | {_faspio.Url} | {FaspioEmulator.Version}", WizardRun.Single(_home.Run("config", "detect", _faspio.Url, "--insecure=yes", "--format=json")));
        var run = _home.Run("config", "wizard", _faspio.Url, "faspio", "--insecure=yes");
        Assert.Equal("ERROR: Argument: Detected: faspio, but this application has no wizard", run.Error);
        Assert.Equal($"Using: faspio Gateway at {_faspio.Url}\n", run.Out);
    }
}
