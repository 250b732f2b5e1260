using System.Text;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core;

namespace AsperaNative.Cli.Application;

/// <summary>
/// <c>-h</c>: generated from the option tables and the command trees, laid out as ascli's (Ruby OptionParser)
/// help, followed by the commands below the level reached by the words before <c>-h</c>, with their arguments.
/// </summary>
internal static class Help
{
    /// <summary>How deep the command list goes below the level asked for (mounted sets mount each other).</summary>
    private const int MaxDepth = 6;

    public static string Text(PluginDescriptor? plugin, IReadOnlyList<OptionDescriptor> declared, IReadOnlyList<string> words)
    {
        var sb = new StringBuilder();
        sb.Append($"""
            NAME
                    ascli -- a command line tool for Aspera Applications (v{ProductVersion.Value})

            SYNOPSIS
                    ascli COMMANDS [OPTIONS] [ARGS]

            DESCRIPTION
                    Use Aspera application to perform operations on command line.
                    Documentation and examples:
                    execute: ascli conf doc

                    Any option can be set as an environment variable, refer to the manual

                    To list first level commands, execute: ascli
                    Note that commands can be written shortened (provided it is unique).

                    Options begin with a '-' (minus), and value is provided on command line.
                    Special values are supported beginning with special prefix @pfx:, where pfx is one of:
                    val, base64, csvt, env, file, uri, json, lines, list, none, path, re, ruby, secret, stdin, stdbin, yaml, zlib, extend, preset, vault
                    Dates format is 'DD-MM-YY HH:MM:SS', or 'now' or '-<num>h'

                    Some commands require mandatory arguments, e.g. a path.

            COMMANDS
                    Supported commands: {string.Join(", ", PluginRegistry.Words)}

            OPTIONS: global

            """);
        var globalNames = new HashSet<string>(GlobalOptionSets.Descriptors.Select(static d => d.Name));
        foreach (var d in declared.Where(d => globalNames.Contains(d.Name) && !d.Hidden)) AppendOption(sb, d);
        if (plugin is not null)
        {
            sb.Append('\n').Append("COMMAND: ").Append(plugin.Name).Append('\n');
            sb.Append("SUBCOMMANDS: ").Append(string.Join(' ', plugin.Tree.ChildWords.Order(StringComparer.Ordinal))).Append('\n');
            foreach (var d in plugin.Options.Where(d => !globalNames.Contains(d.Name) && !d.Hidden)) AppendOption(sb, d);
            sb.Append('\n');
            var path = new List<CommandNode>();
            var at = CommandRunner.Walk(plugin.Tree, [.. words.Where(static w => !w.StartsWith('-'))], path) ?? plugin.Tree;
            string prefix = plugin.Name + string.Concat(path.Select(static n => " " + Display(n)));
            var entered = path.Where(static n => n.Enter is not null).Select(static n => n.Set!).ToList();
            if (at.IsLeaf) AppendLeaf(sb, prefix, at);
            else AppendTree(sb, at, prefix, entered, 0);
        }
        return sb.ToString();
    }

    /// <summary>One line as OptionParser prints it: short form, long form with its value kind, then the help.</summary>
    private static void AppendOption(StringBuilder sb, OptionDescriptor d)
    {
        string kind = d.Type switch
        {
            OptionType.Flag => "",
            OptionType.Enum or OptionType.Boolean => "=ENUM",
            OptionType.Date => "=DATE",
            _ => "=VALUE",
        };
        string left = (d.Short is { } s ? $"-{s}, " : "    ") + d.CommandLineName + kind;
        string help = d.Description;
        if (d.Type == OptionType.Enum || d.Type == OptionType.Boolean)
        {
            var values = d.Type == OptionType.Boolean ? ValueLists.YesNo : d.Values!;
            string? current = d.Default;
            help += ": " + string.Join(", ", values.Select(v => v == current ? $"[{v}]" : v));
        }
        sb.Append("    ").Append(left.PadRight(32)).Append(' ').Append(help).Append('\n');
    }

    private static string Display(CommandNode node) => node.Kind switch
    {
        NodeKind.Identifier => "<" + node.Word + ">",
        NodeKind.Choice => "{" + string.Join('|', node.Values!) + "}",
        _ => node.Word,
    };

    private static void AppendLeaf(StringBuilder sb, string path, CommandNode leaf)
    {
        string usage = path + string.Concat(leaf.Arguments.Select(static a => " " + a.Usage));
        sb.Append("    ").Append(usage.PadRight(40)).Append(' ').Append(leaf.Summary).Append('\n');
    }

    /// <summary>
    /// The leaves below a node. Mounted sets may mount each other (gen4's v3 mounts gen3, whose access keys mount
    /// gen4): a level that would enter a set already entered on the path is shown as one "…" line.
    /// </summary>
    private static void AppendTree(StringBuilder sb, CommandNode node, string path, List<string> entered, int depth)
    {
        foreach (var child in node.Children.OrderBy(static c => c.Word, StringComparer.Ordinal))
        {
            string childPath = path + " " + Display(child);
            if (child.IsLeaf)
            {
                AppendLeaf(sb, childPath, child);
                continue;
            }
            // the level asked for is always shown; below it, a level entering a set already on the path is cut
            bool reenters = depth > 0 && (Reenters(child, entered) || child.Children.Any(g => Reenters(g, entered)));
            if (reenters || depth >= MaxDepth)
            {
                sb.Append("    ").Append((childPath + " ...").PadRight(40)).Append(' ').Append(child.Summary).Append('\n');
                continue;
            }
            if (child.Enter is not null) entered.Add(child.Set!);
            AppendTree(sb, child, childPath, entered, depth + 1);
            if (child.Enter is not null) entered.RemoveAt(entered.Count - 1);
        }
    }

    private static bool Reenters(CommandNode node, List<string> entered) => node.Enter is not null && entered.Contains(node.Set!);
}
