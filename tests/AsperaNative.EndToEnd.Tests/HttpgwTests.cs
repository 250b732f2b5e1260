using AsperaNative.Emulators.Httpgw;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli httpgw</c> on the binary against the gateway emulator.</summary>
public sealed class HttpgwTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private HttpgwEmulator _gw = null!;

    public async Task InitializeAsync() => _gw = await HttpgwEmulator.StartAsync();

    [Fact]
    public void Info_and_health()
    {
        var info = _ascli.Exec("httpgw", $"--url={_gw.ServerUrl}", "--insecure=yes", "info", "--format=json");
        Assert.Equal(0, info.Exit);
        Assert.StartsWith("{\"version\":\"2.3.0\",", info.Out);
        var health = _ascli.Exec("httpgw", $"--url={_gw.Url}/v1", "--insecure=yes", "health", "--format=nagios");
        Assert.Equal(0, health.Exit);
        Assert.Equal("OK - [api:answered ok]\n", health.Out);
    }

    [Fact]
    public void Http_scheme_is_an_error()
    {
        var run = _ascli.Exec("httpgw", "--url=http://127.0.0.1:1", "info");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Other(RuntimeError): GW URL shall be with scheme https", run.FirstError);
    }

    public async Task DisposeAsync()
    {
        await _gw.DisposeAsync();
        _ascli.Dispose();
    }
}
