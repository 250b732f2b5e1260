using System.Diagnostics;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Progress;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>The direct agent running the stand-in ascp for real: files, retries, sessions, failures.</summary>
public sealed class DirectAgentTests
{
    private static JsonObject Spec(StandIn s, string destination, bool createDir, params string[] sources)
    {
        var paths = new JsonArray();
        foreach (var source in sources) paths.Add((JsonNode)new JsonObject { ["source"] = s.Path_(source) });
        var spec = new JsonObject
        {
            ["direction"] = "send",
            ["remote_host"] = "localhost",
            ["remote_user"] = "u",
            ["destination_root"] = s.Path_(destination),
            ["paths"] = paths,
        };
        if (createDir) spec["create_dir"] = true;
        return spec;
    }

    private static IReadOnlyList<SessionStatus> Run(StandIn s, JsonObject spec, JsonObject? info = null, ITransferListener? listener = null)
        => s.Agent(info ?? new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 0 } })
            .TransferAsync(spec, listener ?? new RecordingListener(), null, CancellationToken.None).GetAwaiter().GetResult();

    private static List<string> Tree(StandIn s, string folder)
        => [.. Directory.EnumerateFiles(s.Path_(folder), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(s.Root, f)).Order(StringComparer.Ordinal)];

    // the manual's table "Source directory structure on destination" (d3 holds f1 and d4/f2)
    [Theory]
    [InlineData("d/f", false, new[] { "f1" }, new[] { "d" }, new[] { "d/f" })]
    [InlineData("d/f/.", false, new[] { "f1" }, new[] { "d" }, new[] { "d/f" })]
    [InlineData("d/f", false, new[] { "f1" }, new[] { "d/f" }, new[] { "d/f/f1" })]
    [InlineData("d", false, new[] { "f1", "f2" }, new[] { "d" }, new[] { "d/f1", "d/f2" })]
    [InlineData("d", false, new[] { "d3" }, new string[0], new[] { "d/d4/f2", "d/f1" })]
    [InlineData("d", true, new[] { "f1" }, new string[0], new[] { "d/f1" })]
    [InlineData("d", true, new[] { "f1", "f2" }, new string[0], new[] { "d/f1", "d/f2" })]
    [InlineData("d", true, new[] { "d1/f1", "d2/f2" }, new string[0], new[] { "d/f1", "d/f2" })]
    [InlineData("d", true, new[] { "d3" }, new string[0], new[] { "d/d3/d4/f2", "d/d3/f1" })]
    public void FilesArriveWithTheDocumentedLayout(string destination, bool createDir, string[] sources, string[] existing, string[] expected)
    {
        using var s = new StandIn();
        foreach (var f in new[] { "src/f1", "src/f2", "src/d1/f1", "src/d2/f2", "src/d3/f1", "src/d3/d4/f2" }) s.File_(f, f);
        string dest = "out/" + destination;
        Directory.CreateDirectory(s.Path_("out"));
        foreach (var d in existing) Directory.CreateDirectory(s.Path_("out/" + d));
        var statuses = Run(s, Spec(s, dest, createDir, [.. sources.Select(static x => "src/" + x)]));
        Assert.True(statuses.All(static x => x.Success), string.Join("; ", statuses.Select(static x => x.Error?.Message)));
        Assert.Equal(expected.Select(static e => "out/" + e), Tree(s, "out"));
    }

    [Fact]
    public void MissingParentIsAnError()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        var statuses = Run(s, Spec(s, "out/d/f", false, "src/f1"));
        Assert.Contains("does not exist", statuses.Single().Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetriesExactlyAsConfigured()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        s.Environment["ASCP_STANDIN_FAIL"] = "16:Connection lost";
        s.Environment["ASCP_STANDIN_FAIL_TIMES"] = "2";
        var info = new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 3, ["sleep_initial"] = 0, ["sleep_factor"] = 1, ["sleep_max"] = 0 } };
        var statuses = Run(s, Spec(s, "out", true, "src/f1"), info);
        Assert.True(statuses.Single().Success);
        Assert.Equal(3, s.Runs().Count);
        Assert.True(File.Exists(s.Path_("out/f1")));
        Assert.Contains("Resuming in 0 seconds (retry left:2)", s.Stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivesUpAfterIterMaxWithTheSleepsConfigured()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        s.Environment["ASCP_STANDIN_FAIL"] = "13:Timeout";
        var info = new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 2, ["sleep_initial"] = 1, ["sleep_factor"] = 1, ["sleep_max"] = 1 } };
        var statuses = Run(s, Spec(s, "out", true, "src/f1"), info);
        Assert.Equal("Maximum number of retry reached (2)", statuses.Single().Error!.Message);
        var times = s.Runs().Select(static r => (double)r["t"]!).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times.Zip(times.Skip(1), static (a, b) => b - a), static d => Assert.InRange(d, 0.9, 3.0));
    }

    [Fact]
    public void MultiSessionSplitsFilesAndTotalsProgress()
    {
        using var s = new StandIn();
        var sources = Enumerable.Range(1, 6).Select(i => s.File_($"src/f{i}", new string('x', i * 100))).Select(p => Path.GetRelativePath(s.Root, p)).ToArray();
        var spec = Spec(s, "out", true, sources);
        spec["multi_session"] = 3;
        spec["fasp_port"] = 34000;
        var progress = new ProgressRenderer(null);
        var info = new JsonObject { ["spawn_delay_sec"] = 0.1, ["multi_incr_udp"] = true, ["resume"] = new JsonObject { ["iter_max"] = 0 } };
        var statuses = Run(s, spec, info, progress);
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, static x => Assert.True(x.Success));
        Assert.Equal(6, Tree(s, "out").Count);
        var argv = s.Runs().Select(static r => string.Join(' ', ((JsonArray)r["argv"]!).Select(static a => a!.ToString()))).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(argv, static a => a.Contains("-O 34000 -C1:3", StringComparison.Ordinal));
        Assert.Contains(argv, static a => a.Contains("-O 34001 -C2:3", StringComparison.Ordinal));
        Assert.Contains(argv, static a => a.Contains("-O 34002 -C3:3", StringComparison.Ordinal));
        Assert.Equal(3, progress.SessionCount);
        Assert.Equal(2100, progress.TotalBytes);
        Assert.Equal(2100, progress.TransferredBytes);
        Assert.Equal(3, progress.EndedSessions);
        Assert.Contains(" 100% ", progress.Line(final: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AscpDyingWhileSocketIsHeldFailsWithinTenSecondsAfterTheResumePolicy()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        s.File_("src/f2", "y");
        s.Environment["ASCP_STANDIN_LEAK_SOCKET"] = "30";
        var watch = Stopwatch.StartNew();
        // the default policy: a non-retryable error gets one more chance after sleep_initial (2 s)
        var statuses = await s.Agent().TransferAsync(Spec(s, "out", true, "src/f1", "src/f2"), new RecordingListener(), null, CancellationToken.None);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
        var error = Assert.IsType<Errors.TransferException>(statuses.Single().Error);
        Assert.Equal("unexpected last event type: STOP, ", error.Message);
        Assert.Equal(2, s.Runs().Count);
        string log = s.Stderr.ToString();
        Assert.Contains("ascp failed (pid ", log, StringComparison.Ordinal);
        Assert.Contains("Resuming in 2 seconds (retry left:6)", log, StringComparison.Ordinal);
        Assert.Contains("non-retryable error", log, StringComparison.Ordinal);
    }

    [Fact]
    public void AscpDyingAfterAFileErrorReportsThatError()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        s.Environment["ASCP_STANDIN_LEAK_SOCKET"] = "30";
        // the missing first source is a FILEERROR, then ascp dies while sending the next one
        var statuses = Run(s, Spec(s, "out", true, "src/missing", "src/f1"), new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 0, ["sleep_initial"] = 0 } });
        Assert.StartsWith("unexpected last event type: ", statuses.Single().Error!.Message, StringComparison.Ordinal);
        Assert.EndsWith($", No such file or directory: {s.Path_("src/missing")}", statuses.Single().Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AscpExitingWithoutConnectingFailsAtOnce()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        File.WriteAllText(s.AscpPath, "#!/bin/sh\nexit 3\n");
        var watch = Stopwatch.StartNew();
        var statuses = Run(s, Spec(s, "out", true, "src/f1"), new JsonObject { ["spawn_timeout_sec"] = 20, ["resume"] = new JsonObject { ["iter_max"] = 0, ["sleep_initial"] = 0 } });
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal("timeout waiting mgt port connect (select not readable)", statuses.Single().Error!.Message);
        Assert.Contains("ascp failed (pid ", s.Stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FileErrorsAreLoggedAndFailTheSession()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        var events = new EventRecorder();
        var statuses = Run(s, Spec(s, "out", true, "src/f1", "src/missing"), listener: events);
        Assert.Equal("One or more files failed", statuses.Single().Error!.Message);
        Assert.Equal(27, ((Errors.TransferException)statuses.Single().Error!).Code);
        Assert.True(File.Exists(s.Path_("out/f1")));
        Assert.Contains("FILEERROR", events.Types);
        Assert.Contains($"ERROR -- : No such file or directory: {s.Path_("src/missing")}", s.Stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SkippedFilesAreReportedAndTheSessionSucceeds()
    {
        using var s = new StandIn();
        s.File_("src/f1", "new");
        s.File_("out/f1", "old");
        var spec = Spec(s, "out", true, "src/f1");
        spec["overwrite"] = "never";
        var events = new EventRecorder();
        Assert.True(Run(s, spec, listener: events).Single().Success);
        Assert.Equal("old", File.ReadAllText(s.Path_("out/f1")));
        Assert.Contains("SKIP", events.Types);
        Assert.DoesNotContain("START", events.Types);
        Assert.Equal("1", events.Last("DONE")!["TransfersSkipped"]);
    }

    [Fact]
    public async Task InterruptionSendsCancelToAscpWhichEndsItsSession()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        s.File_("src/f2", "y");
        s.Environment["ASCP_STANDIN_STALL"] = "60";
        using var cancel = new CancellationTokenSource();
        var events = new EventRecorder { OnEvent = e => { if (e.Type == "STOP") cancel.CancelAfter(300); } };
        var watch = Stopwatch.StartNew();
        var statuses = await s.Agent(new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 0 } })
            .TransferAsync(Spec(s, "out", true, "src/f1", "src/f2"), events, null, cancel.Token);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
        Assert.Equal("transfer interrupted by user", statuses.Single().Error!.Message);
        var commands = File.ReadAllLines(s.LogPath + ".commands").Select(static l => JsonNode.Parse(l)!["Type"]!.ToString()).ToList();
        Assert.Equal(["CANCEL"], commands);
        int pid = (int)s.Runs().Single()["pid"]!;
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), "ascp still running");
        Assert.False(File.Exists(s.Path_("out/f2")));
    }

    [Fact]
    public void SilentAscpIsStopped()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        s.Environment["ASCP_STANDIN_SILENT"] = "30";
        var watch = Stopwatch.StartNew();
        var info = new JsonObject { ["silent_timeout_sec"] = 1, ["resume"] = new JsonObject { ["iter_max"] = 0 } };
        var statuses = Run(s, Spec(s, "out", true, "src/f1"), info);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 8);
        Assert.Contains("silent", statuses.Single().Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FauxSourcesAndDestinations()
    {
        using var s = new StandIn();
        var spec = new JsonObject
        {
            ["direction"] = "send", ["remote_host"] = "localhost", ["create_dir"] = true, ["destination_root"] = s.Path_("out"),
            ["paths"] = new JsonArray(new JsonObject { ["source"] = "faux:///big?2k" }, new JsonObject { ["source"] = "faux:///dir?count=3&size=10&inc=5" }),
        };
        Assert.True(Run(s, spec).Single().Success);
        Assert.Equal(2048, new FileInfo(s.Path_("out/big")).Length);
        Assert.Equal(20, new FileInfo(s.Path_("out/dir/file3")).Length);
        spec["destination_root"] = "faux://";
        Assert.True(Run(s, spec).Single().Success);
    }
}

