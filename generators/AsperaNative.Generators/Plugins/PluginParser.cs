using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>Reads [Plugin], [CommandSet] and [CommandGroup] classes and their mounts, commands and arguments into specs.</summary>
    internal static class PluginParser
    {
        private static readonly SymbolDisplayFormat FullName = SymbolDisplayFormat.FullyQualifiedFormat;
        private static readonly SymbolDisplayFormat NullableFullName = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        public static Parsed<RootSpec> ParseRoot(GeneratorAttributeSyntaxContext context, bool isSet)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(context.TargetNode);
            string name = (string)context.Attributes[0].ConstructorArguments[0].Value!;
            string summary = Docs.Summary(type);
            if (summary.Length == 0 && !isSet) diagnostics.Add(new DiagnosticInfo("ASPN007", location, new[] { type.Name }.ToEquatableArray()));
            var parameters = isSet ? new EquatableArray<ParameterSpec>(new ParameterSpec[0]) : Parameters(type, location, diagnostics);
            var mounts = Mounts(type, location, diagnostics);
            var aliases = type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.CommandAliasAttribute && a.ConstructorArguments.Length == 2)
                .Select(a => new AliasSpec(Words((string)a.ConstructorArguments[0].Value!).ToEquatableArray(), (string)a.ConstructorArguments[1].Value!,
                    LocationInfo.From(a.ApplicationSyntaxReference?.GetSyntax()) ?? location))
                .ToEquatableArray();
            string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
            var spec = new RootSpec(ns, type.ToDisplayString(FullName), type.Name, name, summary, isSet, parameters, mounts, aliases, location,
                isSet ? new EquatableArray<string>(new string[0]) : Capabilities(type));
            return new Parsed<RootSpec>(spec, diagnostics.ToEquatableArray());
        }

        public static Parsed<GroupSpec> ParseGroup(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(context.TargetNode);
            string path = (string)context.Attributes[0].ConstructorArguments[0].Value!;
            var words = Words(path);
            var commands = new List<CommandSpec>();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.CommandAttribute);
                if (attribute is null) continue;
                var methodLocation = LocationInfo.From(method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax()) ?? location;
                var command = ParseCommand(method, attribute, methodLocation, diagnostics);
                if (command != null) commands.Add(command);
            }
            var parameters = Parameters(type, location, diagnostics);
            var spec = new GroupSpec(type.ToDisplayString(FullName), words.ToEquatableArray(), Docs.Summary(type), parameters, commands.ToEquatableArray(), location);
            return new Parsed<GroupSpec>(spec, diagnostics.ToEquatableArray());
        }

        /// <summary>The provider methods of a [ServiceProviders] class: <c>public static T M(PluginContext)</c>.</summary>
        public static EquatableArray<ServiceSpec> ParseServices(INamedTypeSymbol type)
        {
            var found = new List<ServiceSpec>();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (!method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.MethodKind != MethodKind.Ordinary) continue;
                if (method.Parameters.Length != 1 || method.Parameters[0].Type.ToDisplayString() != KnownNames.PluginContext || method.ReturnsVoid) continue;
                found.Add(new ServiceSpec(method.ReturnType.ToDisplayString(FullName), type.ToDisplayString(FullName) + "." + method.Name));
            }
            return found.ToEquatableArray();
        }

        /// <summary>The optional plugin interfaces <paramref name="type"/> implements, as PluginCapabilities names.</summary>
        private static EquatableArray<string> Capabilities(INamedTypeSymbol type)
        {
            var interfaces = type.AllInterfaces.Select(i => i.ToDisplayString()).ToList();
            var found = new List<string>();
            if (interfaces.Contains(KnownNames.ApplicationDetector)) found.Add("Detect");
            if (interfaces.Contains(KnownNames.ApplicationWizard)) found.Add("Wizard");
            return found.ToEquatableArray();
        }

        /// <summary>The segments of a path: words split on spaces, except inside <c>&lt;…&gt;</c> and <c>{…}</c>.</summary>
        internal static string[] Words(string path)
        {
            var segments = new List<string>();
            var current = new System.Text.StringBuilder();
            int depth = 0;
            foreach (char c in path)
            {
                if (c == '<' || c == '{') depth++;
                else if (c == '>' || c == '}') depth--;
                if (c == ' ' && depth == 0)
                {
                    if (current.Length > 0) segments.Add(current.ToString());
                    current.Clear();
                }
                else current.Append(c);
            }
            if (current.Length > 0) segments.Add(current.ToString());
            return segments.ToArray();
        }

        private static EquatableArray<MountSpec> Mounts(INamedTypeSymbol type, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var mounts = new List<MountSpec>();
            foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.MountCommandsAttribute))
            {
                var mountLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()) ?? location;
                if (attribute.ConstructorArguments.Length != 2 || !(attribute.ConstructorArguments[0].Value is INamedTypeSymbol set)) continue;
                string at = (string)attribute.ConstructorArguments[1].Value!;
                var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
                string member = named.TryGetValue("Scope", out var s) ? (string?)s.Value ?? "" : "";
                string? key = named.TryGetValue("Key", out var k) ? (string?)k.Value : null;
                string? name = named.TryGetValue("Name", out var n) ? (string?)n.Value : null;
                var verbs = named.TryGetValue("Verbs", out var v) && v.Value is string list
                    ? list.Split('|').Select(x => x.Trim()).Where(x => x.Length > 0).ToArray() : new string[0];
                if (!set.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.CommandSetAttribute))
                {
                    diagnostics.Add(new DiagnosticInfo("ASPN012", mountLocation, new[] { set.Name, "is not a [CommandSet] class" }.ToEquatableArray()));
                    continue;
                }
                var scope = type.GetMembers(member).OfType<IMethodSymbol>().FirstOrDefault();
                int callKind = -1, returnKind = -1;
                if (scope != null)
                {
                    var ps = scope.Parameters.Select(p => p.Type.ToDisplayString()).ToArray();
                    if (ps.Length == 0) callKind = 0;
                    else if (ps.Length == 1 && ps[0] == KnownNames.CommandContext) callKind = 1;
                    else if (ps.Length == 2 && ps[0] == "string" && ps[1] == KnownNames.CommandContext) callKind = 2;
                    else if (ps.Length == 1 && ps[0] == "string") callKind = 3;
                    string setName = set.ToDisplayString(FullName);
                    string returned = scope.ReturnType.ToDisplayString(FullName);
                    if (returned == setName) returnKind = 0;
                    else if (returned == "global::System.Threading.Tasks.Task<" + setName + ">") returnKind = 1;
                    else if (returned == "global::System.Threading.Tasks.ValueTask<" + setName + ">") returnKind = 2;
                    if ((callKind >= 2) != (key != null)) callKind = -1;
                }
                if (scope is null || callKind < 0 || returnKind < 0 || scope.IsStatic)
                {
                    diagnostics.Add(new DiagnosticInfo("ASPN012", mountLocation, new[] { set.Name, $"needs Scope = the name of an instance method of {type.Name} returning {set.Name} (or a Task/ValueTask of it) and taking nothing, a CommandContext, or with Key a string and a CommandContext" }.ToEquatableArray()));
                    continue;
                }
                mounts.Add(new MountSpec(set.ToDisplayString(FullName), Words(at).ToEquatableArray(), member, callKind, returnKind, verbs.ToEquatableArray(), key, name, mountLocation));
            }
            return mounts.ToEquatableArray();
        }

        private static CommandSpec? ParseCommand(IMethodSymbol method, AttributeData attribute, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var words = ((string)attribute.ConstructorArguments[0].Value!).Split('|').Select(w => w.Trim()).ToArray();
            string returnType = method.ReturnType.ToDisplayString();
            int returnKind =
                returnType == KnownNames.Result ? 0 :
                returnType == "System.Threading.Tasks.Task<" + KnownNames.Result + ">" ? 1 :
                returnType == "System.Threading.Tasks.ValueTask<" + KnownNames.Result + ">" ? 2 : -1;
            var order = new List<int>();
            var arguments = new List<ArgumentSpecInfo>();
            bool valid = returnKind >= 0;
            foreach (var p in method.Parameters)
            {
                if (p.Type.ToDisplayString() == KnownNames.CommandContext) { order.Add(-1); continue; }
                var argument = p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ArgumentAttribute);
                var spec = argument is null ? null : ParseArgument(p, argument);
                if (spec is null || (arguments.Count > 0 && (arguments[arguments.Count - 1].Multiple || arguments[arguments.Count - 1].Kind == 5)))
                {
                    valid = false;
                    break;
                }
                order.Add(arguments.Count);
                arguments.Add(spec);
            }
            if (!valid)
            {
                diagnostics.Add(new DiagnosticInfo("ASPN005", location, new[] { method.Name }.ToEquatableArray()));
                return null;
            }
            string summary = Docs.Summary(method);
            if (summary.Length == 0)
                diagnostics.Add(new DiagnosticInfo("ASPN007", location, new[] { method.Name }.ToEquatableArray()));
            else if (char.IsLower(summary[0]) || summary.EndsWith("."))
                diagnostics.Add(new DiagnosticInfo("ASPN008", location, new[] { method.Name }.ToEquatableArray()));
            return new CommandSpec(method.Name, words.ToEquatableArray(), summary, returnKind, order.ToEquatableArray(), arguments.ToEquatableArray(), method.IsStatic, location);
        }

        /// <summary>The argument of a parameter, from its type (see ArgumentAttribute), or null when the type is not supported.</summary>
        private static ArgumentSpecInfo? ParseArgument(IParameterSymbol p, AttributeData attribute)
        {
            string description = (string)attribute.ConstructorArguments[0].Value!;
            var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
            string name = named.TryGetValue("Name", out var n) && n.Value is string nv ? nv : description.Replace(' ', '_');
            bool multiple = named.TryGetValue("Multiple", out var m) && (bool)m.Value!;
            bool bulk = named.TryGetValue("Bulk", out var bk) && (bool)bk.Value!;
            var values = named.TryGetValue("Values", out var v) && !v.IsNull ? v.Values.Select(x => (string)x.Value!).ToArray() : new string[0];
            var types = named.TryGetValue("Types", out var t) && t.Value is string tv ? tv.Split(',').Select(x => x.Trim()).ToArray() : new string[0];
            string cast = p.Type.ToDisplayString(NullableFullName);
            bool nullable = cast.EndsWith("?");
            bool optional = nullable || p.HasExplicitDefaultValue;
            string bare = p.Type.ToDisplayString().TrimEnd('?');
            int kind;
            if (bare == KnownNames.PendingArguments) { kind = 5; multiple = true; }
            else if (multiple)
            {
                if (bare == "System.Collections.Generic.IReadOnlyList<string>" || bare == "string[]") kind = 0;
                else if (bare == KnownNames.JsonArray) kind = 1;
                else return null;
            }
            else if (bare == "string") kind = 0;
            else if (bare == KnownNames.JsonNode) kind = 1;
            else if (bare == KnownNames.JsonObject) kind = 2;
            else if (bare == KnownNames.JsonArray) kind = 3;
            else if (bare == "long") kind = 4;
            else return null;
            if (bulk && kind != 1) return null;
            return new ArgumentSpecInfo(name, description, kind, optional, multiple, bulk, values.ToEquatableArray(), types.ToEquatableArray(), cast);
        }

        private static EquatableArray<ParameterSpec> Parameters(INamedTypeSymbol type, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var constructor = type.InstanceConstructors.OrderByDescending(c => c.Parameters.Length).FirstOrDefault();
            var result = new List<ParameterSpec>();
            if (constructor is null) return result.ToEquatableArray();
            foreach (var p in constructor.Parameters)
            {
                string typeName = p.Type.ToDisplayString(FullName);
                var attributes = p.Type.GetAttributes();
                if (attributes.Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.OptionSetAttribute))
                    result.Add(new ParameterSpec(0, typeName, p.Name));
                else if (p.Type.ToDisplayString() == KnownNames.PluginContext)
                    result.Add(new ParameterSpec(1, typeName, p.Name));
                else if (attributes.Any(a => a.AttributeClass?.ToDisplayString() is KnownNames.PluginAttribute or KnownNames.CommandSetAttribute))
                    result.Add(new ParameterSpec(2, typeName, p.Name));
                else
                    result.Add(new ParameterSpec(3, typeName, p.Name));
            }
            return result.ToEquatableArray();
        }
    }
}
