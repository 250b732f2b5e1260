namespace AsperaNative.Transfer.TransferSpec;

/// <summary>JSON types a parameter accepts (ascli's <c>:string</c>, <c>:int</c>…).</summary>
[Flags]
public enum SpecType
{
    String = 1,
    Int = 2,
    Bool = 4,
    Array = 8,
    Hash = 16,
}

/// <summary>Agents that support a parameter (the D N C T H columns of the manual).</summary>
[Flags]
public enum SpecAgents
{
    None = 0,
    Direct = 1,
    Node = 2,
    Connect = 4,
    Transferd = 8,
    Httpgw = 16,
}

/// <summary>How a parameter reaches ascp.</summary>
public enum AscpKind
{
    /// <summary>A switch followed by the value (repeated for an array value).</summary>
    Arg,
    /// <summary>A switch without value, present when the value is true.</summary>
    Flag,
    /// <summary>An environment variable, so secrets never appear on the command line.</summary>
    Env,
    /// <summary>Handled by the agent itself (destination, paths, multi-session, WSS…).</summary>
    Special,
    /// <summary>Not for ascp (other agents).</summary>
    Ignore,
}

/// <summary>Conversion of the spec value to ascp's form.</summary>
public enum SpecConversion
{
    None,
    /// <summary><c>aes-256</c> → <c>aes256</c>.</summary>
    RemoveHyphen,
    /// <summary>Base64 of compact JSON.</summary>
    Json64,
    /// <summary>Base64 of the string.</summary>
    Base64,
    /// <summary>Value translated through <see cref="SpecParameter.ConversionMap"/>.</summary>
    Map,
}

/// <summary>
/// One transfer spec parameter, as declared in <c>TransferSpec/parameters.tsv</c>. Immutable; the
/// generated <see cref="SpecTable.All"/> holds them in ascp argument order.
/// </summary>
public sealed record SpecParameter(
    string Name,
    SpecType Types,
    string[] Values,
    SpecAgents Agents,
    AscpKind Kind,
    string AscpName,
    SpecConversion Conversion,
    string[] ConversionMap,
    string Description)
{
    /// <summary>The converted value for a map conversion, null when the value is not in the map.</summary>
    public string? Map(string value)
    {
        for (int i = 0; i + 1 < ConversionMap.Length; i += 2)
            if (ConversionMap[i] == value) return ConversionMap[i + 1];
        return null;
    }

    /// <summary>The accepted types as ascli prints them: <c>[:int]</c>, <c>[:bool, :string]</c>.</summary>
    public string RubyTypes
    {
        get
        {
            var names = new List<string>();
            foreach (var (flag, name) in TypeNames) if (Types.HasFlag(flag)) names.Add(":" + name);
            return "[" + string.Join(", ", names) + "]";
        }
    }

    internal static readonly (SpecType Flag, string Name)[] TypeNames =
        [(SpecType.Bool, "bool"), (SpecType.String, "string"), (SpecType.Int, "int"), (SpecType.Array, "array"), (SpecType.Hash, "hash")];
}
