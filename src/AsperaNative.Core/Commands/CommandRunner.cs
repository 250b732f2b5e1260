using System.Text.Json.Nodes;
using AsperaNative.Core.Values;
using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Results;

namespace AsperaNative.Core.Commands;

/// <summary>A leaf reached by the walk: the scope changes met on the way (each with the positions read before it) and the bound arguments.</summary>
public sealed record ResolvedCommand(CommandNode Leaf, IReadOnlyList<(ScopeStep Step, Dictionary<string, JsonNode?> Positions)> Steps, Dictionary<string, JsonNode?> Positions, object?[] Arguments);

/// <summary>
/// Walks a command tree along the positional arguments, reads the leaf's declared arguments, then
/// enters the mounted sets met on the way and runs the leaf. Everything the command line can get
/// wrong (a missing or unknown word, a missing argument) is reported before any scope is entered,
/// so before any request is sent.
/// </summary>
public static class CommandRunner
{
    public static ResolvedCommand Resolve(CommandNode root, ArgumentReader arguments, Func<bool>? bulk = null)
    {
        var node = root;
        var steps = new List<(ScopeStep, Dictionary<string, JsonNode?>)>();
        var positions = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        while (!node.IsLeaf)
        {
            CommandNode next;
            if (node.PositionChild is { } position && node.ChildWords.Count == 0) next = position;
            else next = node.Child(arguments.NextCommand(node.ChildWords, node.AcceptedWords))!;
            if (next.Enter is { } step)
            {
                steps.Add((step, positions));
                positions = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            }
            if (next.Kind == NodeKind.Identifier) positions[next.Word] = JsonScalar.Text(ArgumentBinder.BindString(next.Description, arguments));
            else if (next.Kind == NodeKind.Choice) positions[next.Word] = JsonScalar.Text(arguments.NextWord(next.Description + " (Symbol)", next.Values!));
            node = next;
        }
        return new ResolvedCommand(node, steps, positions, ArgumentBinder.Bind(node.Arguments, arguments, bulk));
    }

    public static ValueTask<Result> Run(object plugin, CommandNode root, ArgumentReader arguments, CommandContext context)
        => Run(plugin, Resolve(root, arguments, () => context.Plugin.Options.GetBoolean("bulk") == true), context);

    /// <summary>Enters the scopes of a resolved command in order and runs its leaf.</summary>
    public static async ValueTask<Result> Run(object plugin, ResolvedCommand resolved, CommandContext context)
    {
        object scope = plugin;
        foreach (var (step, positions) in resolved.Steps)
        {
            context.Identifiers = positions;
            scope = await step(scope, context);
        }
        context.Identifiers = resolved.Positions;
        return await resolved.Leaf.Action!(scope, context, resolved.Arguments);
    }

    /// <summary>
    /// The node reached by <paramref name="words"/> without reading values (completion, help): position
    /// values are skipped, words matched by unique prefix; null when a word matches nothing.
    /// </summary>
    public static CommandNode? Walk(CommandNode root, IReadOnlyList<string> words, List<CommandNode>? path = null)
    {
        var node = root;
        foreach (var raw in words)
        {
            if (node.IsLeaf) return null;
            CommandNode? next;
            if (node.PositionChild is { } position && node.ChildWords.Count == 0) next = position;
            else
            {
                var word = Options.ValueLists.TryMatch(raw, node.AcceptedWords, out _);
                next = word is null ? null : node.Child(word);
            }
            if (next is null) return null;
            path?.Add(next);
            node = next;
        }
        return node;
    }
}
