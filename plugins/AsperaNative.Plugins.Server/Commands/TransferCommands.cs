using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Server.Commands;

/// <summary><c>server upload|download</c>: one transfer with the server's base spec and the command line's files.</summary>
[CommandGroup("server")]
internal sealed class TransferCommands(ServerPlugin plugin)
{
    /// <summary>Upload files to the server</summary>
    [Command("upload")]
    public Task<Result> Upload([Argument("source file list", Name = "source")] PendingArguments sources) => Run(sources, TransferRunner.DirectionSend);

    /// <summary>Download files from the server</summary>
    [Command("download")]
    public Task<Result> Download([Argument("source file list", Name = "source")] PendingArguments sources) => Run(sources, TransferRunner.DirectionReceive);

    private async Task<Result> Run(PendingArguments sources, string direction)
    {
        var spec = plugin.BaseTransferSpec();
        spec["direction"] = direction;
        return TransferRunner.ResultOf(await plugin.Transfer.StartAsync(spec, sources));
    }
}
