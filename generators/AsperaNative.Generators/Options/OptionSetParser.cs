using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsperaNative.Generators.Options
{
    /// <summary>Reads an [OptionSet] class into an <see cref="OptionSetSpec"/>.</summary>
    internal static class OptionSetParser
    {
        public static OptionSetResult Parse(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var properties = new List<OptionPropertySpec>();
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.OptionAttribute);
                if (attribute is null) continue;
                var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as PropertyDeclarationSyntax;
                var location = LocationInfo.From((SyntaxNode?)syntax ?? context.TargetNode);
                var spec = ParseProperty(property, attribute, location, diagnostics);
                if (spec != null) properties.Add(spec);
            }
            var seen = new HashSet<string>();
            foreach (var p in properties)
            {
                if (!seen.Add(p.Name))
                    diagnostics.Add(new DiagnosticInfo("ASPN002", LocationInfo.From(context.TargetNode), new[] { p.Name }.ToEquatableArray()));
            }
            string keyword = type.IsRecord ? "record" : "class";
            string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
            var result = new OptionSetSpec(ns, type.Name, keyword, properties.ToEquatableArray());
            return new OptionSetResult(diagnostics.Count == 0 ? result : null, diagnostics.ToEquatableArray());
        }

        private static OptionPropertySpec? ParseProperty(IPropertySymbol property, AttributeData attribute, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            string name = (string)attribute.ConstructorArguments[0].Value!;
            var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
            string typeName = property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));
            string bare = typeName.TrimEnd('?');
            bool required = named.TryGetValue("Required", out var r) && (bool)r.Value!;
            int? inferred;
            string getter;
            switch (bare)
            {
                case "string": inferred = 0; getter = required ? "GetMandatoryString" : "GetString"; break;
                case "long": inferred = 1; getter = "GetInteger"; break;
                case "int": inferred = 1; getter = "GetInteger"; break;
                case "double": inferred = 2; getter = "GetFloat"; break;
                case "bool": inferred = 3; getter = "GetBoolean"; break;
                case "global::System.Text.Json.Nodes.JsonObject": inferred = 6; getter = "GetHash"; break;
                case "global::System.Text.Json.Nodes.JsonArray": inferred = 5; getter = "GetList"; break;
                case "global::System.Text.Json.Nodes.JsonNode": inferred = 0; getter = required ? "GetMandatory" : "Get"; break;
                default: inferred = null; getter = ""; break;
            }
            bool partialGetOnly = property.IsPartialDefinition && property.SetMethod is null;
            if (inferred is null || !partialGetOnly)
            {
                diagnostics.Add(new DiagnosticInfo("ASPN006", location, new[] { property.Name }.ToEquatableArray()));
                return null;
            }
            var values = named.TryGetValue("Values", out var v) && !v.IsNull ? v.Values.Select(x => (string)x.Value!).ToArray() : new string[0];
            int type = named.TryGetValue("Type", out var t) ? (int)t.Value! : (values.Length > 0 ? 4 : inferred.Value);
            if (type == 4 && values.Length == 0)
                diagnostics.Add(new DiagnosticInfo("ASPN010", location, new[] { name }.ToEquatableArray()));
            // conversions that the typed getter cannot infer from the property type
            if (bare == "int") getter = "GetInteger";
            string summary = Docs.Summary(property);
            if (summary.Length == 0)
                diagnostics.Add(new DiagnosticInfo("ASPN007", location, new[] { "--" + name }.ToEquatableArray()));
            else if (char.IsLower(summary[0]) || summary.EndsWith("."))
                diagnostics.Add(new DiagnosticInfo("ASPN008", location, new[] { "--" + name }.ToEquatableArray()));
            return new OptionPropertySpec(
                property.Name, typeName, SyntaxFacts(property.DeclaredAccessibility), getter,
                name, type, values.ToEquatableArray(),
                named.TryGetValue("Default", out var d) ? (string?)d.Value : null,
                named.TryGetValue("Sensitive", out var s) && (bool)s.Value!,
                required,
                named.TryGetValue("Cumulative", out var c) && (bool)c.Value!,
                named.TryGetValue("Hidden", out var h) && (bool)h.Value!,
                named.TryGetValue("Short", out var sh) ? (string?)sh.Value : null,
                summary,
                named.TryGetValue("Types", out var ty) ? (string?)ty.Value : InferredTypes(type));
        }

        /// <summary>The Ruby classes ascli declares for hash and list options (checked when a value is set).</summary>
        private static string? InferredTypes(int type) => type == 6 ? "Hash" : type == 5 ? "Array" : null;

        private static string SyntaxFacts(Accessibility accessibility)
        {
            switch (accessibility)
            {
                case Accessibility.Public: return "public";
                case Accessibility.Internal: return "internal";
                case Accessibility.Private: return "private";
                case Accessibility.Protected: return "protected";
                default: return "internal";
            }
        }
    }
}
