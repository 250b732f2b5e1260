using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// The manual's "Hot folder" examples run on the binary as cron runs them, one run after the other, with the
/// stand-in ascp applying the transfer spec's options to real folders: "Upload hot folder" (sources removed once
/// sent, empty folders removed, growing files held back by exclude_newer_than), "Unidirectional synchronization"
/// (resume_policy sparse_csum: unchanged files skipped, a changed one sent again), and the lock port that makes a
/// run skip while the previous one is still going. File ages are set on the files, never waited for.
/// </summary>
public sealed class HotFolderTests : IDisposable
{
    private readonly Ascli _ascli = new();
    private readonly string _ascp;
    private readonly string _log;
    private readonly string _target;

    public HotFolderTests()
    {
        _ascp = TransferSupport.InstallStandIn(_ascli.Home);
        _log = Path.Combine(_ascli.Home, "ascp.log");
        _target = Path.Combine(_ascli.Home, "Upload");
    }

    public void Dispose() => _ascli.Dispose();

    private string Home(string relative) => Path.Combine(_ascli.Home, relative);

    /// <summary>A file below the home folder, modified <paramref name="ageSeconds"/> ago (negative: in the future, a file still growing).</summary>
    private void Drop(string relative, string content, double ageSeconds = 600)
    {
        string path = Home(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-ageSeconds));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The manual's command line: a relative source folder, run from the home folder, as cron does from a job's folder.</summary>
    private string[] Upload(string source, string target, int lockPort, string ts) =>
        ["server", "upload", source, "--to-folder=" + target, $"--lock-port={lockPort}", "--ts=@json:" + ts,
         "--url=ssh://127.0.0.1:33001", "--username=xfer", "--password=unused", "--ascp-path=" + _ascp,
         "--transfer-info=@json:{\"spawn_timeout_sec\":30}", "--progress-bar=no"];

    private Ascli.Run Cron(string[] args, Dictionary<string, string?>? extra = null)
    {
        var env = new Dictionary<string, string?> { ["ASCP_STANDIN_LOG"] = _log };
        if (extra is not null) foreach (var (k, v) in extra) env[k] = v;
        var run = _ascli.Exec(args, env: env, timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.Exit == 0, $"exit {run.Exit}\n{run.Out}\n{run.Err}");
        return run;
    }

