namespace AsperaNative.EndToEnd.Tests;

/// <summary>Completion at every depth of the tree, and the installable scripts.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly Ascli _ascli = new();

    public void Dispose() => _ascli.Dispose();

    private string[] Candidates(params string[] words) => _ascli.Exec(["--bash-comp", "--", .. words]).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void First_level_lists_plugins() => Assert.Contains("config", Candidates());

    [Fact]
    public void Deeper_levels_follow_the_tree()
    {
        Assert.Contains("preset", Candidates("config"));
        Assert.Contains("overview", Candidates("conf", "pre"));
        Assert.Empty(Candidates("config", "echo"));
        Assert.Empty(Candidates("nosuchplugin"));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _ascli ascli")]
    [InlineData("zsh", "#compdef ascli")]
    [InlineData("fish", "complete -c ascli")]
    public void Completion_scripts_are_printed(string shell, string marker)
    {
        var run = _ascli.Exec($"--completion={shell}");
        Assert.Equal(0, run.Exit);
        Assert.Contains(marker, run.Out);
    }

    [Fact]
    public void Bash_script_completes_in_a_real_bash()
    {
        if (!File.Exists("/bin/bash")) return;
        string script = Path.Combine(_ascli.Home, "ascli.bash");
        File.WriteAllText(script, _ascli.Exec("--completion=bash").Out);
        string bin = Path.GetDirectoryName(Ascli.Binary)!;
        var bash = new System.Diagnostics.ProcessStartInfo("/bin/bash", ["-c",
            $"export PATH={bin}:$PATH HOME={_ascli.Home}; source {script}; COMP_WORDS=(ascli conf pre ov); COMP_CWORD=3; _ascli; echo ${{COMPREPLY[@]}}"])
        { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(bash)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal("overview", output.Trim());
    }
}
