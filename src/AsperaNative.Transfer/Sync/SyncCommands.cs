// The sync commands (async of the transfer SDK): `sync start` and `sync admin status`, declared once and mounted
// by every application that authorizes syncs: server (its SSH transfer spec), node gen3 (files/sync_setup),
// gen4 file ids (node access keys, aoc files), shares files. Manual: "IBM Aspera Sync" (sync, --sync-info).
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Progress;

namespace AsperaNative.Transfer.Sync;

/// <summary>
/// The scope of the sync commands: how the application authorizes a sync (its transfer spec for a direction and
/// the local and remote folders), null when the session gives everything itself.
/// </summary>
[CommandSet("sync")]
public sealed class SyncScope(SyncSpecProvider? specs)
{
    public SyncSpecProvider? Specs { get; } = specs;
}

/// <summary>Start a sync session or read the state of one</summary>
[CommandGroup("sync")]
internal sealed class SyncStartCommands(SyncScope scope, SyncOptions sync, TransferRunner transfer, AscpOptions ascp, PluginContext context)
{
    /// <summary>Start a sync: push, pull or bidi between a remote and a local folder (or the sessions of --sync-info)</summary>
    [Command("start")]
    public async Task<Result> Start(
        [Argument("direction", Values = ["push", "pull", "bidi"])] string? direction = null,
        [Argument("remote.path", Name = "remote_folder")] string? remote = null,
        [Argument("local.path", Name = "local_folder")] string? local = null)
    {
        var info = (JsonObject?)sync.SyncInfo?.DeepClone() ?? [];
        SyncSession.ApplyArguments(info, direction, remote, local);
        using var progress = ProgressRenderer.Create(ascp.ProgressBar, context.Terminal);
        await new SyncSession(transfer.Installation, transfer.Log).StartAsync(info, scope.Specs, progress, CancellationToken.None);
        return Result.Status("complete");
    }
}

/// <summary>Local state of a sync session (its snapshot database, read by asyncadmin)</summary>
[CommandGroup("sync admin")]
internal sealed class SyncAdminCommands(SyncOptions sync, TransferRunner transfer)
{
    /// <summary>Status of the sync session (its name, else the first session of --sync-info)</summary>
    [Command("status")]
    public Result Status([Argument("name of sync session", Name = "name")] string? name = null)
        => Result.SingleObject(new SyncSession(transfer.Installation, transfer.Log).AdminStatus(sync.RequiredSyncInfo, name));
}
