using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>Builds each plugin's descriptor (options, factory, command tree, dispatch) from [Plugin] and [CommandGroup] classes.</summary>
    [Generator]
    public sealed class PluginGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var plugins = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.PluginAttribute, static (_, _) => true, static (ctx, _) => PluginParser.ParsePlugin(ctx))
                .WithTrackingName("Plugins.1_Plugin");
            var groups = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.CommandGroupAttribute, static (_, _) => true, static (ctx, _) => PluginParser.ParseGroup(ctx))
                .WithTrackingName("Plugins.2_Group");
            var all = plugins.Collect().Combine(groups.Collect()).WithTrackingName("Plugins.3_All");
            context.RegisterSourceOutput(all, static (spc, input) => Execute(spc, input.Left, input.Right));
        }

        private static void Execute(SourceProductionContext spc, IReadOnlyList<Parsed<PluginSpec>> plugins, IReadOnlyList<Parsed<GroupSpec>> groups)
        {
            foreach (var d in plugins.SelectMany(p => p.Diagnostics).Concat(groups.SelectMany(g => g.Diagnostics))) spc.ReportDiagnostic(d.ToDiagnostic());
            var pluginSpecs = plugins.Where(p => p.Spec != null).Select(p => p.Spec!).ToList();
            var groupSpecs = groups.Where(g => g.Spec != null).Select(g => g.Spec!).ToList();
            foreach (var group in groupSpecs.Where(g => g.Path.Count == 0 || pluginSpecs.All(p => p.Name != g.Path[0])))
                spc.ReportDiagnostic(new DiagnosticInfo("ASPN004", group.Location, new[] { string.Join(" ", group.Path) }.ToEquatableArray()).ToDiagnostic());
            foreach (var plugin in pluginSpecs)
            {
                var mine = groupSpecs.Where(g => g.Path.Count > 0 && g.Path[0] == plugin.Name).ToList();
                var diagnostics = new List<DiagnosticInfo>();
                var tree = CommandTrie.Build(plugin, mine, diagnostics);
                foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
                if (diagnostics.Count == 0) spc.AddSource($"{plugin.ClassName}.Descriptor.g.cs", PluginEmitter.Emit(plugin, mine, tree));
            }
        }
    }
}
