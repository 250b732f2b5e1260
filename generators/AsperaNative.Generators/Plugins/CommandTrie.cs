using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>The command tree of one plugin, merged from its groups' paths, checked for clashes.</summary>
    internal sealed class CommandTrie
    {
        public string Word { get; }
        public bool IsIdentifier { get; }
        public string Summary { get; set; } = "";
        public List<CommandTrie> Children { get; } = new List<CommandTrie>();
        public GroupSpec? Group { get; private set; }
        public CommandSpec? Command { get; private set; }

        private CommandTrie(string word, bool isIdentifier)
        {
            Word = word;
            IsIdentifier = isIdentifier;
        }

        public static CommandTrie Build(PluginSpec plugin, IEnumerable<GroupSpec> groups, List<DiagnosticInfo> diagnostics)
        {
            var root = new CommandTrie(plugin.Name, false) { Summary = plugin.Summary };
            foreach (var group in groups)
            {
                foreach (var command in group.Commands)
                {
                    foreach (var word in command.Words)
                    {
                        var path = group.Path.Skip(1).Concat(new[] { word }).ToArray();
                        var node = root;
                        foreach (var segment in path) node = node.ChildFor(segment);
                        if (node.Command != null || node.Children.Count > 0)
                        {
                            diagnostics.Add(new DiagnosticInfo("ASPN001", command.Location, new[] { plugin.Name + " " + string.Join(" ", path) }.ToEquatableArray()));
                            continue;
                        }
                        node.Group = group;
                        node.Command = command;
                        node.Summary = command.Summary;
                    }
                }
            }
            root.Check(plugin.Name, plugin.Location, diagnostics);
            return root;
        }

        private CommandTrie ChildFor(string segment)
        {
            bool identifier = segment.StartsWith("<") && segment.EndsWith(">");
            string word = identifier ? segment.Substring(1, segment.Length - 2) : segment;
            var child = Children.FirstOrDefault(c => c.Word == word && c.IsIdentifier == identifier);
            if (child is null)
            {
                child = new CommandTrie(word, identifier);
                Children.Add(child);
            }
            return child;
        }

        private void Check(string path, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            int identifiers = Children.Count(c => c.IsIdentifier);
            if (identifiers > 1 || (identifiers == 1 && Children.Count > 1) || (Command != null && Children.Count > 0))
                diagnostics.Add(new DiagnosticInfo("ASPN003", location, new[] { path }.ToEquatableArray()));
            foreach (var child in Children) child.Check(path + " " + (child.IsIdentifier ? "<" + child.Word + ">" : child.Word), child.Command?.Location ?? location, diagnostics);
        }
    }
}
