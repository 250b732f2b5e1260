using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>How a constructor parameter is provided: 0 option set, 1 PluginContext, 2 the plugin instance.</summary>
    public sealed record ParameterSpec(int Kind, string TypeName, string Name);

    /// <summary>A [Plugin] class as data.</summary>
    public sealed record PluginSpec(string Namespace, string TypeName, string ClassName, string Name, string Summary, EquatableArray<ParameterSpec> Parameters, LocationInfo? Location);

    /// <summary>A command method: its words (aliases), help, and how to call it.</summary>
    public sealed record CommandSpec(string MethodName, EquatableArray<string> Words, string Summary, int ReturnKind, bool TakesContext, bool IsStatic, LocationInfo? Location);

    /// <summary>A [CommandGroup] class as data.</summary>
    public sealed record GroupSpec(string TypeName, EquatableArray<string> Path, EquatableArray<ParameterSpec> Parameters, EquatableArray<CommandSpec> Commands, LocationInfo? Location);

    /// <summary>Parser output for one declaration: a spec (or none) and its diagnostics.</summary>
    public sealed record Parsed<T>(T? Spec, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
}