/// <summary>The SSH bypass keys that ascp arguments refer to for token authentication.</summary>
public sealed class BypassKeyTests
{
    [Fact]
    public async Task KeyOfAnInstalledProductIsPlacedInTheSdkFolderAndAscpReadsIt()
    {
        using var s = new StandIn();
        // the stand-in's folder is laid out as a product: bin/ascp and etc/aspera_tokenauth_id_rsa
        s.File_("etc/aspera_tokenauth_id_rsa", "-----BEGIN RSA PRIVATE KEY-----\nkey\n-----END RSA PRIVATE KEY-----\n");
        s.File_("src/f1", "x");
        var spec = new JsonObject
        {
            ["direction"] = "send", ["remote_host"] = "localhost", ["token"] = "Bearer abc", ["create_dir"] = true,
            ["destination_root"] = s.Path_("out"), ["paths"] = new JsonArray(new JsonObject { ["source"] = s.Path_("src/f1") }),
        };
        var statuses = await s.Agent(new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 0 } })
            .TransferAsync(spec, new RecordingListener(), null, CancellationToken.None);
        Assert.True(statuses.Single().Success, statuses.Single().Error?.Message);
        string key = s.Path_("sdk/aspera_bypass_rsa.pem");
        Assert.Equal(File.ReadAllText(s.Path_("etc/aspera_tokenauth_id_rsa")), File.ReadAllText(key));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        var argv = s.Runs().Single()["argv"]!.AsArray().Select(static a => a!.ToString()).ToList();
        Assert.Equal(key, argv[argv.IndexOf("-i") + 1]);
    }

    [Fact]
    public async Task WithoutAnyKeyTheFailureIsAscpsOwn()
    {
        using var s = new StandIn();
        s.File_("src/f1", "x");
        var spec = new JsonObject
        {
            ["direction"] = "send", ["remote_host"] = "localhost", ["token"] = "Bearer abc",
            ["destination_root"] = s.Path_("out"), ["paths"] = new JsonArray(new JsonObject { ["source"] = s.Path_("src/f1") }),
        };
        var statuses = await s.Agent(new JsonObject { ["resume"] = new JsonObject { ["iter_max"] = 0, ["sleep_initial"] = 0 } })
            .TransferAsync(spec, new RecordingListener(), null, CancellationToken.None);
        Assert.Equal($"failed to read identity file {s.Path_("sdk/aspera_bypass_rsa.pem")}", statuses.Single().Error!.Message);
    }
}
