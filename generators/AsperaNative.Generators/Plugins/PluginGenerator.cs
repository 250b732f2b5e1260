using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>
    /// Builds each plugin's descriptor and each command set's builder from [Plugin], [CommandSet],
    /// [CommandGroup] and [MountCommands]; resolves constructor services against [ServiceProviders]
    /// classes of this assembly and of referenced ones; marks this assembly's sets and providers so that
    /// other assemblies can mount and use them.
    /// </summary>
    [Generator]
    public sealed class PluginGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var plugins = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.PluginAttribute, static (_, _) => true, static (ctx, _) => PluginParser.ParseRoot(ctx, isSet: false))
                .WithTrackingName("Plugins.1_Plugin");
            var sets = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.CommandSetAttribute, static (_, _) => true, static (ctx, _) => PluginParser.ParseRoot(ctx, isSet: true))
                .WithTrackingName("Plugins.1_Set");
            var groups = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.CommandGroupAttribute, static (_, _) => true, static (ctx, _) => PluginParser.ParseGroup(ctx))
                .WithTrackingName("Plugins.2_Group");
            var providers = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.ServiceProvidersAttribute, static (_, _) => true,
                    static (ctx, _) => new ProviderClass(((INamedTypeSymbol)ctx.TargetSymbol).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), PluginParser.ParseServices((INamedTypeSymbol)ctx.TargetSymbol)))
                .WithTrackingName("Plugins.2_Providers");
            var references = context.CompilationProvider
                .Select(static (compilation, _) => FindReferences(compilation))
                .WithTrackingName("Plugins.3_References");
            var all = plugins.Collect().Combine(sets.Collect()).Combine(groups.Collect()).Combine(providers.Collect()).Combine(references)
                .WithTrackingName("Plugins.4_All");
            context.RegisterSourceOutput(all, static (spc, input) =>
                Execute(spc, input.Left.Left.Left.Left.AddRange(input.Left.Left.Left.Right), input.Left.Left.Right, input.Left.Right, input.Right));
        }

        private sealed record ProviderClass(string TypeName, EquatableArray<ServiceSpec> Services);

        private static ReferenceSpec FindReferences(Compilation compilation)
        {
            var sets = new List<ExternalSetSpec>();
            var services = new List<ServiceSpec>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    string? name = attribute.AttributeClass?.ToDisplayString();
                    if (name == KnownNames.CommandSetProviderAttribute && attribute.ConstructorArguments.Length == 3
                        && attribute.ConstructorArguments[0].Value is INamedTypeSymbol scope && attribute.ConstructorArguments[1].Value is INamedTypeSymbol builder)
                    {
                        var words = attribute.ConstructorArguments[2].Values.Select(v => (string)v.Value!).ToEquatableArray();
                        sets.Add(new ExternalSetSpec(scope.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), builder.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), words));
                    }
                    else if (name == KnownNames.ServiceProviderClassAttribute && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol providers)
                    {
                        services.AddRange(PluginParser.ParseServices(providers));
                    }
                }
            }
            return new ReferenceSpec(sets.OrderBy(s => s.ScopeTypeName, System.StringComparer.Ordinal).ToEquatableArray(), services.OrderBy(s => s.TypeName, System.StringComparer.Ordinal).ToEquatableArray());
        }

        private static void Execute(SourceProductionContext spc, IReadOnlyList<Parsed<RootSpec>> parsedRoots, IReadOnlyList<Parsed<GroupSpec>> parsedGroups, IReadOnlyList<ProviderClass> providers, ReferenceSpec references)
        {
            foreach (var d in parsedRoots.SelectMany(p => p.Diagnostics).Concat(parsedGroups.SelectMany(g => g.Diagnostics))) spc.ReportDiagnostic(d.ToDiagnostic());
            var roots = parsedRoots.Where(p => p.Spec != null).Select(p => p.Spec!).ToList();
            var groups = parsedGroups.Where(g => g.Spec != null).Select(g => g.Spec!).ToList();
            foreach (var group in groups.Where(g => g.Path.Count == 0 || roots.All(p => p.Name != g.Path[0])))
                spc.ReportDiagnostic(new DiagnosticInfo("ASPN004", group.Location, new[] { string.Join(" ", group.Path) }.ToEquatableArray()).ToDiagnostic());

            // services: this assembly's providers (marked for the assemblies that reference it) and the referenced ones
            var services = new Dictionary<string, ServiceSpec>();
            foreach (var s in references.Services) services[s.TypeName] = s;
            foreach (var p in providers) foreach (var s in p.Services) services[s.TypeName] = s;
            if (providers.Count > 0)
            {
                var b = new SourceBuilder().Line(SourceBuilder.Header);
                foreach (var p in providers.OrderBy(p => p.TypeName, System.StringComparer.Ordinal))
                    b.Line($"[assembly: global::AsperaNative.Core.Attributes.ServiceProviderClass(typeof({p.TypeName}))]");
                spc.AddSource("ServiceProviders.g.cs", b.ToString());
            }

            var groupsOf = roots.ToDictionary(r => r.TypeName, r => groups.Where(g => g.Path.Count > 0 && g.Path[0] == r.Name).ToList());
            var localSets = roots.Where(r => r.IsSet).ToDictionary(r => r.TypeName);
            var setInfos = new Dictionary<string, SetInfo>();
            foreach (var s in references.Sets) setInfos[s.ScopeTypeName] = new SetInfo(s.BuilderTypeName, Label(s.ScopeTypeName), s.Words.ToList());
            // local sets: own words first, then the words of the sets they mount at their root (a fixpoint over local mounts)
            var scratch = new List<DiagnosticInfo>();
            var ownWords = localSets.Values.ToDictionary(s => s.TypeName, s => CommandTrie.Build(s with { Mounts = default }, groupsOf[s.TypeName], setInfos, scratch).Words.Concat(s.Mounts.Where(m => m.At.Count > 0).Select(m => m.At[0])).Distinct().ToList());
            foreach (var set in localSets.Values)
                setInfos[set.TypeName] = new SetInfo(set.GeneratedTypeName, set.Name, RootWords(set, localSets, ownWords, setInfos, new HashSet<string>()).Distinct().ToList());

            foreach (var root in roots)
            {
                var diagnostics = new List<DiagnosticInfo>();
                var tree = CommandTrie.Build(root, groupsOf[root.TypeName], setInfos, diagnostics);
                var sources = OptionSources(root, groupsOf, localSets, setInfos);
                string text = PluginEmitter.Emit(root, tree, sources, services, diagnostics);
                foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
                if (diagnostics.Count == 0) spc.AddSource($"{root.ClassName}.{(root.IsSet ? "CommandSet" : "Descriptor")}.g.cs", text);
            }
        }

        private static string Label(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

        private static IEnumerable<string> RootWords(RootSpec set, Dictionary<string, RootSpec> localSets, Dictionary<string, List<string>> ownWords, Dictionary<string, SetInfo> infos, HashSet<string> visiting)
        {
            if (!visiting.Add(set.TypeName)) yield break;
            foreach (var w in ownWords[set.TypeName]) yield return w;
            foreach (var mount in set.Mounts.Where(m => m.At.Count == 0))
            {
                IEnumerable<string> words = localSets.TryGetValue(mount.SetTypeName, out var inner)
                    ? RootWords(inner, localSets, ownWords, infos, visiting)
                    : infos.TryGetValue(mount.SetTypeName, out var info) ? info.Words : Enumerable.Empty<string>();
                foreach (var w in words) if (mount.Verbs.Count == 0 || mount.Verbs.Contains(w)) yield return w;
            }
        }

        /// <summary>The option sets a root declares: its own and its groups', then those of the sets it mounts (local ones flattened, so mutual mounts terminate).</summary>
        private static List<string> OptionSources(RootSpec root, Dictionary<string, List<GroupSpec>> groupsOf, Dictionary<string, RootSpec> localSets, Dictionary<string, SetInfo> infos)
        {
            var result = new List<string>();
            var visited = new HashSet<string>();
            void Visit(RootSpec r)
            {
                if (!visited.Add(r.TypeName)) return;
                foreach (var p in r.Parameters.Concat(groupsOf[r.TypeName].SelectMany(g => g.Parameters)).Where(p => p.Kind == 0))
                    if (!result.Contains(p.TypeName + ".Descriptors")) result.Add(p.TypeName + ".Descriptors");
                foreach (var mount in r.Mounts)
                {
                    if (localSets.TryGetValue(mount.SetTypeName, out var inner)) Visit(inner);
                    else if (infos.TryGetValue(mount.SetTypeName, out var info) && !result.Contains(info.BuilderTypeName + ".Options")) result.Add(info.BuilderTypeName + ".Options");
                }
            }
            Visit(root);
            return result;
        }
    }
}
