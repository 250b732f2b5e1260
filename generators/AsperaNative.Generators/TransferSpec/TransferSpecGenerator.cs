using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AsperaNative.Generators.TransferSpec
{
    /// <summary>
    /// Compiles the transfer spec parameter table (an AdditionalFile named <c>parameters.tsv</c> in a
    /// <c>TransferSpec</c> folder) into a static array: one table drives validation, <c>config ascp spec</c>
    /// and the ascp command line builder.
    /// </summary>
    [Generator]
    public sealed class TransferSpecGenerator : IIncrementalGenerator
    {
        private static readonly DiagnosticDescriptor BadRow = new DiagnosticDescriptor(
            "ASPN101", "Malformed transfer spec table", "{0}", "AsperaNative.TransferSpec", DiagnosticSeverity.Error, true);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var tables = context.AdditionalTextsProvider
                .Where(static f => IsTable(f.Path))
                .Select(static (f, ct) => TransferSpecParser.Parse(f.Path, f.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName("TransferSpec.1_Table");
            context.RegisterSourceOutput(tables, static (spc, table) =>
            {
                foreach (var p in table.Problems)
                {
                    var position = new LinePosition(p.Line, 0);
                    spc.ReportDiagnostic(Diagnostic.Create(BadRow, Location.Create(table.FilePath, new TextSpan(0, 0), new LinePositionSpan(position, position)), p.Message));
                }
                if (table.Problems.Count == 0) spc.AddSource("SpecTable.g.cs", TransferSpecEmitter.Emit(table));
            });
        }

        private static bool IsTable(string path)
            => string.Equals(Path.GetFileName(path), "parameters.tsv", StringComparison.OrdinalIgnoreCase)
               && string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), "TransferSpec", StringComparison.Ordinal);
    }
}