    /// <summary>Files below a folder, relative, sorted (none when it does not exist).</summary>
    private static List<string> Tree(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The files (relative to the target folder) of one event type in the stand-in's events, for the ascp run of that number (1 = first).</summary>
    private List<string> Events(string target, int run, string type)
    {
        var pid = TransferSupport.Lines(_log)[run - 1]["pid"]!.ToString();
        return [.. TransferSupport.Lines(_log + ".events").Where(e => e["pid"]!.ToString() == pid && e["Type"]!.ToString() == type)
            .Select(e => Path.GetRelativePath(target, e["File"]!.ToString())).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Upload_hot_folder_run_repeatedly_sends_each_file_once_then_removes_it()
    {
        int port = FreePort();
        string target = Path.Combine(_target, "target_hot");
        var args = Upload("source_hot", target, port,
            "{\"remove_after_transfer\":true,\"remove_empty_directories\":true,\"exclude_newer_than\":\"-8\",\"src_base\":\"source_hot\"}");
        Drop("source_hot/a.txt", "first");
        Drop("source_hot/sub/deep/b.txt", "second");
        // still being written: modified "now" as far as any run of this test goes
        Drop("source_hot/growing.txt", "grow", ageSeconds: -3600);

        Cron(args);
        var first = TransferSupport.Lines(_log).Single()["argv"]!.AsArray().Select(static a => a!.ToString()).ToList();
        // the transfer spec reaches ascp as ascli builds it
        Assert.Contains("--remove-after-transfer", first);
        Assert.Contains("--remove-empty-directories", first);
        Assert.Equal("-8", first[first.IndexOf("--exclude-newer-than") + 1]);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("source_hot")), first[first.IndexOf("--src-base64") + 1]);
        // no top folder at the destination (src_base), sources gone with their folders, the growing file waits
        Assert.Equal(["a.txt", "sub", "sub/deep", "sub/deep/b.txt"], Tree(target));
        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "sub", "deep", "b.txt")));
        Assert.Equal(["growing.txt"], Tree(Home("source_hot")));

        // run 2: nothing new to send
        Cron(args);
        Assert.Equal(2, TransferSupport.Lines(_log).Count);
        Assert.Empty(Events(target, 2, "START"));
        Assert.Equal(["a.txt", "sub", "sub/deep", "sub/deep/b.txt"], Tree(target));

        // run 3: a file dropped in meanwhile is sent, alone
        Drop("source_hot/new/c.txt", "third");
        Cron(args);
        Assert.Equal(["new/c.txt"], Events(target, 3, "STOP"));
        Assert.Equal("third", File.ReadAllText(Path.Combine(target, "new", "c.txt")));
        Assert.Equal(["growing.txt"], Tree(Home("source_hot")));

        // run 4: the growing file has not changed for longer than the cool-off: it goes
        File.SetLastWriteTimeUtc(Home("source_hot/growing.txt"), DateTime.UtcNow.AddSeconds(-60));
        Cron(args);
        Assert.Equal(["growing.txt"], Events(target, 4, "STOP"));
        Assert.Equal("grow", File.ReadAllText(Path.Combine(target, "growing.txt")));
        Assert.True(Directory.Exists(Home("source_hot")));
        Assert.Empty(Tree(Home("source_hot")));
    }

    [Fact]
    public void Unidirectional_synchronization_skips_unchanged_files_and_sends_a_changed_one_again()
    {
        int port = FreePort();
        string target = Path.Combine(_target, "target_sync");
        var args = Upload("source_sync", target, port, "{\"resume_policy\":\"sparse_csum\",\"exclude_newer_than\":\"-8\",\"src_base\":\"source_sync\"}");
        Drop("source_sync/one.txt", "one");
        Drop("source_sync/two.txt", "two");
        Drop("source_sync/dir/three.txt", "three");

        Cron(args);
        var argv = TransferSupport.Lines(_log).Single()["argv"]!.AsArray().Select(static a => a!.ToString()).ToList();
        Assert.Equal("2", argv[argv.IndexOf("-k") + 1]);
        Assert.Equal(["dir/three.txt", "one.txt", "two.txt"], Events(target, 1, "STOP"));

        // unchanged: every file skipped, none sent, the sources stay
        Cron(args);
        Assert.Equal(["dir/three.txt", "one.txt", "two.txt"], Events(target, 2, "SKIP"));
        Assert.Empty(Events(target, 2, "START"));
        Assert.Equal(["dir", "dir/three.txt", "one.txt", "two.txt"], Tree(Home("source_sync")));

        // same size, other content: the checksum sees it
        Drop("source_sync/two.txt", "TWO");
        Cron(args);
        Assert.Equal(["two.txt"], Events(target, 3, "STOP"));
        Assert.Equal(["dir/three.txt", "one.txt"], Events(target, 3, "SKIP"));
        Assert.Equal("TWO", File.ReadAllText(Path.Combine(target, "two.txt")));
    }

    [Fact]
    public void The_manual_s_integer_cool_off_is_refused_as_ascli_refuses_it()
    {
        Drop("source_sync/one.txt", "one");
        var run = _ascli.Exec(Upload("source_sync", Path.Combine(_target, "t"), FreePort(), "{\"resume_policy\":\"sparse_csum\",\"exclude_newer_than\":-8,\"src_base\":\"source_sync\"}"),
            env: new Dictionary<string, string?> { ["ASCP_STANDIN_LOG"] = _log });
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Transfer: exclude_newer_than is : Integer (-8), shall be [:string], ", run.FirstError);
        Assert.Empty(TransferSupport.Lines(_log));
    }

    [Fact]
    public async Task A_run_while_the_previous_one_still_transfers_is_skipped_and_the_lock_is_freed_when_that_one_fails()
    {
        int port = FreePort();
        string target = Path.Combine(_target, "target_hot");
        var args = Upload("source_hot", target, port, "{\"remove_after_transfer\":true,\"src_base\":\"source_hot\"}");
        Drop("source_hot/a.txt", "a");
        Drop("source_hot/b.txt", "b");
        // the first run is slow: it sends a file, then stalls until it is interrupted
        using var first = _ascli.Start(args, new Dictionary<string, string?> { ["ASCP_STANDIN_LOG"] = _log, ["ASCP_STANDIN_STALL"] = "600" });
        var firstErr = first.StandardError.ReadToEndAsync();
        Assert.True(TransferSupport.WaitFor(() => Tree(target).Count > 0, TimeSpan.FromSeconds(60)), "first run did not start sending");

        var second = _ascli.Exec(args, env: new Dictionary<string, string?> { ["ASCP_STANDIN_LOG"] = _log }, timeout: TimeSpan.FromMinutes(1));
        Assert.Equal(0, second.Exit);
        Assert.Equal("", second.Out);
        Assert.Contains($"WARN -- : Another instance is already running (Address already in use - bind(2) for \"127.0.0.1\" port {port}).", second.Err);
        // the second run started no transfer
        Assert.Single(TransferSupport.Lines(_log));

        // the first run ends in error (interrupted): its lock goes with it
        TransferSupport.Signal(first.Id, "INT");
        Assert.True(first.WaitForExit(30_000), "first run did not stop");
        Assert.NotEqual(0, first.ExitCode);
        Assert.Contains("ERROR: Transfer: transfer interrupted by user", await firstErr.WaitAsync(TimeSpan.FromSeconds(30)));
        var third = Cron(args);
        Assert.DoesNotContain("Another instance", third.Err);
        Assert.Equal(2, TransferSupport.Lines(_log).Count);
        Assert.Equal(["a.txt", "b.txt"], Tree(target));
        Assert.Empty(Tree(Home("source_hot")));
    }
}
