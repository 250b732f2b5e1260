using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Options
{
    /// <summary>Emits an option set: its descriptors, a constructor over the store and the typed property bodies.</summary>
    internal static class OptionSetEmitter
    {
        public static string Emit(OptionSetSpec spec)
        {
            var b = new SourceBuilder();
            b.Line(SourceBuilder.Header);
            if (spec.Namespace.Length > 0) b.Line($"namespace {spec.Namespace};").Line();
            b.Open($"partial {spec.Keyword} {spec.ClassName}");
            b.Line("private readonly global::AsperaNative.Core.Options.OptionStore _store;").Line();
            b.Line("/// <summary>Reads the options from the store, when each property is read (as ascli reads options lazily).</summary>");
            b.Line($"public {spec.ClassName}(global::AsperaNative.Core.Options.OptionStore store) => _store = store;").Line();
            b.Line("/// <summary>The declarations of these options.</summary>");
            b.Open("public static global::AsperaNative.Core.Options.OptionDescriptor[] Descriptors => new global::AsperaNative.Core.Options.OptionDescriptor[]");
            foreach (var p in spec.Properties)
            {
                var init = new System.Collections.Generic.List<string>();
                if (p.Values.Count > 0) init.Add("Values = new[] { " + string.Join(", ", p.Values.Select(SourceBuilder.Literal)) + " }");
                if (p.Default != null) init.Add("Default = " + SourceBuilder.Literal(p.Default));
                if (p.Sensitive) init.Add("Sensitive = true");
                if (p.Short != null) init.Add($"Short = '{p.Short}'");
                if (p.Cumulative) init.Add("Cumulative = true");
                if (p.Hidden) init.Add("Hidden = true");
                if (p.RubyTypes != null) init.Add("Types = new[] { " + string.Join(", ", p.RubyTypes.Split(',').Select(SourceBuilder.Literal)) + " }");
                string initializer = init.Count == 0 ? "" : " { " + string.Join(", ", init) + " }";
                b.Line($"new({SourceBuilder.Literal(p.Name)}, global::AsperaNative.Core.Options.OptionType.{KnownNames.OptionTypes[p.Type]}, {SourceBuilder.Literal(p.Summary)}){initializer},");
            }
            b.Outdent();
            b.Line("};").Line();
            foreach (var p in spec.Properties)
            {
                string call = $"_store.{p.Getter}({SourceBuilder.Literal(p.Name)})";
                string bare = p.PropertyType.TrimEnd('?');
                bool nullable = p.PropertyType.EndsWith("?");
                if (bare == "int") call = $"(int?){call}";
                if (!nullable && (bare == "bool" || bare == "long" || bare == "int" || bare == "double")) call = $"{call} ?? default";
                if (!nullable && p.Getter == "GetMandatoryString") { }
                else if (!nullable && (bare == "string" || bare.StartsWith("global::System.Text.Json"))) call = $"{call}!";
                b.Line($"{p.Accessibility} partial {p.PropertyType} {p.PropertyName} => {call};");
            }
            b.Close();
            return b.ToString();
        }
    }
}
