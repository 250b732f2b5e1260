namespace AsperaNative.Core.Commands;

/// <summary>How a bound argument reaches the command method.</summary>
public enum ArgumentKind
{
    /// <summary>A String (ascli's default validation).</summary>
    String,
    /// <summary>Any extended value, or one of <see cref="ArgumentSpec.Types"/>.</summary>
    Value,
    /// <summary>A Hash.</summary>
    Hash,
    /// <summary>An Array.</summary>
    Array,
    /// <summary>An Integer (a string is converted, <c>Invalid integer: x</c> otherwise).</summary>
    Integer,
    /// <summary>The declared tail, read by the action itself (<see cref="PendingArguments"/>).</summary>
    Pending,
}

/// <summary>
/// A declared positional argument of a leaf (generated from <c>[Argument]</c>): read by
/// <see cref="ArgumentBinder"/> before the action runs, shown by help.
/// </summary>
public sealed record ArgumentSpec(string Name, string Description, ArgumentKind Kind)
{
    public bool Optional { get; init; }
    public bool Multiple { get; init; }
    /// <summary>ascli's bulk rule (<c>--bulk=yes</c>): an identifier becomes a list, a Hash an Array of Hashes.</summary>
    public bool Bulk { get; init; }
    /// <summary>Accepted words (unique prefix), as ascli's <c>accept_list</c>.</summary>
    public IReadOnlyList<string>? Values { get; init; }
    /// <summary>Ruby class names accepted by a <see cref="ArgumentKind.Value"/> argument (empty: any).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>As help shows it: <c>&lt;path&gt;</c>, <c>[&lt;filter&gt;]</c>, <c>&lt;source&gt;...</c>, <c>{push|pull}</c>.</summary>
    public string Usage
    {
        get
        {
            string core = Values is { Count: > 0 } ? "{" + string.Join('|', Values) + "}" : "<" + Name + ">";
            if (Multiple) core += "...";
            return Optional ? "[" + core + "]" : core;
        }
    }
}
