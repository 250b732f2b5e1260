using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Simulator;
using AsperaNative.Rest;
using AsperaNative.Transfer.Httpgw;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Progress;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>The node simulator as a transfer server: its upload and download authorizations, and its HTTP Gateway, driven by the httpgw agent.</summary>
public sealed class SimulatorGatewayTests : IAsyncLifetime
{
    private readonly StandIn _s = new();
    private NodeSimulatorServer _server = null!;
    private Task _serving = null!;
    private readonly CancellationTokenSource _stop = new();
    private RestFactory _rest = null!;
    private string _url = "";

    public Task InitializeAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        _url = $"http://127.0.0.1:{port}/";
        Directory.CreateDirectory(_s.Path_("storage"));
        var settings = new NodeSimulatorSettings(new Uri(_url), "admin", "secret", _s.Path_("storage"), "4.4.5");
        _server = new NodeSimulatorServer(settings, _s.Agent());
        _serving = _server.RunAsync(_stop.Token);
        _rest = new RestFactory(() => new RestSettings { Http = HttpOptions.Default with { RetrySleep = TimeSpan.Zero } });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        await _serving;
        _server.Dispose();
        _rest.Dispose();
        _s.Dispose();
    }

    private NodeApiClient Node(string password = "secret") => NodeConnection.Create(_rest, _url, "admin", password);

    private HttpgwAgent Agent() => new(HttpgwOptions.From(new JsonObject { ["url"] = _url }), _rest, new TransferLog(TextWriter.Null));

    [Fact]
    public async Task UploadThenDownloadThroughTheSimulatorsGateway()
    {
        var spec = await Node().TransferSetupAsync("upload", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["destination"] = "/in" }) });
        Assert.Equal("/in", spec["destination_root"]!.ToString());
        Assert.StartsWith("ATM", spec["token"]!.ToString(), StringComparison.Ordinal);
        var data = new byte[1_000_000];
        new Random(1).NextBytes(data);
        File.WriteAllBytes(_s.Path_("big.bin"), data);
        _s.File_("folder/ü b/c.txt", "deep");
        spec["paths"] = new JsonArray(new JsonObject { ["source"] = _s.Path_("big.bin") }, new JsonObject { ["source"] = _s.Path_("folder") });
        var progress = new ProgressRenderer(null);
        Assert.True((await Agent().TransferAsync(spec, progress, null, CancellationToken.None)).Single().Success);
        Assert.Equal(data, File.ReadAllBytes(_s.Path_("storage/in/big.bin")));
        Assert.Equal("deep", File.ReadAllText(_s.Path_("storage/in/folder/ü b/c.txt")));
        Assert.Equal(1_000_004, progress.TransferredBytes);

        var down = await Node().TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["source"] = "/in/big.bin" }) });
        Directory.CreateDirectory(_s.Path_("back"));
        down["destination_root"] = _s.Path_("back");
        Assert.True((await Agent().TransferAsync(down, new RecordingListener(), null, CancellationToken.None)).Single().Success);
        Assert.Equal(data, File.ReadAllBytes(_s.Path_("back/big.bin")));

        var folder = await Node().TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["source"] = "/in/folder" }) });
        folder["destination_root"] = _s.Path_("back");
        Assert.True((await Agent().TransferAsync(folder, new RecordingListener(), null, CancellationToken.None)).Single().Success);
        using var zip = ZipFile.OpenRead(_s.Path_("back/folder.zip"));
        Assert.Equal("folder/ü b/c.txt", zip.Entries.Single().FullName);
    }

    [Fact]
    public async Task TokensAreCheckedByDirection()
    {
        var down = await Node().TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["source"] = "/x" }) });
        var upload = new JsonObject
        {
            ["direction"] = "send", ["token"] = down["token"]!.ToString(), ["destination_root"] = "/",
            ["paths"] = new JsonArray(new JsonObject { ["source"] = _s.File_("f", "x") }),
        };
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent().TransferAsync(upload, new RecordingListener(), null, CancellationToken.None));
        Assert.Equal("invalid token for upload", e.Message);
        Assert.False(File.Exists(_s.Path_("storage/f")));
    }

    [Fact]
    public async Task PathsCannotLeaveTheStorage()
    {
        var spec = await Node().TransferSetupAsync("upload", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["destination"] = "/../outside" }) });
        spec["paths"] = new JsonArray(new JsonObject { ["source"] = _s.File_("f", "x") });
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent().TransferAsync(spec, new RecordingListener(), null, CancellationToken.None));
        Assert.Equal("destination outside of storage: /../outside", e.Message);
        Assert.False(File.Exists(_s.Path_("outside/f")));
    }

    [Fact]
    public async Task SetupNeedsTheNodeCredentials()
    {
        var e = await Assert.ThrowsAsync<RestCallException>(() => Node("wrong").TransferSetupAsync("upload", new JsonObject { ["paths"] = new JsonArray() }));
        Assert.Equal(401, e.StatusCode);
    }
}
