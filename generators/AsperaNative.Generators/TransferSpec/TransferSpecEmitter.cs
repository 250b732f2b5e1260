using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.TransferSpec
{
    /// <summary>Emits the table as a static array of <c>AsperaNative.Transfer.TransferSpec.SpecParameter</c>, in file order.</summary>
    internal static class TransferSpecEmitter
    {
        private const string Ns = "global::AsperaNative.Transfer.TransferSpec";

        public static string Emit(TransferSpecTable table)
        {
            var b = new SourceBuilder();
            b.Line(SourceBuilder.Header);
            b.Line("namespace AsperaNative.Transfer.TransferSpec;").Line();
            b.Open("public static partial class SpecTable");
            b.Line("/// <summary>Every transfer spec parameter, in the order ascp arguments are generated.</summary>");
            b.Open($"public static readonly {Ns}.SpecParameter[] All = new {Ns}.SpecParameter[]");
            foreach (var r in table.Rows)
            {
                string types = string.Join(" | ", r.Types.Select(t => $"{Ns}.SpecType.{Pascal(t)}"));
                string values = r.Values.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", r.Values.Select(SourceBuilder.Literal)) + " }";
                string agents = r.Agents.Length == 0 ? $"{Ns}.SpecAgents.None" : string.Join(" | ", r.Agents.Select(c => $"{Ns}.SpecAgents.{AgentName(c)}"));
                string map = r.ConversionMap.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", r.ConversionMap.Select(SourceBuilder.Literal)) + " }";
                string conversion = r.Conversion.Length == 0 ? "None" : Pascal(r.Conversion);
                b.Line($"new({SourceBuilder.Literal(r.Name)}, {types}, {values}, {agents}, {Ns}.AscpKind.{Pascal(r.AscpKind)}, {SourceBuilder.Literal(r.AscpName)}, {Ns}.SpecConversion.{conversion}, {map}, {SourceBuilder.Literal(r.Description)}),");
            }
            b.Outdent();
            b.Line("};");
            b.Close();
            return b.ToString();
        }

        private static string AgentName(char c) => c switch
        {
            'd' => "Direct",
            'n' => "Node",
            'c' => "Connect",
            't' => "Transferd",
            _ => "Httpgw",
        };

        private static string Pascal(string word)
            => string.Concat(word.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
    }
}
