using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Grpc;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Progress;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>The Transfer SDK agent over gRPC against the stand-in daemon, which runs the stand-in ascp: files really move.</summary>
public sealed class TransferdAgentTests : IDisposable
{
    private readonly StandIn _s = new();
    private readonly string _sdk;

    public TransferdAgentTests() => _sdk = _s.InstallSdk();

    public void Dispose() => _s.Dispose();

    private TransferdAgent Agent(JsonObject? info = null)
        => new(TransferdOptions.From(info ?? []), new AscpInstallation(_s.Root, null, null, _sdk), new TransferLog(_s.Stderr, "warn"));

    private JsonObject Upload(params string[] sources) => new()
    {
        ["direction"] = "send", ["remote_host"] = "localhost", ["remote_user"] = "u", ["create_dir"] = true, ["destination_root"] = _s.Path_("out"),
        ["paths"] = new JsonArray([.. sources.Select(s => (JsonNode)new JsonObject { ["source"] = _s.Path_(s) })]),
    };

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static bool Running(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private List<int> DaemonPids() => [.. Directory.EnumerateDirectories("/proc")
        .Select(static d => int.TryParse(Path.GetFileName(d), out int p) ? p : 0).Where(static p => p > 0)
        .Where(p => { try { return File.ReadAllText($"/proc/{p}/cmdline").Contains("asperatransferd", StringComparison.Ordinal) && File.ReadAllText($"/proc/{p}/environ").Contains(_s.LogPath, StringComparison.Ordinal); } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; } })];

    [Fact]
    public async Task ADaemonStartedOnAFreePortTransfersAndIsStoppedAfter()
    {
        _s.File_("src/a.txt", "alpha");
        _s.File_("src/é b.txt", "beta");
        var progress = new ProgressRenderer(null);
        var statuses = await Agent().TransferAsync(Upload("src/a.txt", "src/é b.txt"), progress, null, CancellationToken.None);
        Assert.True(statuses.Single().Success, statuses.Single().Error?.Message + _s.Stderr);
        Assert.Equal("alpha", File.ReadAllText(_s.Path_("out/a.txt")));
        Assert.Equal("beta", File.ReadAllText(_s.Path_("out/é b.txt")));
        Assert.Equal(9, progress.TotalBytes);
        Assert.Equal(9, progress.TransferredBytes);
        Assert.Equal(1, progress.EndedSessions);
        // the daemon ran ascp with the spec's arguments, then was stopped
        Assert.Contains("--mode", s_Argv(_s.Runs().Single()));
        Assert.Empty(DaemonPids());
    }

    private static List<string> s_Argv(JsonObject run) => [.. run["argv"]!.AsArray().Select(static a => a!.ToString())];

    [Fact]
    public async Task AKeptDaemonServesTheNextTransfersAsAnExternalOne()
    {
        _s.File_("src/a.txt", "alpha");
        string url = $":{FreePort()}";
        try
        {
            Assert.True((await Agent(new JsonObject { ["url"] = url, ["keep"] = true }).TransferAsync(Upload("src/a.txt"), new RecordingListener(), null, CancellationToken.None)).Single().Success);
            var kept = DaemonPids();
            Assert.Single(kept);
            File.Delete(_s.Path_("out/a.txt"));
            Assert.True((await Agent(new JsonObject { ["url"] = url, ["external"] = true }).TransferAsync(Upload("src/a.txt"), new RecordingListener(), null, CancellationToken.None)).Single().Success);
            Assert.Equal("alpha", File.ReadAllText(_s.Path_("out/a.txt")));
            Assert.Equal(kept, DaemonPids());
            // attaching without external nor keep says so
            Assert.True((await Agent(new JsonObject { ["url"] = "127.0.0.1" + url }).TransferAsync(Upload("src/a.txt"), new RecordingListener(), null, CancellationToken.None)).Single().Success);
            Assert.Contains("Attached to existing daemon", _s.Stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var pid in DaemonPids()) Process.GetProcessById(pid).Kill();
        }
    }

