using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace AsperaNative.Transfer.TransferSpec;

/// <summary>The transfer spec parameter table (<see cref="All"/> is generated from <c>parameters.tsv</c>).</summary>
public static partial class SpecTable
{
    private static FrozenDictionary<string, SpecParameter>? _byName;

    public static SpecParameter? Find(string name)
        => (_byName ??= All.ToFrozenDictionary(static p => p.Name, StringComparer.Ordinal)).GetValueOrDefault(name);

    /// <summary>
    /// <c>config ascp spec</c>: one row per parameter, sorted by name, with the agent
    /// columns and, in the description, the allowed values and the ascp argument or variable.
    /// </summary>
    public static JsonArray ManTable()
    {
        var rows = new JsonArray();
        // every parameter: ascli's filter on agents compares its ticks with empty strings, and a tick is never empty
        foreach (var p in All.OrderBy(static p => p.Name, StringComparer.Ordinal))
        {
            var description = p.Description;
            if (p.Values.Length > 0) description += "\nAllowed values: " + string.Join(", ", p.Values);
            string? cli = p.Kind switch
            {
                AscpKind.Env => "env:" + p.AscpName,
                AscpKind.Flag => p.AscpName,
                AscpKind.Arg => $"{p.AscpName} {(p.Conversion == SpecConversion.None ? "" : "(conversion)")}{(p.Values.Length > 0 ? "{enum}" : string.Join('|', TypeWords(p).Select(static t => "{" + t + "}")))}",
                _ => null,
            };
            if (cli is not null) description += $"\n({cli})";
            rows.Add((JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["type"] = string.Join(',', TypeWords(p)),
                ["d"] = Tick(p, SpecAgents.Direct),
                ["n"] = Tick(p, SpecAgents.Node),
                ["c"] = Tick(p, SpecAgents.Connect),
                ["t"] = Tick(p, SpecAgents.Transferd),
                ["h"] = Tick(p, SpecAgents.Httpgw),
                ["description"] = description,
            });
        }
        return rows;
    }

    public static readonly string[] ManColumns = ["name", "type", "d", "n", "c", "t", "h", "description"];

    private static string Tick(SpecParameter p, SpecAgents agent) => p.Agents.HasFlag(agent) ? "Y" : " ";

    private static IEnumerable<string> TypeWords(SpecParameter p)
        => SpecParameter.TypeNames.Where(t => p.Types.HasFlag(t.Flag)).Select(static t => t.Name);
}
