using AsperaNative.Core.Options;

namespace AsperaNative.Core.Attributes;

// The declarations read by AsperaNative.Generators. CLI words are literal strings, never derived
// from C# identifiers, because ascli's spellings (access_keys, ...) are the contract.

/// <summary>Declares a plugin: the first command word. Help text is the class's XML summary.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PluginAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Declares a set of command groups written once in a library and mounted by plugins under any path
/// (<see cref="MountCommandsAttribute"/>): the gen3 and gen4 file commands, entity CRUD. The class
/// carrying it is the set's scope: what the mounting plugin provides (an API client, a root folder…),
/// received by the set's command groups through their constructor as plugin groups receive their plugin.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CommandSetAttribute(string name) : Attribute
{
    /// <summary>The first word of the set's <see cref="CommandGroupAttribute"/> paths (never shown to users).</summary>
    public string Name { get; } = name;
}

/// <summary>
/// A class of commands below a path of words, e.g. <c>"config preset"</c>. The first word is a plugin
/// or a command set of the same assembly. A segment <c>&lt;id&gt;</c> is a position whose value is read
/// from the command line (<c>&lt;id:access key id&gt;</c> names it in messages, "identifier" by default);
/// <c>{type:public|private}</c> a position restricted to the listed words.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CommandGroupAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

/// <summary>A command method; <c>"ls|browse"</c> declares two words for the same action. Help is the method's XML summary.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CommandAttribute(string words) : Attribute
{
    public string Words { get; } = words;
}

/// <summary>
/// Mounts a command set (<paramref name="set"/>, the set's scope class) below <paramref name="at"/>
/// (words relative to the plugin or set carrying the attribute; <c>""</c> is its root). The generator
/// writes the set's sub-tree there, so dispatch, <c>-h</c>, completion and <c>Use:</c> lists see it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MountCommandsAttribute(Type set, string at) : Attribute
{
    public Type Set { get; } = set;
    public string At { get; } = at;
    /// <summary>
    /// Name of the member of the carrying class that gives the set's scope at this mount: a method taking
    /// nothing, a <see cref="Commands.CommandContext"/>, or (with <see cref="Key"/>) a string and a
    /// context, returning the scope, a Task or a ValueTask of it.
    /// </summary>
    public string Scope { get; set; } = "";
    /// <summary>Only these first-level words of the set, separated by <c>|</c> (all when empty).</summary>
    public string? Verbs { get; set; }
    /// <summary>A string passed to the scope member, so that one member serves several mounts (e.g. the resource of an entity).</summary>
    public string? Key { get; set; }
    /// <summary>Replaces <c>{name}</c> in the help of the mounted commands (e.g. <c>user</c> for "List user").</summary>
    public string? Name { get; set; }
}

/// <summary>
/// A positional argument of a command method, read and validated before the action runs, in parameter
/// order, with ascli's words (<c>missing argument: path (String)</c>). The parameter type gives the
/// accepted value: string (String), JsonObject (Hash), JsonArray (Array), long (Integer), JsonNode (any),
/// nullable for optional; with <see cref="Multiple"/> every remaining value (a single array value is the
/// whole list), as <c>IReadOnlyList&lt;string&gt;</c> or JsonArray; a <see cref="Commands.PendingArguments"/>
/// parameter (last only) lets the action read the declared tail itself (transfer sources).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ArgumentAttribute(string description) : Attribute
{
    /// <summary>What the error messages call it, e.g. <c>"path"</c> (ascli's argument description).</summary>
    public string Description { get; } = description;
    /// <summary>The name in help (<c>&lt;name&gt;</c>); by default the description with <c>_</c> for spaces.</summary>
    public string? Name { get; set; }
    /// <summary>Accepted words (unique prefixes accepted), as ascli's command lists.</summary>
    public string[]? Values { get; set; }
    public bool Multiple { get; set; }
    /// <summary>
    /// ascli's bulk rule: with <c>--bulk=yes</c> an identifier becomes a list of identifiers, and a Hash
    /// (parameters for create) an Array of Hashes; the parameter is then a JsonNode.
    /// </summary>
    public bool Bulk { get; set; }
    /// <summary>Ruby types accepted when the parameter is a JsonNode (e.g. <c>"String,Array"</c>); shown in messages.</summary>
    public string? Types { get; set; }
}

/// <summary>
/// On a public static class of a library: its public static methods taking a <see cref="Commands.PluginContext"/>
/// provide a service (the REST stack, the transfer runner, the config presets…) to plugin and group
/// constructors. The generator resolves each constructor parameter to one provider, or refuses to build.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ServiceProvidersAttribute : Attribute;

/// <summary>A class whose partial properties are options: the generator implements them over the option store.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OptionSetAttribute : Attribute;

/// <summary>An option, by its ascli name with underscores (<c>log_level</c>). Help is the property's XML summary.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OptionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
    /// <summary>Overrides the type inferred from the property type (needed for Date and Enum).</summary>
    public OptionType Type { get; set; } = OptionType.String;
    /// <summary>Allowed words of an enum option.</summary>
    public string[]? Values { get; set; }
    /// <summary>Default value in extended value syntax.</summary>
    public string? Default { get; set; }
    public bool Sensitive { get; set; }
    public bool Required { get; set; }
    public bool Cumulative { get; set; }
    public bool Hidden { get; set; }
    /// <summary>One-letter short form, e.g. "N" for -N.</summary>
    public string? Short { get; set; }
}

/// <summary>Declares a transfer agent (<c>--transfer=name</c>): the class has a static <c>Create(PluginContext, JsonObject? info)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransferAgentAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Marks an assembly's generated plugin descriptor so the executable's registry can list it.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PluginDescriptorProviderAttribute(Type provider, string name) : Attribute
{
    public Type Provider { get; } = provider;
    public string Name { get; } = name;
}

/// <summary>Marks an assembly's generated command set builder, with the set's first-level words (for mounts in other assemblies).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CommandSetProviderAttribute(Type scope, Type builder, string[] words) : Attribute
{
    public Type Scope { get; } = scope;
    public Type Builder { get; } = builder;
    public string[] Words { get; } = words;
}

/// <summary>Marks an assembly's service provider classes (generated from <see cref="ServiceProvidersAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ServiceProviderClassAttribute(Type providers) : Attribute
{
    public Type Providers { get; } = providers;
}

/// <summary>Marks an assembly's transfer agent (generated from <see cref="TransferAgentAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class TransferAgentProviderAttribute(Type agent, string name) : Attribute
{
    public Type Agent { get; } = agent;
    public string Name { get; } = name;
}

/// <summary>On a partial static class of the executable: the generator fills it with every referenced plugin and transfer agent.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PluginRegistryAttribute : Attribute;
