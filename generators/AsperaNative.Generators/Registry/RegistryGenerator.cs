using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Registry
{
    /// <summary>
    /// Fills the executable's [PluginRegistry] class with every plugin descriptor and every transfer agent
    /// found in the referenced assemblies (each assembly marks them with assembly attributes).
    /// </summary>
    [Generator]
    public sealed class RegistryGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var registries = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.PluginRegistryAttribute, static (_, _) => true,
                    static (ctx, _) => new RegistrySpec(
                        ctx.TargetSymbol.ContainingNamespace.IsGlobalNamespace ? "" : ctx.TargetSymbol.ContainingNamespace.ToDisplayString(),
                        ctx.TargetSymbol.Name))
                .WithTrackingName("Registry.1_Class");
            var providers = context.CompilationProvider
                .Select(static (compilation, _) => FindProviders(compilation))
                .WithTrackingName("Registry.2_Providers");
            context.RegisterSourceOutput(registries.Combine(providers), static (spc, input) =>
                spc.AddSource($"{input.Left.ClassName}.Registry.g.cs", Emit(input.Left, input.Right)));

            // a library's transfer agents, marked for the executable's registry
            var agents = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.TransferAgentAttribute, static (_, _) => true,
                    static (ctx, _) => new ProviderSpec(((INamedTypeSymbol)ctx.TargetSymbol).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), (string)ctx.Attributes[0].ConstructorArguments[0].Value!))
                .WithTrackingName("Registry.3_Agents");
            context.RegisterSourceOutput(agents.Collect(), static (spc, list) =>
            {
                if (list.Length == 0) return;
                var b = new SourceBuilder().Line(SourceBuilder.Header);
                foreach (var a in list.OrderBy(a => a.Name, System.StringComparer.Ordinal))
                    b.Line($"[assembly: global::AsperaNative.Core.Attributes.TransferAgentProvider(typeof({a.TypeName}), {SourceBuilder.Literal(a.Name)})]");
                spc.AddSource("TransferAgents.g.cs", b.ToString());
            });
        }

        private static Found FindProviders(Compilation compilation)
        {
            var plugins = new List<ProviderSpec>();
            var agents = new List<ProviderSpec>();
            var assemblies = new[] { compilation.Assembly }.Concat(compilation.SourceModule.ReferencedAssemblySymbols);
            foreach (var assembly in assemblies)
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    string? name = attribute.AttributeClass?.ToDisplayString();
                    if (attribute.ConstructorArguments.Length != 2 || !(attribute.ConstructorArguments[0].Value is INamedTypeSymbol type)) continue;
                    var spec = new ProviderSpec(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), (string)attribute.ConstructorArguments[1].Value!);
                    if (name == KnownNames.PluginDescriptorProviderAttribute) plugins.Add(spec);
                    else if (name == KnownNames.TransferAgentProviderAttribute) agents.Add(spec);
                }
            }
            return new Found(plugins.OrderBy(p => p.Name, System.StringComparer.Ordinal).ToEquatableArray(), agents.OrderBy(p => p.Name, System.StringComparer.Ordinal).ToEquatableArray());
        }

        private static string Emit(RegistrySpec registry, Found found)
        {
            var b = new SourceBuilder();
            b.Line(SourceBuilder.Header);
            if (registry.Namespace.Length > 0) b.Line($"namespace {registry.Namespace};").Line();
            b.Open($"partial class {registry.ClassName}");
            b.Line("/// <summary>Every plugin of this executable, sorted by name; each is built only when used.</summary>");
            b.Line("public static readonly global::AsperaNative.Core.Commands.PluginDescriptor[] All =");
            b.Line("[");
            b.Indent();
            foreach (var p in found.Plugins) b.Line($"{p.TypeName}.Instance,");
            b.Outdent();
            b.Line("];");
            if (found.Agents.Count > 0)
            {
                b.Line();
                b.Line("/// <summary>Every transfer agent other than the built-in direct one (<c>--transfer</c>), by name.</summary>");
                b.Line("public static readonly global::AsperaNative.Transfer.Agents.TransferAgentEntry[] Agents =");
                b.Line("[");
                b.Indent();
                foreach (var a in found.Agents) b.Line($"new({SourceBuilder.Literal(a.Name)}, {a.TypeName}.Create),");
                b.Outdent();
                b.Line("];");
            }
            b.Close();
            return b.ToString();
        }

        private sealed record RegistrySpec(string Namespace, string ClassName);
        private sealed record ProviderSpec(string TypeName, string Name);
        private sealed record Found(EquatableArray<ProviderSpec> Plugins, EquatableArray<ProviderSpec> Agents);
    }
}
