using System.Text;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core;

namespace AsperaNative.Cli.Application;

/// <summary><c>-h</c>: generated from the option tables and the command trees, laid out as ascli's (Ruby OptionParser) help.</summary>
internal static class Help
{
    public static string Text(PluginDescriptor? plugin, IReadOnlyList<OptionDescriptor> declared)
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
        var globalNames = new HashSet<string>(GlobalOptions.Descriptors.Select(static d => d.Name));
        foreach (var d in declared.Where(d => globalNames.Contains(d.Name) && !d.Hidden)) AppendOption(sb, d);
        if (plugin is not null)
        {
            sb.Append('\n').Append("COMMAND: ").Append(plugin.Name).Append('\n');
            sb.Append("SUBCOMMANDS: ").Append(string.Join(' ', plugin.Tree.ChildWords)).Append('\n');
            foreach (var d in plugin.Options.Where(d => !globalNames.Contains(d.Name) && !d.Hidden)) AppendOption(sb, d);
            sb.Append('\n');
            AppendTree(sb, plugin.Tree, plugin.Name);
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

    private static void AppendTree(StringBuilder sb, CommandNode node, string path)
    {
        foreach (var child in node.Children)
        {
            string childPath = path + " " + (child.IsIdentifier ? "<" + child.Word + ">" : child.Word);
            if (child.Action is not null) sb.Append("    ").Append(childPath.PadRight(40)).Append(' ').Append(child.Summary).Append('\n');
            else AppendTree(sb, child, childPath);
        }
    }
}
