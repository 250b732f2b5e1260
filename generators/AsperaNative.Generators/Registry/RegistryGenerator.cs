using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Registry
{
    /// <summary>
    /// Fills the executable's [PluginRegistry] class with every plugin descriptor found in the
    /// referenced assemblies (each plugin assembly marks its descriptor with an assembly attribute).
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
        }

        private static EquatableArray<ProviderSpec> FindProviders(Compilation compilation)
        {
            var found = new List<ProviderSpec>();
            var assemblies = new[] { compilation.Assembly }.Concat(compilation.SourceModule.ReferencedAssemblySymbols);
            foreach (var assembly in assemblies)
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() != KnownNames.PluginDescriptorProviderAttribute) continue;
                    if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol type)
                        found.Add(new ProviderSpec(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), (string)attribute.ConstructorArguments[1].Value!));
                }
            }
            return found.OrderBy(p => p.Name, System.StringComparer.Ordinal).ToEquatableArray();
        }

        private static string Emit(RegistrySpec registry, EquatableArray<ProviderSpec> providers)
        {
            var b = new SourceBuilder();
            b.Line(SourceBuilder.Header);
            if (registry.Namespace.Length > 0) b.Line($"namespace {registry.Namespace};").Line();
            b.Open($"partial class {registry.ClassName}");
            b.Line("/// <summary>Every plugin of this executable, sorted by name; each is built only when used.</summary>");
            b.Line("public static readonly global::AsperaNative.Core.Commands.PluginDescriptor[] All =");
            b.Line("[");
            b.Indent();
            foreach (var p in providers) b.Line($"{p.TypeName}.Instance,");
            b.Outdent();
            b.Line("];");
            b.Close();
            return b.ToString();
        }

        private sealed record RegistrySpec(string Namespace, string ClassName);
        private sealed record ProviderSpec(string TypeName, string Name);
    }
}
