using AsperaNative.Core.Results;

namespace AsperaNative.Core.Commands;

/// <summary>Runs a command on a constructed plugin instance.</summary>
public delegate ValueTask<Result> CommandAction(object plugin, CommandContext context);

/// <summary>
/// One node of a plugin's generated command tree: a fixed word, or an identifier position
/// (<c>&lt;id&gt;</c>) whose value is read from the command line; a node with an action is a leaf.
/// The same tree drives dispatch, abbreviations, the <c>Use:</c> lists, help and completion.
/// </summary>
public sealed class CommandNode(string word, string summary, CommandNode[] children, CommandAction? action = null)
{
    public string Word { get; } = word;
    public string Summary { get; } = summary;
    public CommandNode[] Children { get; } = children;
    public CommandAction? Action { get; } = action;

    /// <summary>An identifier position: the word is the identifier's name without brackets.</summary>
    public bool IsIdentifier { get; init; }

    public IReadOnlyList<string> ChildWords => _childWords ??= Children.Where(static c => !c.IsIdentifier).Select(static c => c.Word).ToArray();
    private string[]? _childWords;

    public CommandNode? Child(string word) => Array.Find(Children, c => !c.IsIdentifier && c.Word == word);

    public CommandNode? IdentifierChild => Array.Find(Children, static c => c.IsIdentifier);
}
