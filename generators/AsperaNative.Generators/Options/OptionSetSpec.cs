using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Options
{
    /// <summary>An [OptionSet] class as data. Must stay immutable with structural equality (incremental caching).</summary>
    public sealed record OptionSetSpec(string Namespace, string ClassName, string Keyword, EquatableArray<OptionPropertySpec> Properties);

    /// <summary>One [Option] property.</summary>
    public sealed record OptionPropertySpec(
        string PropertyName, string PropertyType, string Accessibility, string Getter,
        string Name, int Type, EquatableArray<string> Values, string? Default,
        bool Sensitive, bool Required, bool Cumulative, bool Hidden, string? Short, string Summary, string? RubyTypes);

    /// <summary>Parser output: the spec (null when invalid) and its diagnostics.</summary>
    public sealed record OptionSetResult(OptionSetSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
}
