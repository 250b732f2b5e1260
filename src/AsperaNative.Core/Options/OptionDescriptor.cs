namespace AsperaNative.Core.Options;

/// <summary>How an option's value is checked and converted.</summary>
public enum OptionType
{
    /// <summary>Any value, as given (extended values may give any type).</summary>
    String,
    Integer,
    Float,
    /// <summary><c>yes</c>/<c>no</c> (unique prefixes accepted), stored as a boolean.</summary>
    Boolean,
    /// <summary>One of a fixed list of words (unique prefixes accepted).</summary>
    Enum,
    /// <summary>An array (from <c>@json:</c>, <c>@list:</c> … or a comma separated string).</summary>
    List,
    /// <summary>A hash (from <c>@json:</c>, <c>@preset:</c> …).</summary>
    Hash,
    /// <summary>A date: <c>now</c>, <c>-Nh</c> (N hours ago) or a literal.</summary>
    Date,
    /// <summary>A switch without value such as <c>-N</c>: handled by the command line runtime.</summary>
    Flag,
}

/// <summary>
/// One option, declared once: its name (with <c>_</c>, as in config files), type, allowed values,
/// default and help. The same descriptor drives parsing, presets, env variables, help and completion.
/// </summary>
public sealed record OptionDescriptor(string Name, OptionType Type, string Description)
{
    /// <summary>Allowed words of an <see cref="OptionType.Enum"/> option.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Default value as ascli would set it, in extended value syntax (e.g. <c>@json:{}</c>).</summary>
    public string? Default { get; init; }

    /// <summary>A secret: redacted in logs and <c>--show-config</c> unless secrets are shown.</summary>
    public bool Sensitive { get; init; }

    /// <summary>A one-letter short form (<c>-N</c>, <c>-P</c>…).</summary>
    public char? Short { get; init; }

    /// <summary>Hash values are deep-merged into the current value instead of replacing it (<see cref="Values.JsonMerge"/>: a <c>null</c> stays, to delete the key later).</summary>
    public bool Cumulative { get; init; }

    /// <summary>Not listed in help (deprecated or internal).</summary>
    public bool Hidden { get; init; }

    /// <summary>The name as written on the command line.</summary>
    public string CommandLineName => "--" + Name.Replace('_', '-');
}
