using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;

namespace AsperaNative.Cli.Application;

/// <summary>
/// Shell completion. <c>--bash-comp</c> prints the command words that may follow the given ones,
/// at every depth of the tree (ascli stops at the first level); <c>--completion=SHELL</c> prints
/// an installable script built on it. Options come from <c>-h</c>, which lists them.
/// </summary>
internal static class Completion
{
    public static void WriteCandidates(TextWriter output, ArgumentReader arguments, PluginDescriptor? plugin)
    {
        foreach (var word in Candidates(arguments.Remaining.Where(static w => !w.StartsWith('-')).ToList()))
            output.WriteLine(word);
        while (!arguments.IsEmpty) arguments.NextValue("ignored", mandatory: false);
    }

    /// <summary>
    /// The words allowed after <paramref name="words"/>: the command words of the level reached, the listed
    /// values of a choice position or of the next declared argument; none at an identifier or after a word
    /// that matches nothing.
    /// </summary>
    public static IEnumerable<string> Candidates(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return PluginRegistry.Words.Order(StringComparer.Ordinal);
        var name = ValueLists.TryMatch(words[0], PluginRegistry.Words, out _);
        var plugin = name is null ? null : PluginRegistry.Find(name);
        if (plugin is null) return [];
        var node = CommandRunner.Walk(plugin.Tree, [.. words.Skip(1)]);
        if (node is null) return [];
        if (node.IsLeaf)
        {
            // the next argument, when it lists its values (the words after the leaf are arguments)
            int given = words.Count - 1 - Depth(plugin.Tree, words);
            return node.Arguments.ElementAtOrDefault(given)?.Values?.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();
        }
        if (node.PositionChild is { } position && node.ChildWords.Count == 0)
            return position.Kind == NodeKind.Choice ? position.Values!.Order(StringComparer.Ordinal) : [];
        return node.ChildWords.Order(StringComparer.Ordinal);
    }

    /// <summary>How many of the words (after the plugin) lead to the leaf.</summary>
    private static int Depth(CommandNode root, IReadOnlyList<string> words)
    {
        for (int n = 1; n < words.Count; n++)
            if (CommandRunner.Walk(root, [.. words.Skip(1).Take(n)]) is { IsLeaf: true }) return n;
        return words.Count - 1;
    }

    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # ascli bash completion: source this file, or put it in /etc/bash_completion.d/ascli
            _ascli() {
              local cur=${COMP_WORDS[COMP_CWORD]}
              local words=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
              if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$(ascli "${words[@]}" -h 2>/dev/null | grep -o -- '--[a-z0-9-]*=\?' | sort -u)" -- "$cur"))
                [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace
              else
                COMPREPLY=($(compgen -W "$(ascli --bash-comp -- "${words[@]}" 2>/dev/null)" -- "$cur"))
              fi
            }
            complete -o default -F _ascli ascli

            """,
        "zsh" => """
            #compdef ascli
            # ascli zsh completion: put this file as _ascli in a folder of $fpath
            _ascli() {
              local -a candidates
              local cur=${words[CURRENT]}
              local -a before=("${(@)words[2,CURRENT-1]}")
              if [[ $cur == -* ]]; then
                candidates=(${(f)"$(ascli "${before[@]}" -h 2>/dev/null | grep -o -- '--[a-z0-9-]*=\?' | sort -u)"})
              else
                candidates=(${(f)"$(ascli --bash-comp -- "${before[@]}" 2>/dev/null)"})
              fi
              compadd -S '' -- $candidates
            }
            compdef _ascli ascli

            """,
        _ => """
            # ascli fish completion: put this file in ~/.config/fish/completions/ascli.fish
            function __ascli_complete
                set -l words (commandline -opc)
                set -e words[1]
                set -l cur (commandline -ct)
                if string match -q -- '-*' $cur
                    ascli $words -h 2>/dev/null | string match -r -a -- '--[a-z0-9-]*=?' | sort -u
                else
                    ascli --bash-comp -- $words 2>/dev/null
                end
            end
            complete -c ascli -f -a '(__ascli_complete)'

            """,
    };
}
