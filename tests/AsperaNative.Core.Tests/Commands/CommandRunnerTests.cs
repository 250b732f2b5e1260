using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Core.Tests.Commands;

public class CommandRunnerTests
{
    private static readonly CommandNode Tree = new("node", "Node", [
        new("browse", "Browse", [], static (_, c) => new(Result.Text("browse " + c.Args.NextString("path")))),
        new("access_keys", "Access keys", [
            new("list", "List", [], static (_, _) => new(Result.Text("list"))),
            new("do", "Do", [
                new("id", "Id", [
                    new("browse", "Browse", [], static (_, c) => new(Result.Text("ak " + OptionStore.AsString(c.Identifiers["id"])))),
                ]) { IsIdentifier = true },
            ]),
        ]),
    ]);

    private static CommandContext Context(params string[] words)
    {
        var ev = TestSupport.Context();
        var store = new OptionStore([], [], ev);
        return new CommandContext(new ArgumentReader(words, ev), new PluginContext(store, ev.Terminal, _ => { }));
    }

    private static string Run(params string[] words)
    {
        var result = CommandRunner.Run(new object(), Tree, Context(words)).AsTask().Result;
        return ((JsonValue)result.Data!).GetValue<string>();
    }

    [Fact]
    public void Walks_words_by_prefix_and_reads_parameters() => Assert.Equal("browse /a", Run("br", "/a"));

    [Fact]
    public void Reads_identifier_positions() => Assert.Equal("ak 42", Run("acc", "do", "42", "b"));

    [Fact]
    public void Missing_command_lists_the_words()
    {
        var e = Assert.Throws<CliException>(() => Run("access_keys"));
        Assert.Equal("missing argument: command (Symbol)\nUse:\n- do\n- list", e.Message);
    }

    [Fact]
    public void Missing_parameter_names_it_with_its_type()
    {
        var e = Assert.Throws<CliException>(() => Run("browse"));
        Assert.Equal("missing argument: path (String)", e.Message);
    }
}
