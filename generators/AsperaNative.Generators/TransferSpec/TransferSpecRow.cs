using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.TransferSpec
{
    /// <summary>One row of the transfer spec parameter table, as data (equatable, so the pipeline stays incremental).</summary>
    public sealed record TransferSpecRow(
        string Name,
        EquatableArray<string> Types,
        EquatableArray<string> Values,
        string Agents,
        string AscpKind,
        string AscpName,
        string Conversion,
        EquatableArray<string> ConversionMap,
        string Description);

    /// <summary>The parsed table of one additional file, with the problems found in it.</summary>
    public sealed record TransferSpecTable(string FilePath, EquatableArray<TransferSpecRow> Rows, EquatableArray<TransferSpecProblem> Problems);

    /// <summary>A malformed line of the table (reported as ASPN101 at that line).</summary>
    public sealed record TransferSpecProblem(int Line, string Message);
}
