using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Core.Tests.Commands;

/// <summary>The runtime walk of a tree as the generator emits it: words by prefix, positions, mounted sets entering their scope, declared arguments read before any scope is entered.</summary>
public class CommandRunnerTests
{
    private sealed record Scope(string Name, List<string> Log);

    private static readonly ArgumentSpec Path = new("path", "path", ArgumentKind.String);

    /// <summary>A set mounted twice: once below "do &lt;id&gt;" (entering it logs the id), once below itself at "again &lt;id&gt;".</summary>
    private static CommandNode[] SetNodes() =>
    [
        new("browse", "Browse", static (scope, c, a) => new(Result.Text(((Scope)scope).Name + " browse " + (string)a[0]!)), Path),
        new("again", "Again", static () =>
        [
            new("id", "", static () => CommandNode.Mount(SetNodes(), "set", Enter)) { Kind = NodeKind.Identifier },
        ]),
    ];

    private static ValueTask<object> Enter(object scope, CommandContext c)
    {
        var parent = (Scope)scope;
        parent.Log.Add("enter " + c.Identifier("id"));
        return new(new Scope(parent.Name + "/" + c.Identifier("id"), parent.Log));
    }

    private static readonly CommandNode Tree = new("node", "Node", static () =>
    [
        new("browse", "Browse", static (_, _, a) => new(Result.Text("browse " + (string)a[0]!)), Path),
        new("access_keys", "Access keys", static () =>
        [
            new("list", "List", static (_, _, _) => new(Result.Text("list"))),
            new("do", "Do", static () =>
            [
                new("id", "", static () => CommandNode.Mount(SetNodes(), "set", Enter)) { Kind = NodeKind.Identifier, Description = "access key id" },
            ]),
        ]),
        new("link", "Link", static () =>
        [
            new("kind", "", static () => [new("create", "Create", static (_, c, _) => new(Result.Text("create " + c.Identifier("kind"))))])
            { Kind = NodeKind.Choice, Description = "link type", Values = ["public", "private"] },
        ]),
        new("delete", "Delete", static (_, _, a) => new(Result.Text(((JsonNode?)a[0])!.ToJsonString())),
            new ArgumentSpec("id", "identifier", ArgumentKind.Value) { Bulk = true, Types = ["String"] }),
    ]);

    private static (string Text, List<string> Log) Run(string[] words, bool bulk = false)
    {
        var ev = TestSupport.Context();
        var store = new OptionStore([], [], ev);
        var log = new List<string>();
        var reader = new ArgumentReader(words, ev);
        var resolved = CommandRunner.Resolve(Tree, reader, () => bulk);
        log.Add("resolved");
        var result = CommandRunner.Run(new Scope("root", log), resolved, new CommandContext(new PluginContext(store, ev.Terminal, _ => { }))).AsTask().GetAwaiter().GetResult();
        return (((JsonValue)result.Data!).GetValue<string>(), log);
    }

    [Fact]
    public void Walks_words_by_prefix_and_reads_arguments() => Assert.Equal("browse /a", Run(["br", "/a"]).Text);

    [Fact]
    public void Mounted_set_enters_its_scope_with_the_positions_read_before_it()
    {
        var (text, log) = Run(["acc", "do", "42", "b", "/x"]);
        Assert.Equal("root/42 browse /x", text);
        Assert.Equal(["resolved", "enter 42"], log);
    }

    [Fact]
    public void A_set_mounted_in_itself_enters_each_level_with_its_own_positions()
    {
        var (text, log) = Run(["access_keys", "do", "1", "again", "2", "again", "3", "browse", "/y"]);
        Assert.Equal("root/1/2/3 browse /y", text);
        Assert.Equal(["resolved", "enter 1", "enter 2", "enter 3"], log);
    }

    [Fact]
    public void Missing_command_below_a_mount_lists_the_set_words_before_entering_it()
    {
        var e = Assert.Throws<CliException>(() => Run(["access_keys", "do", "1", "again", "2"]));
        Assert.Equal("missing argument: command (Symbol)\nUse:\n- again\n- browse", e.Message);
    }

    [Fact]
    public void Missing_position_uses_its_description() =>
        Assert.Equal("missing argument: access key id (String)", Assert.Throws<CliException>(() => Run(["access_keys", "do"])).Message);

    [Fact]
    public void Choice_position_takes_a_listed_word_by_prefix() => Assert.Equal("create private", Run(["link", "pr", "create"]).Text);

    [Fact]
    public void Choice_position_refuses_other_words()
    {
        var e = Assert.Throws<CliException>(() => Run(["link", "secret", "create"]));
        Assert.Equal("unknown value for link type (Symbol): secret\nUse:\n- private\n- public", e.Message);
    }

    [Fact]
    public void Missing_argument_names_it_with_its_type() =>
        Assert.Equal("missing argument: path (String)", Assert.Throws<CliException>(() => Run(["browse"])).Message);

    [Fact]
    public void Argument_of_the_wrong_type_is_refused_in_ascli_words() =>
        Assert.Equal("Argument path (String) is a Hash but must be String", Assert.Throws<CliException>(() => Run(["browse", "@json:{}"])).Message);

    [Fact]
    public void Bulk_identifier_is_a_list_of_strings()
    {
        Assert.Equal("\"a\"", Run(["delete", "a"]).Text);
        Assert.Equal("[\"a\",\"b\"]", Run(["delete", "@json:[\"a\",\"b\"]"], bulk: true).Text);
        Assert.Equal("Argument identifier (String) is a Integer but must be String", Assert.Throws<CliException>(() => Run(["delete", "@json:[\"a\",1]"], bulk: true)).Message);
    }
}
