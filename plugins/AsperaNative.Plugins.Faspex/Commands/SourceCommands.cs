using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Faspex.Commands;

/// <summary>Remote sources</summary>
[CommandGroup("faspex source")]
internal sealed class SourceCommands(FaspexPlugin plugin)
{
    /// <summary>List sources</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ObjectList(await plugin.SourcesAsync());

    /// <summary>Storage info of a source (--storage)</summary>
    [Command("info")]
    public async Task<Result> Info([Argument("identifier", Name = "id")] string id) => Result.SingleObject(await plugin.SourceStorageAsync(id));
}

/// <summary>
/// Sync sessions on a source's node: ascli does not declare the node plugin's <c>--sync-info</c> under faspex, so
/// both commands fail on reading it, after the source was found, as the original does.
/// </summary>
[CommandGroup("faspex source node <id> sync")]
internal sealed class SourceSyncCommands(FaspexPlugin plugin)
{
    /// <summary>Start sync session (params from --sync-info, or 3 args)</summary>
    [Command("start")]
    public async Task<Result> Start(Core.Commands.CommandContext command)
    {
        await plugin.SourceNode(command);
        throw SyncInfoNotDeclared();
    }

    internal static CliException SyncInfoNotDeclared() => CliException.Assertion("option not declared: sync_info");
}

/// <summary>Local sync database administration</summary>
[CommandGroup("faspex source node <id> sync admin")]
internal sealed class SourceSyncAdminCommands(FaspexPlugin plugin)
{
    /// <summary>Status of a local sync session (needs --sync-info)</summary>
    [Command("status")]
    public async Task<Result> Status(Core.Commands.CommandContext command, [Argument("name of sync session", Name = "session_name")] string? name = null)
    {
        await plugin.SourceNode(command);
        throw SourceSyncCommands.SyncInfoNotDeclared();
    }
}
