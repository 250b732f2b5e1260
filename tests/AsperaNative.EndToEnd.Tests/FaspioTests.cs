using AsperaNative.Emulators.Faspio;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli faspio</c> on the binary against the faspio Gateway emulator.</summary>
public sealed class FaspioTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private FaspioEmulator _gw = null!;

    public async Task InitializeAsync()
    {
        _gw = await FaspioEmulator.StartAsync();
        _gw.AddUser("fio_admin", "F4spio!").AddBridge("tcp-to-fasp", "3000", "10.0.0.7");
    }

    private Ascli.Run Run(params string[] args)
        => _ascli.Exec(["faspio", $"--url={_gw.Url}", "--insecure=yes", "--auth=basic", "--username=fio_admin", "--password=F4spio!", .. args]);

    [Fact]
    public void Bridges_and_health()
    {
        var list = Run("bridges", "list", "--fields=id,name", "--format=csv");
        Assert.Equal(0, list.Exit);
        Assert.Equal("b1,tcp-to-fasp\n", list.Out);
        Assert.Equal("OK - [api:answered ok]\n", Run("health", "--format=nagios").Out);
        var missing = Run("bridges", "show", "b9");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("ERROR: Rest: bridge b9 not found", missing.FirstError);
    }

    public async Task DisposeAsync()
    {
        await _gw.DisposeAsync();
        _ascli.Dispose();
    }
}
