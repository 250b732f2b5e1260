using System.Text.Json.Nodes;
using AsperaNative.Emulators.Connect;
using AsperaNative.Rest;
using AsperaNative.Transfer.Desktop;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Progress;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>Connect through its local HTTP API (loopback stand-in), and the clear errors of the desktop clients on a server.</summary>
public sealed class DesktopAgentTests : IAsyncLifetime
{
    private readonly StandIn _s = new();
    private ConnectEmulator _connect = null!;
    private readonly RestFactory _rest = new(() => new RestSettings { Http = HttpOptions.Default with { RetrySleep = TimeSpan.Zero, UserAgent = "ascli/4.21.1" } });
    private static readonly Func<string, string?> Desktop = static name => name == "DISPLAY" ? ":0" : null;

    public async Task InitializeAsync() => _connect = await ConnectEmulator.StartAsync(_s.Path_("home"), _s.Path_("storage"));

    public async Task DisposeAsync()
    {
        await _connect.DisposeAsync();
        _rest.Dispose();
        _s.Dispose();
    }

    private ConnectAgent Agent()
    {
        var agent = ConnectAgent.Create(_s.Path_("home"), _rest, new TransferLog(_s.Stderr, "warn"), Desktop);
        agent.PollInterval = TimeSpan.FromMilliseconds(50);
        return agent;
    }

    [Fact]
    public async Task UploadTakesTheFilesSelectedInConnectAndFollowsItsProgress()
    {
        _connect.Selection.Add(_s.File_("picked.txt", "chosen in the dialog"));
        var spec = new JsonObject { ["direction"] = "send", ["token"] = "Bearer t", ["destination_root"] = "/in", ["paths"] = new JsonArray(new JsonObject { ["source"] = "ignored" }) };
        var progress = new ProgressRenderer(null);
        var statuses = await Agent().TransferAsync(spec, progress, null, CancellationToken.None);
        Assert.True(statuses.Single().Success, statuses.Single().Error?.Message);
        Assert.Equal("chosen in the dialog", File.ReadAllText(_s.Path_("storage/in/picked.txt")));
        Assert.Equal(20, progress.TotalBytes);
        Assert.Equal(20, progress.TransferredBytes);
        Assert.Contains("Connect requires upload selection using GUI, ignoring", _s.Stderr.ToString(), StringComparison.Ordinal);
        var started = _connect.Started.Single();
        Assert.Equal("token", started["transfer_specs"]![0]!["transfer_spec"]!["authentication"]!.ToString());
        Assert.True((bool)started["aspera_connect_settings"]!["allow_dialogs"]!);
        Assert.All(_connect.Origins, static o => Assert.Equal("ascli/4.21.1", o));
    }

    [Fact]
    public async Task DownloadFailureIsConnectsErrorDescription()
    {
        var spec = new JsonObject { ["direction"] = "receive", ["remote_host"] = "h", ["destination_root"] = "/tmp", ["paths"] = new JsonArray(new JsonObject { ["source"] = _s.Path_("nope") }) };
        var statuses = await Agent().TransferAsync(spec, new RecordingListener(), null, CancellationToken.None);
        Assert.Equal($"No such file or directory: {_s.Path_("nope")}", statuses.Single().Error!.Message);
    }

    [Fact]
    public void WithoutAGraphicalSessionConnectSaysWhichAgentsWork()
    {
        var e = Assert.Throws<Core.Errors.CliException>(() => ConnectAgent.Create(_s.Path_("home"), _rest, TransferLog.Silent, static _ => null));
        Assert.Equal("Using connect requires a graphical environment (IBM Aspera Connect is a desktop application): on this machine use --transfer=direct (ascp), node, httpgw or trsdk", e.Message);
        Assert.Equal("Other(RuntimeError)", e.Kind);
    }

    [Fact]
    public void WithoutConnectInstalledTheErrorSaysSo()
    {
        var e = Assert.Throws<Core.Errors.CliException>(() => ConnectAgent.Create(_s.Path_("nobody"), _rest, TransferLog.Silent, Desktop));
        Assert.StartsWith("Product: IBM Aspera Connect not found, please install.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlphaIsNotAvailableOnLinux()
        => Assert.Equal("IBM Aspera for desktop (--transfer=alpha) is not available on Linux: on this machine use --transfer=direct (ascp), node, httpgw or trsdk", DesktopClients.AlphaUnavailable().Message);
}
