using System.Diagnostics;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>What matters to cron jobs and scratch containers: locking, pid files, no .NET needed.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly Ascli _ascli = new();

    public void Dispose() => _ascli.Dispose();

    [Fact]
    public void Runs_without_any_dotnet_installation()
    {
        var env = new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = null, ["DOTNET_ROOT_X64"] = null };
        var run = _ascli.Exec(["config", "echo", "hello"], env: env);
        Assert.Equal(0, run.Exit);
        Assert.Equal("\"hello\"\n", run.Out);
    }

    [Fact]
    public void A_second_run_with_the_same_lock_port_exits_at_once()
    {
        int port = 20000 + Environment.ProcessId % 20000;
        // the first run blocks reading its standard input, holding the lock
        using var first = _ascli.Start(["config", "echo", "@stdin:", $"--lock-port={port}"]);
        var deadline = Stopwatch.StartNew();
        Ascli.Run second;
        do
        {
            Thread.Sleep(100);
            second = _ascli.Exec($"config echo second --lock-port={port}".Split(' '));
        } while (second.Err.Length == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(0, second.Exit);
        Assert.Equal("", second.Out);
        Assert.Contains($"Another instance is already running (Address already in use - bind(2) for \"127.0.0.1\" port {port})", second.Err);
        first.StandardInput.Write("done");
        first.StandardInput.Close();
        Assert.True(first.WaitForExit(10000));
        Assert.Equal("\"done\"\n", first.StandardOutput.ReadToEnd());
        Assert.Equal("\"third\"\n", _ascli.Exec($"config echo third --lock-port={port}".Split(' ')).Out);
    }

    [Fact]
    public void Pid_file_exists_while_running_and_is_removed_after()
    {
        string pidFile = Path.Combine(_ascli.Home, "ascli.pid");
        using var running = _ascli.Start(["config", "echo", "@stdin:", $"--pid-file={pidFile}"]);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(pidFile) && deadline.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
        Assert.Equal(running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(pidFile));
        running.StandardInput.Close();
        Assert.True(running.WaitForExit(10000));
        Assert.False(File.Exists(pidFile));
    }

    [Fact]
    public async Task Parallel_preset_writes_are_all_kept()
    {
        Assert.Equal(0, _ascli.Exec("config", "echo", "init").Exit);
        var runs = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => _ascli.Exec("config", "preset", "set", "par", $"key{i}", $"value{i}"))));
        Assert.All(runs, r => Assert.Equal(0, r.Exit));
        var overview = _ascli.Exec("config", "preset", "show", "par", "--format=json").Out;
        for (int i = 0; i < 50; i++) Assert.Contains($"\"key{i}\":\"value{i}\"", overview);
    }
}
