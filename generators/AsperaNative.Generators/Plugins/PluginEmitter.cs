using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>
    /// Emits a plugin's descriptor (options, factory, command tree) or a command set's builder (its nodes
    /// for a mount, its options), with mounted sets spliced in as lazily built children; no reflection.
    /// </summary>
    internal sealed class PluginEmitter
    {
        private const string Core = "global::AsperaNative.Core";
        private const string Node = Core + ".Commands.CommandNode";

        private readonly RootSpec _root;
        private readonly IReadOnlyDictionary<string, ServiceSpec> _services;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly SourceBuilder _b = new SourceBuilder();

        private PluginEmitter(RootSpec root, IReadOnlyDictionary<string, ServiceSpec> services, List<DiagnosticInfo> diagnostics)
        {
            _root = root;
            _services = services;
            _diagnostics = diagnostics;
        }

        /// <summary>The source of one root; optionSources are the option sets and set builders whose options it declares, in order.</summary>
        public static string Emit(RootSpec root, CommandTrie tree, IReadOnlyList<string> optionSources, IReadOnlyDictionary<string, ServiceSpec> services, List<DiagnosticInfo> diagnostics)
            => new PluginEmitter(root, services, diagnostics).Emit(tree, optionSources);

        private string Emit(CommandTrie tree, IReadOnlyList<string> optionSources)
        {
            var b = _b;
            b.Line(SourceBuilder.Header);
            if (_root.IsSet)
                b.Line($"[assembly: {Core}.Attributes.CommandSetProvider(typeof({_root.TypeName}), typeof({_root.GeneratedTypeName}), new string[] {{ {string.Join(", ", tree.Words.Select(SourceBuilder.Literal))} }})]").Line();
            else
                b.Line($"[assembly: {Core}.Attributes.PluginDescriptorProvider(typeof({_root.GeneratedTypeName}), {SourceBuilder.Literal(_root.Name)})]").Line();
            if (_root.Namespace.Length > 0) b.Line($"namespace {_root.Namespace};").Line();
            string options = optionSources.Count == 0
                ? $"global::System.Array.Empty<{Core}.Options.OptionDescriptor>()"
                : "[" + string.Join(", ", optionSources.Select(o => ".. " + o)) + "]";
            if (_root.IsSet)
            {
                b.Line($"/// <summary>The generated builder of command set <c>{_root.Name}</c> ({_root.ClassName}), for mounts.</summary>");
                b.Open($"public static class {_root.GeneratedName}");
                b.Line("/// <summary>The options of the set's commands, and of the sets it mounts.</summary>");
                b.Line($"public static {Core}.Options.OptionDescriptor[] Options => {options};").Line();
                b.Line("/// <summary>The set's first-level nodes; <paramref name=\"name\"/> replaces <c>{name}</c> in their help.</summary>");
                b.Line($"public static {Node}[] Nodes(string? name) =>");
                b.Line("[");
                b.Indent();
                EmitChildren(tree, "name");
                b.Outdent();
                b.Line("];");
                b.Close();
            }
            else
            {
                b.Line($"/// <summary>The generated descriptor of plugin <c>{_root.Name}</c>.</summary>");
                b.Open($"public static class {_root.GeneratedName}");
                b.Line($"public static readonly {Core}.Commands.PluginDescriptor Instance = new(");
                b.Indent();
                b.Line($"{SourceBuilder.Literal(_root.Name)}, {SourceBuilder.Literal(_root.Summary)},");
                b.Line("static () => Options(),");
                b.Line("static () => Tree(),");
                string capabilities = _root.Capabilities.Count == 0 ? ""
                    : ", " + string.Join(" | ", _root.Capabilities.Select(c => Core + ".Commands.PluginCapabilities." + c));
                b.Line($"static context => new {_root.TypeName}({Arguments(_root.Parameters, "context", null, _root.ClassName)}){capabilities});");
                b.Outdent();
                b.Line();
                b.Line($"private static global::System.Collections.Generic.IReadOnlyList<{Core}.Options.OptionDescriptor> Options() => {options};").Line();
                b.Line($"private static {Node} Tree() =>");
                b.Indent();
                EmitNode(tree, ";", null);
                b.Outdent();
                b.Close();
            }
            return b.ToString();
        }

        private void EmitNode(CommandTrie node, string terminator, string? nameVariable, string? alias = null)
        {
            var b = _b;
            string summary = SummaryExpression(node.Summary, nameVariable);
            string word = SourceBuilder.Literal(alias ?? node.Word);
            string init = alias is null ? Position(node) : " { Alias = true }";
            if (node.Command != null)
            {
                var arguments = node.Command.Arguments.Select(ArgumentExpression).ToList();
                string tail = arguments.Count == 0 ? "" : ", " + string.Join(", ", arguments);
                b.Line($"new {Node}({word}, {summary}, static (scope, context, arguments) => {Invocation(node.Group!, node.Command)}{tail}){init}{terminator}");
                return;
            }
            string lambda = nameVariable is null ? "static () =>" : "() =>";
            b.Line($"new {Node}({word}, {summary}, {lambda}");
            b.Line("[");
            b.Indent();
            EmitChildren(node, nameVariable);
            b.Outdent();
            b.Line("])" + init + terminator);
        }

        private void EmitChildren(CommandTrie node, string? nameVariable)
        {
            foreach (var child in node.Children)
            {
                EmitNode(child, ",", nameVariable);
                foreach (var alias in child.Aliases) EmitNode(child, ",", nameVariable, alias);
            }
            foreach (var mount in node.Mounts)
            {
                string name = mount.Spec.Name is null ? (nameVariable ?? "null") : SourceBuilder.Literal(mount.Spec.Name);
                string verbs = mount.Spec.Verbs.Count == 0 ? "null" : "new string[] { " + string.Join(", ", mount.Spec.Verbs.Select(SourceBuilder.Literal)) + " }";
                _b.Line($".. {Node}.Mount({mount.Set.BuilderTypeName}.Nodes({name}), {SourceBuilder.Literal(mount.Set.Label)}, {Step(mount.Spec)}, {verbs}),");
            }
        }

        private static string SummaryExpression(string summary, string? nameVariable)
            => nameVariable != null && summary.Contains("{name}") ? $"{Node}.Named({SourceBuilder.Literal(summary)}, {nameVariable})" : SourceBuilder.Literal(summary);

        private static string Position(CommandTrie node) => node.Kind switch
        {
            1 => $" {{ Kind = {Core}.Commands.NodeKind.Identifier, Description = {SourceBuilder.Literal(node.Description)} }}",
            2 => $" {{ Kind = {Core}.Commands.NodeKind.Choice, Description = {SourceBuilder.Literal(node.Description)}, Values = new string[] {{ {string.Join(", ", node.Values.Select(SourceBuilder.Literal))} }} }}",
            _ => "",
        };

        private static string ArgumentExpression(ArgumentSpecInfo a)
        {
            var init = new List<string>();
            if (a.Optional) init.Add("Optional = true");
            if (a.Multiple) init.Add("Multiple = true");
            if (a.Bulk) init.Add("Bulk = true");
            if (a.Values.Count > 0) init.Add("Values = new string[] { " + string.Join(", ", a.Values.Select(SourceBuilder.Literal)) + " }");
            if (a.Types.Count > 0) init.Add("Types = new string[] { " + string.Join(", ", a.Types.Select(SourceBuilder.Literal)) + " }");
            string initializer = init.Count == 0 ? "" : " { " + string.Join(", ", init) + " }";
            return $"new {Core}.Commands.ArgumentSpec({SourceBuilder.Literal(a.Name)}, {SourceBuilder.Literal(a.Description)}, {Core}.Commands.ArgumentKind.{KnownNames.ArgumentKinds[a.Kind]}){initializer}";
        }

        private string Step(MountSpec mount)
        {
            string key = SourceBuilder.Literal(mount.Key);
            string args = mount.CallKind switch { 0 => "()", 1 => "(context)", 2 => $"({key}, context)", _ => $"({key})" };
            string call = $"(({_root.TypeName})scope).{mount.Member}{args}";
            return mount.ReturnKind == 0
                ? $"static (scope, context) => new global::System.Threading.Tasks.ValueTask<object>({call})"
                : $"static async (scope, context) => (object)await {call}";
        }

        private string Invocation(GroupSpec group, CommandSpec command)
        {
            string target = command.IsStatic
                ? group.TypeName
                : $"new {group.TypeName}({Arguments(group.Parameters, "context.Plugin", $"(({_root.TypeName})scope)", group.TypeName)})";
            var args = command.ParameterOrder.Select(i => i < 0 ? "context" : Cast(command.Arguments[i], i));
            string call = $"{target}.{command.MethodName}({string.Join(", ", args)})";
            return command.ReturnKind == 2 ? call : $"new global::System.Threading.Tasks.ValueTask<{Core}.Results.Result>({call})";
        }

        private static string Cast(ArgumentSpecInfo a, int index)
            => a.Cast.EndsWith("?") ? $"({a.Cast})arguments[{index}]" : $"({a.Cast})arguments[{index}]!";

        private string Arguments(EquatableArray<ParameterSpec> parameters, string pluginContext, string? owner, string ownerName)
            => string.Join(", ", parameters.Select(p =>
            {
                switch (p.Kind)
                {
                    case 0: return $"new {p.TypeName}({pluginContext}.Options)";
                    case 1: return pluginContext;
                    case 2:
                        if (owner != null && p.TypeName == _root.TypeName) return owner;
                        break;
                    default:
                        if (_services.TryGetValue(p.TypeName, out var service)) return $"{service.Method}({pluginContext})";
                        break;
                }
                _diagnostics.Add(new DiagnosticInfo("ASPN009", _root.Location, new[] { p.Name, ownerName }.ToEquatableArray()));
                return "default!";
            }));
    }
}
