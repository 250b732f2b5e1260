using AsperaNative.Emulators.Ats;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli ats</c> on the binary against the ATS emulator, its fixed hosts reached through --http-proxy.</summary>
public sealed class AtsTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private AtsEmulator _ats = null!;

    public async Task InitializeAsync()
    {
        _ats = (await AtsEmulator.StartAsync()).SeedDefaultServers();
        _ats.AddAccount("ibm_api_key_1", "inst-0001", "ats_AbCdEf123", "AtsS3cret");
    }

    [Fact]
    public void Cluster_and_api_key_instances()
    {
        string[] common = ["ats", $"--http-proxy={_ats.ProxyUrl}", "--insecure=yes"];
        var show = _ascli.Exec([.. common, "cluster", "show", "--cloud=aws", "--region=eu-west-1", "--format=json"]);
        Assert.Equal(0, show.Exit);
        Assert.Contains("\"id\":\"aws_eu-west-1\"", show.Out);
        var instances = _ascli.Exec([.. common, "--ibm-api-key=ibm_api_key_1", "api_key", "instances", "--format=csv"]);
        Assert.Equal(0, instances.Exit);
        Assert.Equal("inst-0001\n", instances.Out);
    }

    public async Task DisposeAsync()
    {
        await _ats.DisposeAsync();
        _ascli.Dispose();
    }
}
