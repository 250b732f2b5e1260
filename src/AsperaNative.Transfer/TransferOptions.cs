using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Transfer;

/// <summary>Transfer spec overrides, sources, destination and the transfer agent (ascli's TransferAgent)</summary>
[OptionSet]
public sealed partial class TransferOptions
{
    /// <summary>Override transfer spec values</summary>
    [Option("ts", Cumulative = true)] public partial JsonObject? Ts { get; }
    /// <summary>Destination folder for transferred files</summary>
    [Option("to_folder")] public partial string? ToFolder { get; }
    /// <summary>How list of transferred files is provided (@args,@ts,Array)</summary>
    [Option("sources")] public partial JsonNode? Sources { get; }
    /// <summary>Type of file list</summary>
    [Option("src_type", Values = ["list", "pair"], Default = "list")] public partial string? SrcType { get; }
    /// <summary>Type of transfer agent</summary>
    [Option("transfer", Values = ["node", "direct", "alpha", "httpgw", "connect", "trsdk"], Default = "direct")] public partial string? Transfer { get; }
    /// <summary>Parameters for transfer agent</summary>
    [Option("transfer_info", Cumulative = true)] public partial JsonObject? TransferInfo { get; }
}
