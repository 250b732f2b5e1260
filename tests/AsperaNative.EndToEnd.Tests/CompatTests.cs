using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// The recorded behaviour of the original (../shared/compat) replayed on dist/ascli: a regression
/// guard at the score reached so far (the runners' own output lists the differences).
/// </summary>
public sealed partial class CompatTests
{
    private static (double Percent, string Output) RunRunner(string runner)
    {
        string compat = Path.GetFullPath(Path.Combine(Ascli.RepositoryRoot, "..", "shared", "compat"));
        Assert.True(Directory.Exists(compat), $"{compat} is missing");
        var info = new ProcessStartInfo("python3", [Path.Combine(compat, runner), "--bin", Ascli.Binary, "--min", "0"])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Ascli.RepositoryRoot };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.TrimEnd().Split('\n')[^1];
        var match = Percent().Match(last);
        Assert.True(match.Success, output);
        return (double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), output);
    }

    [Fact]
    public void Offline_cases_keep_their_score()
    {
        var (percent, output) = RunRunner("run_golden_offline.py");
        Assert.True(percent >= 95.0, output);
    }

    [Fact]
    public void Config_levels_of_the_command_tree_are_present()
    {
        var (_, output) = RunRunner("run_golden_tree.py");
        var config = ConfigLine().Match(output);
        Assert.True(config.Success, output);
        Assert.True(double.Parse(config.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 50.0, output);
    }

    [GeneratedRegex(@"\(([0-9.]+)%\)\s*$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^\s*config\s+\d+/\d+\s+\(\s*([0-9.]+)%\)", RegexOptions.Multiline)]
    private static partial Regex ConfigLine();
}
