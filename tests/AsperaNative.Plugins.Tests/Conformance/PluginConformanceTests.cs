using AsperaNative.Cli;
using AsperaNative.Core.Commands;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Conformance;

/// <summary>
/// The suite every registered plugin passes (rclone's fstests idea): its tree is non-empty; at every level
/// that can be reached offline, completion, help and the error of a missing, unknown or ambiguous command list
/// exactly the tree's words; every leaf has a summary and declares its arguments; every option has a
/// description. Levels are walked to a bounded depth (mounted sets mount each other).
/// </summary>
public sealed class PluginConformanceTests : IDisposable
{
    private const int MaxDepth = 7;
    private readonly CliHome _home = new();

    public static TheoryData<string> Plugins()
    {
        var data = new TheoryData<string>();
        foreach (var p in PluginRegistry.All) data.Add(p.Name);
        return data;
    }

    private static PluginDescriptor Plugin(string name) => PluginRegistry.Find(name)!;

    /// <summary>Every level with sub-commands, as the words that reach it (positions get a sample value).</summary>
    private static IEnumerable<(List<string> Words, CommandNode Node)> Levels(CommandNode root)
    {
        var pending = new Queue<(List<string>, CommandNode, int)>();
        pending.Enqueue(([], root, 0));
        while (pending.Count > 0)
        {
            var (words, node, depth) = pending.Dequeue();
            if (node.IsLeaf) continue;
            yield return (words, node);
            if (depth >= MaxDepth) continue;
            foreach (var child in node.Children)
            {
                string word = child.Kind switch { NodeKind.Word => child.Word, NodeKind.Choice => child.Values![0], _ => "1" };
                pending.Enqueue(([.. words, word], child, depth + 1));
            }
        }
    }

    [Theory, MemberData(nameof(Plugins))]
    public void Tree_is_not_empty_and_every_leaf_has_help(string name)
    {
        var tree = Plugin(name).Tree;
        Assert.NotEmpty(tree.Children);
        foreach (var (words, node) in Levels(tree))
            foreach (var leaf in node.Children.Where(static c => c.IsLeaf))
            {
                Assert.False(string.IsNullOrWhiteSpace(leaf.Summary), $"{name} {string.Join(' ', words)} {leaf.Word}: no summary");
                Assert.All(leaf.Arguments, a => Assert.False(string.IsNullOrWhiteSpace(a.Description)));
            }
    }

    [Theory, MemberData(nameof(Plugins))]
    public void Every_option_has_a_description(string name)
    {
        foreach (var option in Plugin(name).Options)
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{name}: --{option.Name} has no description");
    }

    [Theory, MemberData(nameof(Plugins))]
    public void Completion_lists_the_words_of_each_level(string name)
    {
        foreach (var (words, node) in Levels(Plugin(name).Tree))
        {
            var expected = Expected(node);
            var run = _home.Run(["--bash-comp", "--", name, .. words]);
            Assert.Equal(0, run.Exit);
            Assert.Equal(expected, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Theory, MemberData(nameof(Plugins))]
    public void Missing_and_unknown_commands_list_the_words_of_each_level(string name)
    {
        foreach (var (words, node) in Levels(Plugin(name).Tree))
        {
            if (node.ChildWords.Count == 0) continue;
            string use = "Use:\n" + string.Join('\n', node.ChildWords.Order(StringComparer.Ordinal).Select(static w => "- " + w));
            var missing = _home.Run([name, .. words]);
            Assert.Equal(1, missing.Exit);
            Assert.Contains("ERROR: Argument: missing argument: command (Symbol)\n" + use + "\n", missing.Err);
            var unknown = _home.Run([name, .. words, "zzzz"]);
            Assert.Contains("ERROR: Argument: unknown value for command (Symbol): zzzz\n" + use + "\n", unknown.Err);
            // two words sharing their first letter make that letter ambiguous, and the list names only them
            var shared = node.ChildWords.GroupBy(static w => w[0]).FirstOrDefault(static g => g.Count() > 1 && !g.Any(w => w.Length == 1));
            if (shared is null) continue;
            var ambiguous = _home.Run([name, .. words, shared.Key.ToString()]);
            var matching = node.ChildWords.Where(w => w.StartsWith(shared.Key)).Order(StringComparer.Ordinal);
            Assert.Contains($"ERROR: Argument: ambiguous shortcut for command (Symbol): {shared.Key}\nUse:\n" + string.Join('\n', matching.Select(static w => "- " + w)) + "\n", ambiguous.Err);
        }
    }

    [Theory, MemberData(nameof(Plugins))]
    public void Help_renders_at_each_level_and_names_its_commands(string name)
    {
        foreach (var (words, node) in Levels(Plugin(name).Tree).Take(60))
        {
            var run = _home.Run([name, .. words, "-h"]);
            Assert.Equal(0, run.Exit);
            Assert.Equal("", run.Out);
            Assert.Contains("COMMAND: " + name, run.Err);
            foreach (var leaf in node.Children.Where(static c => c.IsLeaf))
                Assert.Contains(" " + leaf.Word, run.Err);
        }
    }

    private static string[] Expected(CommandNode node)
        => node.PositionChild is { } p && node.ChildWords.Count == 0
            ? p.Kind == NodeKind.Choice ? [.. p.Values!.Order(StringComparer.Ordinal)] : []
            : [.. node.ChildWords.Order(StringComparer.Ordinal)];

    public void Dispose() => _home.Dispose();
}
