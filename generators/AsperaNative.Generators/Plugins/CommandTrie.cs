using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>A set that a mount refers to, as the generator knows it: its builder, label and first-level words.</summary>
    internal sealed class SetInfo
    {
        public SetInfo(string builderTypeName, string label, IReadOnlyList<string> words)
        {
            BuilderTypeName = builderTypeName;
            Label = label;
            Words = words;
        }

        public string BuilderTypeName { get; }
        public string Label { get; }
        public IReadOnlyList<string> Words { get; }
    }

    /// <summary>A mount placed on a trie node, with its set resolved.</summary>
    internal sealed class PlacedMount
    {
        public PlacedMount(MountSpec spec, SetInfo set, IReadOnlyList<string> words)
        {
            Spec = spec;
            Set = set;
            Words = words;
        }

        public MountSpec Spec { get; }
        public SetInfo Set { get; }
        /// <summary>The set's words kept by the mount's verb filter.</summary>
        public IReadOnlyList<string> Words { get; }
    }

    /// <summary>
    /// The command tree of one plugin or set, merged from its groups' paths and its mounts, checked for
    /// clashes. Kind: 0 word, 1 identifier (<c>&lt;id&gt;</c>), 2 choice (<c>{name:a|b}</c>).
    /// </summary>
    internal sealed class CommandTrie
    {
        public string Word { get; }
        public int Kind { get; }
        public IReadOnlyList<string> Values { get; }
        /// <summary>What messages call a position (<c>missing argument: …</c>).</summary>
        public string Description { get; private set; } = "";
        public string Summary { get; set; } = "";
        public List<CommandTrie> Children { get; } = new List<CommandTrie>();
        public List<PlacedMount> Mounts { get; } = new List<PlacedMount>();
        public GroupSpec? Group { get; private set; }
        public CommandSpec? Command { get; private set; }

        private CommandTrie(string word, int kind, IReadOnlyList<string> values)
        {
            Word = word;
            Kind = kind;
            Values = values;
        }

        public static CommandTrie Build(RootSpec root, IEnumerable<GroupSpec> groups, IReadOnlyDictionary<string, SetInfo> sets, List<DiagnosticInfo> diagnostics)
        {
            var trie = new CommandTrie(root.Name, 0, new string[0]) { Summary = root.Summary };
            foreach (var group in groups)
            {
                var groupNode = trie.NodeFor(group.Path.Skip(1));
                if (groupNode.Summary.Length == 0 && group.Summary.Length > 0) groupNode.Summary = group.Summary;
                foreach (var command in group.Commands)
                {
                    foreach (var word in command.Words)
                    {
                        var node = groupNode.ChildFor(word);
                        if (node.Command != null || node.Children.Count > 0)
                        {
                            diagnostics.Add(new DiagnosticInfo("ASPN001", command.Location, new[] { root.Name + " " + string.Join(" ", group.Path.Skip(1).Concat(new[] { word })) }.ToEquatableArray()));
                            continue;
                        }
                        node.Group = group;
                        node.Command = command;
                        node.Summary = command.Summary;
                    }
                }
            }
            foreach (var mount in root.Mounts)
            {
                if (!sets.TryGetValue(mount.SetTypeName, out var set))
                {
                    diagnostics.Add(new DiagnosticInfo("ASPN012", mount.Location, new[] { mount.SetTypeName, "is not a command set of this assembly or of a referenced one" }.ToEquatableArray()));
                    continue;
                }
                var unknown = mount.Verbs.Where(v => !set.Words.Contains(v)).ToList();
                if (unknown.Count > 0)
                {
                    diagnostics.Add(new DiagnosticInfo("ASPN012", mount.Location, new[] { mount.SetTypeName, "has no command " + string.Join(", ", unknown) }.ToEquatableArray()));
                    continue;
                }
                var words = mount.Verbs.Count == 0 ? set.Words : set.Words.Where(w => mount.Verbs.Contains(w)).ToList();
                trie.NodeFor(mount.At).Mounts.Add(new PlacedMount(mount, set, words));
            }
            trie.Check(root.Name, root.Location, diagnostics);
            return trie;
        }

        /// <summary>The first-level words, own and mounted (what a set offers to mounts in other assemblies).</summary>
        public IEnumerable<string> Words => Children.Where(c => c.Kind == 0).Select(c => c.Word).Concat(Mounts.SelectMany(m => m.Words));

        private CommandTrie NodeFor(IEnumerable<string> path)
        {
            var node = this;
            foreach (var segment in path) node = node.ChildFor(segment);
            return node;
        }

        private CommandTrie ChildFor(string segment)
        {
            int kind = 0;
            string word = segment;
            IReadOnlyList<string> values = new string[0];
            string description = "";
            if (segment.StartsWith("<") && segment.EndsWith(">"))
            {
                kind = 1;
                string inner = segment.Substring(1, segment.Length - 2);
                int colon = inner.IndexOf(':');
                word = colon < 0 ? inner : inner.Substring(0, colon);
                description = colon < 0 ? "identifier" : inner.Substring(colon + 1);
            }
            else if (segment.StartsWith("{") && segment.EndsWith("}"))
            {
                kind = 2;
                string inner = segment.Substring(1, segment.Length - 2);
                int colon = inner.IndexOf(':');
                word = colon < 0 ? "type" : inner.Substring(0, colon);
                description = word.Replace('_', ' ');
                values = inner.Substring(colon + 1).Split('|');
            }
            var child = Children.FirstOrDefault(c => c.Word == word && c.Kind == kind);
            if (child is null)
            {
                child = new CommandTrie(word, kind, values) { Description = description };
                Children.Add(child);
            }
            else if (child.Description.Length == 0 || (description.Length > 0 && description != "identifier")) child.Description = description;
            return child;
        }

        private void Check(string path, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            int positions = Children.Count(c => c.Kind != 0);
            if (positions > 1 || (positions == 1 && (Children.Count > 1 || Mounts.Count > 0)) || (Command != null && (Children.Count > 0 || Mounts.Count > 0)))
                diagnostics.Add(new DiagnosticInfo("ASPN003", location, new[] { path }.ToEquatableArray()));
            var seen = new HashSet<string>(Children.Where(c => c.Kind == 0).Select(c => c.Word));
            foreach (var mount in Mounts)
                foreach (var word in mount.Words)
                    if (!seen.Add(word))
                        diagnostics.Add(new DiagnosticInfo("ASPN011", mount.Spec.Location, new[] { path + " " + word }.ToEquatableArray()));
            foreach (var child in Children)
                child.Check(path + " " + child.Display, child.Command?.Location ?? location, diagnostics);
        }

        private string Display => Kind == 1 ? "<" + Word + ">" : Kind == 2 ? "{" + Word + ":" + string.Join("|", Values) + "}" : Word;
    }
}
