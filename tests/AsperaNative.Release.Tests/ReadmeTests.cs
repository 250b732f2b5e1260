using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AsperaNative.Release.Tests;

/// <summary>
/// The README's plugin and transfer agent tables list exactly what the binary has: the plugins of
/// <c>ascli config plugins list</c> and the agents of <c>--transfer</c> in <c>ascli -h</c>. A plugin added to
/// the registry fails this test until the README names it.
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("ascli-readme-").FullName;

    public ReadmeTests()
    {
        Ascli("config", "echo", "init"); // the first run creates the configuration and says so
    }

    private Repo.Result Ascli(params string[] args)
    {
        Repo.RequireExecutables();
        var run = Repo.Run(Repo.Ascli, args, new Dictionary<string, string?> { ["HOME"] = _home });
        Assert.True(run.Exit == 0, run.All);
        return run;
    }

    /// <summary>First-column values (without backticks) of the README table whose header starts with <paramref name="column"/>.</summary>
    private static List<string> TableColumn(string column)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        int header = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"^\|\s*{Regex.Escape(column)}\s*\|"));
        Assert.True(header >= 0, $"README.md has no table with a first column '{column}'");
        return lines.Skip(header + 2).TakeWhile(static l => l.StartsWith('|'))
            .Select(static l => l.Split('|')[1].Trim().Trim('`')).ToList();
    }

    [Fact]
    public void PluginTableMatchesTheRegistry()
    {
        var listed = JsonNode.Parse(Ascli("config", "plugins", "list", "--format=json").Out)!.AsArray()
            .Select(static p => p!["plugin"]!.GetValue<string>()).Order().ToList();
        Assert.NotEmpty(listed);
        var readme = TableColumn("plugin");
        Assert.Equal(readme.Distinct().Count(), readme.Count);
        Assert.Equal(listed, readme.Order().ToList());
    }

    [Fact]
    public void AgentTableMatchesTheTransferOption()
    {
        var help = Ascli("-h").Err; // as ascli, help is written to stderr
        var m = TransferLine().Match(help);
        Assert.True(m.Success, "ascli -h has no --transfer=ENUM line");
        var agents = m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(static a => a.Trim('[', ']')).Order().ToList();
        Assert.Equal(agents, TableColumn("agent").Order().ToList());
    }

    public void Dispose()
    {
        try { Directory.Delete(_home, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex(@"--transfer=ENUM\s+[^:\n]*:\s*([^\n]+)")]
    private static partial Regex TransferLine();
}
