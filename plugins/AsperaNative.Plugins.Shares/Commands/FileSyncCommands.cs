using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Shares.Commands;

/// <summary>
/// Start or inspect an async (sync) session. Under shares, ascli does not declare the node plugin's
/// <c>--sync-info</c>: both commands fail on reading it, as the original does.
/// </summary>
[CommandGroup("shares files sync")]
internal sealed class FileSyncCommands
{
    /// <summary>Start sync session (params from --sync-info, or 3 args)</summary>
    [Command("start")]
    public static Result Start() => throw SyncInfoNotDeclared();

    internal static CliException SyncInfoNotDeclared() => CliException.Assertion("option not declared: sync_info");
}

/// <summary>Local sync database administration</summary>
[CommandGroup("shares files sync admin")]
internal sealed class FileSyncAdminCommands
{
    /// <summary>Status of a local sync session (needs --sync-info)</summary>
    [Command("status")]
    public static Result Status([Argument("name of sync session", Name = "session_name")] string? name = null)
        => throw FileSyncCommands.SyncInfoNotDeclared();
}
