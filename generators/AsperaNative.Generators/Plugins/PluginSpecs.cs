using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.Plugins
{
    /// <summary>
    /// How a constructor parameter is provided: 0 option set, 1 PluginContext, 2 the owner (the plugin of a
    /// plugin group, the scope of a set's group), 3 a service (resolved against the provider table later).
    /// </summary>
    public sealed record ParameterSpec(int Kind, string TypeName, string Name);

    /// <summary>
    /// A [Plugin] or a [CommandSet] class as data: the root of a command tree. A set has no factory: its
    /// scope is given by the mounting side. Capabilities: the names of AsperaNative.Core.Commands.PluginCapabilities
    /// for the optional interfaces the plugin class implements (detection, wizard).
    /// </summary>
    public sealed record RootSpec(string Namespace, string TypeName, string ClassName, string Name, string Summary, bool IsSet,
        EquatableArray<ParameterSpec> Parameters, EquatableArray<MountSpec> Mounts, EquatableArray<AliasSpec> Aliases, LocationInfo? Location,
        EquatableArray<string> Capabilities)
    {
        /// <summary>The generated class: the descriptor of a plugin, the builder of a set.</summary>
        public string GeneratedName => ClassName + (IsSet ? "CommandSet" : "Descriptor");
        public string GeneratedTypeName => (Namespace.Length > 0 ? "global::" + Namespace + "." : "global::") + GeneratedName;
    }

    /// <summary>
    /// A [MountCommands] on a root: the set (by its scope type), where, the scope member of the root and how it is called
    /// (CallKind 0: no argument, 1: context, 2: key and context, 3: key; ReturnKind 0: the scope, 1: Task, 2: ValueTask).
    /// </summary>
    public sealed record MountSpec(string SetTypeName, EquatableArray<string> At, string Member, int CallKind, int ReturnKind,
        EquatableArray<string> Verbs, string? Key, string? Name, LocationInfo? Location);

    /// <summary>A [CommandAlias]: the words of the aliased node and the hidden alias word.</summary>
    public sealed record AliasSpec(EquatableArray<string> Path, string Alias, LocationInfo? Location);

    /// <summary>
    /// A declared argument: Kind as AsperaNative.Core.Commands.ArgumentKind (0 String, 1 Value, 2 Hash, 3 Array, 4 Integer,
    /// 5 Pending); Cast is the expression type of the parameter.
    /// </summary>
    public sealed record ArgumentSpecInfo(string Name, string Description, int Kind, bool Optional, bool Multiple, bool Bulk, EquatableArray<string> Values, EquatableArray<string> Types, string Cast);

    /// <summary>A command method: its words (aliases), help, parameters in order (an argument, or -1 for the CommandContext) and how to call it.</summary>
    public sealed record CommandSpec(string MethodName, EquatableArray<string> Words, string Summary, int ReturnKind, EquatableArray<int> ParameterOrder,
        EquatableArray<ArgumentSpecInfo> Arguments, bool IsStatic, LocationInfo? Location);

    /// <summary>A [CommandGroup] class as data.</summary>
    public sealed record GroupSpec(string TypeName, EquatableArray<string> Path, string Summary, EquatableArray<ParameterSpec> Parameters, EquatableArray<CommandSpec> Commands, LocationInfo? Location);

    /// <summary>A command set of a referenced assembly, from its <c>CommandSetProvider</c> attribute.</summary>
    public sealed record ExternalSetSpec(string ScopeTypeName, string BuilderTypeName, EquatableArray<string> Words);

    /// <summary>What the referenced assemblies offer: their command sets and service providers (return type → provider method).</summary>
    public sealed record ReferenceSpec(EquatableArray<ExternalSetSpec> Sets, EquatableArray<ServiceSpec> Services);

    /// <summary>A service provider method: <c>public static T M(PluginContext)</c>.</summary>
    public sealed record ServiceSpec(string TypeName, string Method);

    /// <summary>Parser output for one declaration: a spec (or none) and its diagnostics.</summary>
    public sealed record Parsed<T>(T? Spec, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
}
