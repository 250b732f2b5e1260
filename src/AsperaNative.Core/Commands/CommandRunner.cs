using AsperaNative.Core.Results;

namespace AsperaNative.Core.Commands;

/// <summary>Walks a command tree along the positional arguments and runs the leaf reached.</summary>
public static class CommandRunner
{
    /// <summary>Finds the leaf for the next words, reading identifier positions into the context.</summary>
    public static CommandNode Resolve(CommandNode root, CommandContext context)
    {
        var node = root;
        while (node.Action is null)
        {
            if (node.IdentifierChild is { } id && node.ChildWords.Count == 0)
            {
                context.Identifiers[id.Word] = context.Args.NextValue("identifier");
                node = id;
                continue;
            }
            string word = context.Args.NextCommand(node.ChildWords);
            node = node.Child(word)!;
        }
        return node;
    }

    public static ValueTask<Result> Run(object plugin, CommandNode root, CommandContext context)
        => Resolve(root, context).Action!(plugin, context);
}
