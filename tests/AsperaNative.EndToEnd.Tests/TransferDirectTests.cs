using System.Diagnostics;
using System.Globalization;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// The direct agent in the published binary (server upload through ascp): an ascp that dies while
/// a child still holds its management socket, and the signals a user or a scheduler sends.
/// </summary>
public sealed class TransferDirectTests : IDisposable
{
    private readonly Ascli _ascli = new();

    public void Dispose() => _ascli.Dispose();

    private string[] Upload(string ascp, params string[] extra) =>
        ["server", "upload", "f1.txt", "f2.txt", "--url=ssh://127.0.0.1:33001", "--username=u", "--password=p", "--to-folder=" + Path.Combine(_ascli.Home, "out"),
         "--ascp-path=" + ascp, "--progress-bar=no", .. extra];

    /// <summary>
    /// How long a good upload through the same ascp takes: its start-up (python, .NET) is not the CLI's time, and on a
    /// loaded machine it is seconds. The limits below are the CLI's own, plus two such runs (one per attempt).
    /// </summary>
    private double Baseline(string ascp, Dictionary<string, string?> env)
    {
        var clock = Stopwatch.StartNew();
        var run = _ascli.Exec(Upload(ascp, "--transfer-info=@json:{\"spawn_timeout_sec\":30}"), env: env, timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.Exit == 0, run.Err);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Runs an upload whose ascp leaves socket holders: the time is taken when ascli exits (its output pipes stay open
    /// while the holders, which inherited them, live: they are ended first, then the output is read).
    /// </summary>
    private Ascli.Run HeldSocketRun(string ascp, Dictionary<string, string?> env, string hold, out double seconds)
    {
        using var process = _ascli.Start(Upload(ascp, "--transfer-info=@json:{\"spawn_timeout_sec\":30}"), env);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "ascli did not end");
        seconds = clock.Elapsed.TotalSeconds;
        // the CLI did not wait for the holders: they are still there
        Assert.Equal(2, TransferSupport.ProcessesWithCommandLine("sleep", hold).Count);
        TransferSupport.Kill(TransferSupport.ProcessesWithCommandLine("sleep", hold));
        Assert.True(stdout.Wait(TimeSpan.FromSeconds(10)) && stderr.Wait(TimeSpan.FromSeconds(10)));
        return new Ascli.Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    private void Sources()
    {
        File.WriteAllText(Path.Combine(_ascli.Home, "f1.txt"), "one");
        File.WriteAllText(Path.Combine(_ascli.Home, "f2.txt"), "two");
    }

    [Fact]
    public void Held_socket_with_the_recorded_fake_ascp_fails_within_ten_seconds_after_the_resume_policy()
    {
        Sources();
        string ascp = TransferSupport.InstallCompatFake(_ascli.Home);
        string log = Path.Combine(_ascli.Home, "fake.log");
        // a duration nobody else uses: the leaked holders are found (and ended) by their exact command line
        string hold = (40 + Environment.ProcessId % 1000 / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        double baseline = Baseline(ascp, new() { ["FAKE_ASCP_LOG"] = log + ".baseline" });
        try
        {
            var run = HeldSocketRun(ascp, new() { ["FAKE_ASCP_LOG"] = log, ["FAKE_ASCP_LEAK_SOCKET"] = hold }, hold, out double seconds);
            Assert.InRange(seconds, 0, 10 + 2 * baseline);
            Assert.Equal(1, run.Exit);
            Assert.Equal("ERROR: Transfer: unexpected last event type: STATS, ", run.FirstError);
            // default policy: the non-retryable error gets one more chance, 2 s later
            Assert.Equal(2, TransferSupport.Lines(log).Count);
            Assert.Contains("Resuming in 2 seconds (retry left:6)", run.Err);
            Assert.Contains("ascp failed (pid ", run.Err);
        }
        finally
        {
            TransferSupport.Kill(TransferSupport.ProcessesWithCommandLine("sleep", hold));
        }
    }

    [Fact]
    public void Held_socket_with_the_stand_in_ascp_fails_within_ten_seconds()
    {
        Sources();
        string ascp = TransferSupport.InstallStandIn(_ascli.Home);
        string log = Path.Combine(_ascli.Home, "standin.log");
        string hold = (50 + Environment.ProcessId % 1000 / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        double baseline = Baseline(ascp, new() { ["ASCP_STANDIN_LOG"] = log + ".baseline" });
        try
        {
            var run = HeldSocketRun(ascp, new() { ["ASCP_STANDIN_LOG"] = log, ["ASCP_STANDIN_LEAK_SOCKET"] = hold }, hold, out double seconds);
            Assert.InRange(seconds, 0, 10 + 2 * baseline);
            Assert.Equal(1, run.Exit);
            Assert.Equal("ERROR: Transfer: unexpected last event type: STOP, ", run.FirstError);
            // each stand-in run appends its line to the log itself: under load the second one can land after ascli has reported
            TransferSupport.WaitFor(() => TransferSupport.Lines(log).Count >= 2, TimeSpan.FromSeconds(10));
            Assert.Equal(2, TransferSupport.Lines(log).Count);
            Assert.Equal("one", File.ReadAllText(Path.Combine(_ascli.Home, "out", "f1.txt")));
        }
        finally
        {
            TransferSupport.Kill(TransferSupport.ProcessesWithCommandLine("sleep", hold));
        }
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_to_server_upload_stops_ascp_and_fails(string signal)
    {
        Sources();
        string ascp = TransferSupport.InstallStandIn(_ascli.Home);
        string log = Path.Combine(_ascli.Home, "standin.log");
        using var process = _ascli.Start(Upload(ascp, "--transfer-info=@json:{\"spawn_timeout_sec\":30}"),
            new Dictionary<string, string?> { ["ASCP_STANDIN_LOG"] = log, ["ASCP_STANDIN_STALL"] = "120" });
        var stderr = process.StandardError.ReadToEndAsync();
        // the first file is sent, the stand-in stalls on the second
        Assert.True(TransferSupport.WaitFor(() => File.Exists(Path.Combine(_ascli.Home, "out", "f1.txt")), TimeSpan.FromSeconds(30)), "ascp did not start");
        int ascpPid = (int)TransferSupport.Lines(log).Single()["pid"]!;
        TransferSupport.Signal(process.Id, signal);
        var clock = Stopwatch.StartNew();
        Assert.True(process.WaitForExit(10_000), "ascli did not stop");
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("ERROR: Transfer: transfer interrupted by user", await stderr);
        Assert.False(TransferSupport.IsRunning(ascpPid), "ascp still running");
        // ascp was asked to end its session on its management port
        Assert.Equal("CANCEL", TransferSupport.Lines(log + ".commands").Single()["Type"]!.ToString());
        Assert.False(File.Exists(Path.Combine(_ascli.Home, "out", "f2.txt")));
    }
}
