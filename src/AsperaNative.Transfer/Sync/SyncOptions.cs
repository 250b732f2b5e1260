using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Transfer.Sync;

/// <summary>The sync session of <c>sync start</c> and <c>sync admin</c> (ascli's SyncActions, manual "IBM Aspera Sync")</summary>
[OptionSet]
public sealed partial class SyncOptions
{
    /// <summary>Information for sync instance and sessions</summary>
    [Option("sync_info")] public partial JsonObject? SyncInfo { get; }

    /// <summary><c>--sync-info</c>, or ascli's "Missing mandatory option" error.</summary>
    public JsonObject RequiredSyncInfo => _store.GetMandatory("sync_info") as JsonObject
        ?? throw Core.Errors.CliException.BadArgument("sync_info: expecting Hash");
}
