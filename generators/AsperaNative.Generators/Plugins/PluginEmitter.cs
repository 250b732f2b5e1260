using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>Emits a plugin's descriptor: options, factory, command tree and dispatch, with no reflection.</summary>
    internal static class PluginEmitter
    {
        private const string Core = "global::AsperaNative.Core";

        public static string Emit(PluginSpec plugin, IReadOnlyList<GroupSpec> groups, CommandTrie tree)
        {
            var b = new SourceBuilder();
            b.Line(SourceBuilder.Header);
            string descriptor = plugin.ClassName + "Descriptor";
            string qualified = (plugin.Namespace.Length > 0 ? "global::" + plugin.Namespace + "." : "global::") + descriptor;
            b.Line($"[assembly: {Core}.Attributes.PluginDescriptorProvider(typeof({qualified}), {SourceBuilder.Literal(plugin.Name)})]").Line();
            if (plugin.Namespace.Length > 0) b.Line($"namespace {plugin.Namespace};").Line();
            b.Line($"/// <summary>The generated descriptor of plugin <c>{plugin.Name}</c>.</summary>");
            b.Open($"public static class {descriptor}");
            b.Line($"public static readonly {Core}.Commands.PluginDescriptor Instance = new(");
            b.Indent();
            b.Line($"{SourceBuilder.Literal(plugin.Name)}, {SourceBuilder.Literal(plugin.Summary)},");
            b.Line("static () => Options(),");
            b.Line("static () => Tree(),");
            b.Line($"static context => new {plugin.TypeName}({Arguments(plugin.Parameters, "context", null)}));");
            b.Outdent();
            b.Line();

            var optionSets = plugin.Parameters.Concat(groups.SelectMany(g => g.Parameters)).Where(p => p.Kind == 0).Select(p => p.TypeName).Distinct().ToList();
            b.Open($"private static global::System.Collections.Generic.IReadOnlyList<{Core}.Options.OptionDescriptor> Options()");
            if (optionSets.Count == 0) b.Line($"return global::System.Array.Empty<{Core}.Options.OptionDescriptor>();");
            else b.Line("return [" + string.Join(", ", optionSets.Select(o => ".. " + o + ".Descriptors")) + "];");
            b.Close().Line();

            b.Line($"private static {Core}.Commands.CommandNode Tree() =>");
            b.Indent();
            EmitNode(b, plugin, tree, ";");
            b.Outdent();
            b.Close();
            return b.ToString();
        }

        private static void EmitNode(SourceBuilder b, PluginSpec plugin, CommandTrie node, string terminator)
        {
            string identifier = node.IsIdentifier ? " { IsIdentifier = true }" : "";
            if (node.Command != null)
            {
                b.Line($"new {Core}.Commands.CommandNode({SourceBuilder.Literal(node.Word)}, {SourceBuilder.Literal(node.Summary)}, global::System.Array.Empty<{Core}.Commands.CommandNode>(), static (plugin, context) => {Invocation(plugin, node.Group!, node.Command)}){identifier}{terminator}");
                return;
            }
            b.Line($"new {Core}.Commands.CommandNode({SourceBuilder.Literal(node.Word)}, {SourceBuilder.Literal(node.Summary)}, new {Core}.Commands.CommandNode[]");
            b.Line("{");
            b.Indent();
            foreach (var child in node.Children) EmitNode(b, plugin, child, ",");
            b.Outdent();
            b.Line("})" + identifier + terminator);
        }

        private static string Invocation(PluginSpec plugin, GroupSpec group, CommandSpec command)
        {
            string target = command.IsStatic
                ? group.TypeName
                : $"new {group.TypeName}({Arguments(group.Parameters, "context.Plugin", $"(({plugin.TypeName})plugin)")})";
            string call = $"{target}.{command.MethodName}({(command.TakesContext ? "context" : "")})";
            return command.ReturnKind == 2 ? call : $"new global::System.Threading.Tasks.ValueTask<{Core}.Results.Result>({call})";
        }

        private static string Arguments(EquatableArray<ParameterSpec> parameters, string pluginContext, string? pluginInstance)
            => string.Join(", ", parameters.Select(p =>
                p.Kind == 0 ? $"new {p.TypeName}({pluginContext}.Options)" :
                p.Kind == 1 ? pluginContext :
                pluginInstance ?? "null!"));
    }
}
