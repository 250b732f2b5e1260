using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// Malformed input given to every command of every plugin (the tree read from the binary's own completion, two
/// levels deep): each run ends by itself, without a crash, with ascli's words only — no .NET exception type,
/// stack frame or resource key reaches the user. Servers are a refused loopback port, so nothing waits on a network.
/// </summary>
public sealed partial class BadInputSweepTests : IDisposable
{
    private readonly Ascli _ascli = new();

    public void Dispose() => _ascli.Dispose();

    /// <summary>Commands that serve or wait for events until stopped, by design: not run here.</summary>
    private static readonly string[] LongRunning = ["node simulator", "faspex5 postprocessing", "faspex postprocessing", "orchestrator postprocessing"];

    /// <summary>Inputs that ascli refuses: broken extended values, wrong types, unknown values and selectors.</summary>
    private static readonly string[][] BadInputs =
    [
        ["@json:{\"a\":"],
        ["--fields=@json:[1,"],
        ["--query=@json:nope"],
        ["--format=nope"],
        ["--value=@base64:!!!"],
        ["%id:"],
        ["@preset:nope"],
        ["--ts=@json:[]"],
        ["@file:/nonexistent/x"],
        ["--select=@json:3", "--url=http://[::1"],
        ["--private-key=@val:garbage", "--auth=jwt"],
        ["--", "--"],
    ];

    /// <summary>Any trace of the runtime rather than of ascli: exception types, stack frames, resource keys, runtime messages.</summary>
    [GeneratedRegex(@"System\.[A-Z]\w+|\w+Exception\b|^\s+at \S+\(|Unhandled|Stack trace|\b(Arg|IO|Net|Http|Format|InvalidOperation)_[A-Z]\w+|Object reference not set|Specified argument|Value cannot be null", RegexOptions.Multiline)]
    private static partial Regex RuntimeText();

    private IEnumerable<string[]> Commands()
    {
        var roots = Complete([]);
        Assert.Contains("node", roots);
        foreach (var plugin in roots.Where(static w => w != "help"))
        {
            yield return [plugin];
            foreach (var command in Complete([plugin]))
            {
                if (LongRunning.Contains($"{plugin} {command}")) continue;
                yield return [plugin, command];
            }
        }
    }

    private List<string> Complete(string[] words)
    {
        var run = _ascli.Exec(["--bash-comp", "--", .. words]);
        Assert.Equal(0, run.Exit);
        return [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    [Fact]
    public void Every_command_refuses_malformed_input_in_ascli_words()
    {
        var commands = Commands().ToList();
        Assert.True(commands.Count > 120, $"only {commands.Count} commands found");
        string[] refused = ["--url=https://127.0.0.1:1", "--username=u", "--password=p", "--http-proxy=http://127.0.0.1:1", "--interactive=no"];
        var faults = new ConcurrentBag<string>();
        int runs = 0;
        Parallel.ForEach(commands.SelectMany(c => BadInputs.Select(bad => (c, bad))), new ParallelOptions { MaxDegreeOfParallelism = 3 }, work =>
        {
            var (command, bad) = work;
            string[] args = [.. command, .. refused, .. bad];
            string line = string.Join(' ', args);
            Interlocked.Increment(ref runs);
            Ascli.Run run;
            try { run = _ascli.Exec(args, stdin: "", timeout: TimeSpan.FromSeconds(40)); }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                faults.Add($"hang: {line}");
                return;
            }
            if (run.Exit is < 0 or >= 128) faults.Add($"crash (exit {run.Exit}): {line}\n{run.Err}");
            else if (RuntimeText().Match(run.Err + run.Out) is { Success: true } m) faults.Add($"runtime text '{m.Value}': {line}\n{run.Err}");
            else if (run.Exit != 0 && !run.Err.Contains("ERROR: ", StringComparison.Ordinal)) faults.Add($"failed without an ERROR line (exit {run.Exit}): {line}\n{run.Err}");
        });
        Assert.True(faults.IsEmpty, $"{faults.Count} of {runs} runs:\n" + string.Join("\n", faults.Take(40)));
    }
}
