using AsperaNative.Core.Results;

namespace AsperaNative.Core.Commands;

/// <summary>Runs a command on its scope (the plugin instance, or the scope of the command set it was mounted from) with its bound arguments.</summary>
public delegate ValueTask<Result> CommandAction(object scope, CommandContext context, object?[] arguments);

/// <summary>Enters a mounted command set: from the scope of the mounting side to the set's scope.</summary>
public delegate ValueTask<object> ScopeStep(object scope, CommandContext context);

/// <summary>What a tree position holds: a command word, an identifier read from the command line, or one of listed words.</summary>
public enum NodeKind
{
    Word,
    /// <summary><c>&lt;id&gt;</c>: any value, kept in <see cref="CommandContext.Identifiers"/>.</summary>
    Identifier,
    /// <summary><c>{push|pull}</c>: one of <see cref="CommandNode.Values"/> (unique prefix), kept in the identifiers.</summary>
    Choice,
}

/// <summary>
/// One node of a plugin's generated command tree: a fixed word, or a position whose value is read
/// from the command line; a node with an action is a leaf and declares its positional arguments.
/// Children are built on first use, so that mounted sets may mount each other (gen4 ↔ v3) without
/// building an infinite tree. The same tree drives dispatch, abbreviations, the <c>Use:</c> lists,
/// help and completion.
/// </summary>
public sealed class CommandNode
{
    private readonly Func<CommandNode[]>? _children;
    private CommandNode[]? _built;

    public CommandNode(string word, string summary, Func<CommandNode[]> children)
    {
        Word = word;
        Summary = summary;
        _children = children;
    }

    public CommandNode(string word, string summary, CommandAction action, params ArgumentSpec[] arguments)
    {
        Word = word;
        Summary = summary;
        Action = action;
        Arguments = arguments;
        _built = [];
    }

    private CommandNode(CommandNode model, ScopeStep? enter, string? set)
    {
        Word = model.Word;
        Summary = model.Summary;
        Kind = model.Kind;
        Values = model.Values;
        Description = model.Description;
        Action = model.Action;
        Arguments = model.Arguments;
        _children = model._children;
        _built = model._built;
        Alias = model.Alias;
        Enter = enter;
        Set = set;
    }

    public string Word { get; }
    public string Summary { get; }
    public NodeKind Kind { get; init; }
    /// <summary>What messages call a position: <c>missing argument: identifier (String)</c>.</summary>
    public string Description { get; init; } = "identifier";
    /// <summary>The words of a <see cref="NodeKind.Choice"/> position.</summary>
    public IReadOnlyList<string>? Values { get; init; }
    public CommandAction? Action { get; }
    /// <summary>The positional arguments of a leaf, in order.</summary>
    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [];
    /// <summary>
    /// A hidden alias of a sibling word (ascli's <c>aliases:</c>, e.g. <c>recv</c> for <c>receive</c>): accepted on the
    /// command line and in unknown-word lists, but not offered by <c>Use:</c> lists, help or completion.
    /// </summary>
    public bool Alias { get; init; }
    /// <summary>Set when this node was mounted from a command set: the scope change when the walk passes it.</summary>
    public ScopeStep? Enter { get; }
    /// <summary>The command set this node was mounted from (help does not expand a set twice on one path).</summary>
    public string? Set { get; }

    public bool IsPosition => Kind != NodeKind.Word;
    public bool IsLeaf => Action is not null;

    public CommandNode[] Children => _built ??= _children!();

    /// <summary>The words offered at this level (aliases excluded).</summary>
    public IReadOnlyList<string> ChildWords => _childWords ??= Words(aliases: false);
    private string[]? _childWords;

    /// <summary>The words accepted at this level: the offered ones, then the aliases.</summary>
    public IReadOnlyList<string> AcceptedWords => _acceptedWords ??= [.. ChildWords, .. Words(aliases: true)];
    private string[]? _acceptedWords;

    // a loop, not Where().Select(): chained LINQ makes a generic virtual call, whose first use wakes the type loader
    // at the start of every command that walks the tree
    private string[] Words(bool aliases)
    {
        var words = new List<string>(Children.Length);
        foreach (var c in Children)
            if (c.Kind == NodeKind.Word && c.Alias == aliases) words.Add(c.Word);
        return [.. words];
    }

    public CommandNode? Child(string word) => Array.Find(Children, c => c.Kind == NodeKind.Word && c.Word == word);

    /// <summary>The position child (identifier or choice), when this level reads a value before going on.</summary>
    public CommandNode? PositionChild => Array.Find(Children, static c => c.IsPosition);

    /// <summary>A copy of <paramref name="nodes"/> that enter <paramref name="set"/> through <paramref name="step"/>, keeping only <paramref name="verbs"/> when given.</summary>
    public static CommandNode[] Mount(CommandNode[] nodes, string set, ScopeStep step, string[]? verbs = null)
        => [.. nodes.Where(n => verbs is null || Array.IndexOf(verbs, n.Word) >= 0).Select(n => new CommandNode(n, step, set))];

    /// <summary>The help of mounted commands with <c>{name}</c> replaced by the mount's name.</summary>
    public static string Named(string summary, string? name) => summary.Replace("{name}", name ?? "item", StringComparison.Ordinal);
}
