using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>Reads [Plugin] and [CommandGroup] classes into specs.</summary>
    internal static class PluginParser
    {
        private static readonly SymbolDisplayFormat FullName = SymbolDisplayFormat.FullyQualifiedFormat;

        public static Parsed<PluginSpec> ParsePlugin(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(context.TargetNode);
            string name = (string)context.Attributes[0].ConstructorArguments[0].Value!;
            string summary = Docs.Summary(type);
            if (summary.Length == 0) diagnostics.Add(new DiagnosticInfo("ASPN007", location, new[] { type.Name }.ToEquatableArray()));
            var parameters = Parameters(type, null, location, diagnostics);
            string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
            var spec = new PluginSpec(ns, type.ToDisplayString(FullName), type.Name, name, summary, parameters, location);
            return new Parsed<PluginSpec>(spec, diagnostics.ToEquatableArray());
        }

        public static Parsed<GroupSpec> ParseGroup(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(context.TargetNode);
            string path = (string)context.Attributes[0].ConstructorArguments[0].Value!;
            var words = path.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
            var commands = new List<CommandSpec>();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.CommandAttribute);
                if (attribute is null) continue;
                var methodLocation = LocationInfo.From(method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax()) ?? location;
                var command = ParseCommand(method, attribute, methodLocation, diagnostics);
                if (command != null) commands.Add(command);
            }
            var parameters = Parameters(type, words.Length > 0 ? words[0] : null, location, diagnostics);
            var spec = new GroupSpec(type.ToDisplayString(FullName), words.ToEquatableArray(), parameters, commands.ToEquatableArray(), location);
            return new Parsed<GroupSpec>(spec, diagnostics.ToEquatableArray());
        }

        private static CommandSpec? ParseCommand(IMethodSymbol method, AttributeData attribute, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var words = ((string)attribute.ConstructorArguments[0].Value!).Split('|').Select(w => w.Trim()).ToArray();
            string returnType = method.ReturnType.ToDisplayString();
            int returnKind =
                returnType == KnownNames.Result ? 0 :
                returnType == "System.Threading.Tasks.Task<" + KnownNames.Result + ">" ? 1 :
                returnType == "System.Threading.Tasks.ValueTask<" + KnownNames.Result + ">" ? 2 : -1;
            bool takesContext = method.Parameters.Length == 1 && method.Parameters[0].Type.ToDisplayString() == KnownNames.CommandContext;
            if (returnKind < 0 || !(method.Parameters.Length == 0 || takesContext))
            {
                diagnostics.Add(new DiagnosticInfo("ASPN005", location, new[] { method.Name }.ToEquatableArray()));
                return null;
            }
            string summary = Docs.Summary(method);
            if (summary.Length == 0)
                diagnostics.Add(new DiagnosticInfo("ASPN007", location, new[] { method.Name }.ToEquatableArray()));
            else if (char.IsLower(summary[0]) || summary.EndsWith("."))
                diagnostics.Add(new DiagnosticInfo("ASPN008", location, new[] { method.Name }.ToEquatableArray()));
            return new CommandSpec(method.Name, words.ToEquatableArray(), summary, returnKind, takesContext, method.IsStatic, location);
        }

        private static EquatableArray<ParameterSpec> Parameters(INamedTypeSymbol type, string? pluginWord, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var constructor = type.InstanceConstructors.OrderByDescending(c => c.Parameters.Length).FirstOrDefault();
            var result = new List<ParameterSpec>();
            if (constructor is null) return result.ToEquatableArray();
            foreach (var p in constructor.Parameters)
            {
                string typeName = p.Type.ToDisplayString(FullName);
                if (p.Type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.OptionSetAttribute))
                    result.Add(new ParameterSpec(0, typeName, p.Name));
                else if (p.Type.ToDisplayString() == KnownNames.PluginContext)
                    result.Add(new ParameterSpec(1, typeName, p.Name));
                else if (pluginWord != null && p.Type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.PluginAttribute))
                    result.Add(new ParameterSpec(2, typeName, p.Name));
                else
                    diagnostics.Add(new DiagnosticInfo("ASPN009", location, new[] { p.Name, type.Name }.ToEquatableArray()));
            }
            return result.ToEquatableArray();
        }
    }
}
