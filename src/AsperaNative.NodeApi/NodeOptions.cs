using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.NodeApi;

/// <summary>
/// The node options (ascli's <c>Node.declare_options</c>), declared by every plugin that reaches a node's files:
/// node, aoc, shares…; the application's url/username/password are <see cref="Core.Options.BasicAuthOptions"/>.
/// </summary>
[OptionSet]
public sealed partial class NodeOptions
{
    /// <summary>Identifier of validator (optional for central)</summary>
    [Option("validator")] public partial string? Validator { get; }
    /// <summary>URL for simple aspera web ui</summary>
    [Option("asperabrowserurl", Default = "https://asperabrowser.mybluemix.net")] public partial string? AsperaBrowserUrl { get; }
    /// <summary>Sync name</summary>
    [Option("sync_name")] public partial string? SyncName { get; }
    /// <summary>Use standard FASP ports or get from node api (gen4)</summary>
    [Option("default_ports", Default = "yes")] public partial bool? DefaultPorts { get; }
    /// <summary>Set to no to force actual file system read (gen4)</summary>
    [Option("node_cache", Default = "yes")] public partial bool? NodeCache { get; }
    /// <summary>File id of top folder when using access key (override AK root id)</summary>
    [Option("root_id")] public partial string? RootId { get; }
    /// <summary>Information for sync instance and sessions (Hash)</summary>
    [Option("sync_info")] public partial JsonObject? SyncInfo { get; }
}