    [Fact]
    public async Task AnExternalDaemonThatIsNotThereIsGrpcUnavailable()
    {
        string url = $":{FreePort()}";
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent(new JsonObject { ["url"] = url, ["external"] = true })
            .TransferAsync(Upload("x"), new RecordingListener(), null, CancellationToken.None));
        Assert.Equal("Other(GRPC::Unavailable)", e.Kind);
        Assert.StartsWith("14:failed to connect to all addresses", e.Message, StringComparison.Ordinal);
        Assert.Empty(DaemonPids());
    }

    [Fact]
    public async Task AFailedTransferGivesAscpsDescription()
    {
        var statuses = await Agent().TransferAsync(Upload("src/missing"), new RecordingListener(), null, CancellationToken.None);
        var error = Assert.IsType<Errors.TransferException>(statuses.Single().Error);
        Assert.Equal($"No such file or directory: {_s.Path_("src/missing")}", error.Message);
        Assert.Equal(4, error.Code);
    }

    [Fact]
    public async Task InterruptionStopsTheTransferItsAscpAndTheDaemon()
    {
        _s.File_("src/a.txt", "alpha");
        _s.File_("src/b.txt", "beta");
        _s.Environment["ASCP_STANDIN_STALL"] = "60";
        _s.InstallSdk();
        using var cancel = new CancellationTokenSource();
        var listener = new CancelOnTransfer(cancel);
        var watch = Stopwatch.StartNew();
        var statuses = await Agent().TransferAsync(Upload("src/a.txt", "src/b.txt"), listener, null, cancel.Token);
        Assert.Equal("transfer interrupted by user", statuses.Single().Error!.Message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 30);
        int ascp = (int)_s.Runs().Single()["pid"]!;
        Assert.True(SpinWait.SpinUntil(() => !Running(ascp), 5000), "ascp still running");
        Assert.Empty(DaemonPids());
        Assert.Equal("CANCEL", JsonNode.Parse(File.ReadAllLines(_s.LogPath + ".commands").Single())!["Type"]!.ToString());
        Assert.False(File.Exists(_s.Path_("out/b.txt")));
    }

    private sealed class CancelOnTransfer(CancellationTokenSource cancel) : Agents.ITransferListener
    {
        public void OnProgress(Agents.ProgressEvent e)
        {
            if (e.Kind == Agents.ProgressKind.Transfer && e.Bytes > 0) cancel.CancelAfter(200);
        }
    }

    [Fact]
    public async Task ADaemonThatCannotStartSaysWhereItsLogsAre()
    {
        File.WriteAllText(Path.Combine(_sdk, "asperatransferd"), "#!/bin/sh\necho bad config >&2\nexit 3\n");
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent().TransferAsync(Upload("x"), new RecordingListener(), null, CancellationToken.None));
        Assert.Matches("^Transfer daemon exited with status 3. Check files: .*transferd_[0-9a-f]+\\.out and .*\\.err$", e.Message);
        string err = e.Message[(e.Message.LastIndexOf(" and ", StringComparison.Ordinal) + 5)..];
        Assert.Equal("bad config\n", File.ReadAllText(err));
    }

    [Fact]
    public void OptionsAreCheckedAsAscli()
    {
        Assert.Equal("Cannot use options `keep` or `external` with port zero", Assert.Throws<Core.Errors.CliException>(() => TransferdOptions.From(new JsonObject { ["keep"] = true })).Message);
        Assert.Equal("unknown keyword: :port", Assert.Throws<Core.Errors.CliException>(() => TransferdOptions.From(new JsonObject { ["port"] = 1 })).Message);
        Assert.Equal(":55002", TransferdOptions.From(new JsonObject { ["url"] = ":55002", ["external"] = true }).Url);
    }
}
