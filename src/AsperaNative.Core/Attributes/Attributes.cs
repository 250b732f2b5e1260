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
/// A class of commands below a path of words, e.g. <c>"config preset"</c>; a word in angle
/// brackets (<c>&lt;id&gt;</c>) is an identifier position read from the command line.
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

/// <summary>Marks an assembly's generated plugin descriptor so the executable's registry can list it.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PluginDescriptorProviderAttribute(Type provider, string name) : Attribute
{
    public Type Provider { get; } = provider;
    public string Name { get; } = name;
}

/// <summary>On a partial static class of the executable: the generator fills it with every referenced plugin.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PluginRegistryAttribute : Attribute;
