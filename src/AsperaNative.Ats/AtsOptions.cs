using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Ats;

/// <summary>The options of the ATS commands (cluster, access_key, aws_trust_policy), wherever they are mounted: ats, aoc <c>admin ats</c>.</summary>
[OptionSet]
public sealed partial class AtsOptions
{
    /// <summary>Parameters access key creation (@json:)</summary>
    [Option("params")] public partial JsonNode? Params { get; }
    /// <summary>Cloud provider</summary>
    [Option("cloud")] public partial string? Cloud { get; }
    /// <summary>Cloud region</summary>
    [Option("region")] public partial string? Region { get; }

    public string RequiredCloud => _store.GetMandatoryString("cloud");
    public string RequiredRegion => _store.GetMandatoryString("region");
}
