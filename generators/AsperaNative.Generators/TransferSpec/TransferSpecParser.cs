using System;
using System.Collections.Generic;
using System.Linq;
using AsperaNative.Generators.Common;

namespace AsperaNative.Generators.TransferSpec
{
    /// <summary>
    /// Reads the tab separated parameter table: <c>name  types  values  agents  ascp  convert  description</c>.
    /// Lines starting with <c>#</c> and blank lines are skipped; <c>\n</c> in a description is a line break.
    /// </summary>
    internal static class TransferSpecParser
    {
        private static readonly string[] KnownTypes = { "string", "int", "bool", "array", "hash" };
        private static readonly string[] KnownConversions = { "", "remove_hyphen", "json64", "base64", "map" };
        private const string AgentLetters = "dncth";

        public static TransferSpecTable Parse(string path, string text)
        {
            var rows = new List<TransferSpecRow>();
            var problems = new List<TransferSpecProblem>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            bool header = true;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Trim().Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                if (header) { header = false; continue; }
                string[] cells = line.Split('\t');
                if (cells.Length != 7) { problems.Add(new TransferSpecProblem(i, $"expected 7 tab separated cells, found {cells.Length}")); continue; }
                string name = cells[0].Trim();
                if (!names.Add(name)) { problems.Add(new TransferSpecProblem(i, $"duplicate parameter '{name}'")); continue; }
                var types = Split(cells[1]);
                var unknownType = types.FirstOrDefault(t => Array.IndexOf(KnownTypes, t) < 0);
                if (types.Length == 0 || unknownType != null) { problems.Add(new TransferSpecProblem(i, $"'{name}': unknown type '{unknownType}'")); continue; }
                string agents = cells[3].Trim().ToLowerInvariant();
                if (agents.Any(c => AgentLetters.IndexOf(c) < 0)) { problems.Add(new TransferSpecProblem(i, $"'{name}': agents must be letters among {AgentLetters}")); continue; }
                string ascp = cells[4].Trim();
                string kind, ascpName = "";
                int colon = ascp.IndexOf(':');
                kind = colon < 0 ? ascp : ascp.Substring(0, colon);
                if (colon >= 0) ascpName = ascp.Substring(colon + 1);
                if (!(kind == "special" || kind == "ignore" || ((kind == "arg" || kind == "flag" || kind == "env") && ascpName.Length > 0)))
                {
                    problems.Add(new TransferSpecProblem(i, $"'{name}': ascp column must be arg:<switch>, flag:<switch>, env:<VARIABLE>, special or ignore"));
                    continue;
                }
                string convert = cells[5].Trim();
                var map = new List<string>();
                if (convert.StartsWith("map:", StringComparison.Ordinal))
                {
                    foreach (var pair in convert.Substring(4).Split(','))
                    {
                        int eq = pair.IndexOf('=');
                        if (eq <= 0) { problems.Add(new TransferSpecProblem(i, $"'{name}': conversion map entries are value=converted")); map = null; break; }
                        map.Add(pair.Substring(0, eq));
                        map.Add(pair.Substring(eq + 1));
                    }
                    if (map == null) continue;
                    convert = "map";
                }
                if (Array.IndexOf(KnownConversions, convert) < 0) { problems.Add(new TransferSpecProblem(i, $"'{name}': unknown conversion '{convert}'")); continue; }
                rows.Add(new TransferSpecRow(name, types.ToEquatableArray(), Split(cells[2]).ToEquatableArray(), agents, kind, ascpName,
                    convert, map.ToEquatableArray(), cells[6].Trim().Replace("\\n", "\n")));
            }
            return new TransferSpecTable(path, rows.ToEquatableArray(), problems.ToEquatableArray());
        }

        private static string[] Split(string cell)
            => cell.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }
}
