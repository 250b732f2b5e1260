namespace AsperaNative.Transfer.TransferSpec;

/// <summary>What one ascp run needs: arguments (without <c>-M</c>), environment variables and the executable flavour.</summary>
public sealed class AscpCommand
{
    public List<string> Arguments { get; init; } = [];
    public Dictionary<string, string> Environment { get; init; } = new(StringComparer.Ordinal);
    public bool UseAscp4 { get; init; }

    /// <summary>The generated file list (deleted after the transfer), null when none was generated.</summary>
    public string? GeneratedFileList { get; init; }

    /// <summary>A copy whose argument list can be changed independently (multi-session, token refresh).</summary>
    public AscpCommand Clone() => new()
    {
        Arguments = [.. Arguments],
        Environment = new(Environment, StringComparer.Ordinal),
        UseAscp4 = UseAscp4,
        GeneratedFileList = GeneratedFileList,
    };
}
