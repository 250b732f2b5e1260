using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config download</c>: one file fetched over HTTP(S) through the REST stack (proxy, TLS and retry options apply).</summary>
[CommandGroup("config")]
internal sealed class DownloadCommands(RestFactory rest, TransferRunner transfer)
{
    /// <summary>Download a file from a URL (to the destination folder by default)</summary>
    [Command("download")]
    public async Task<Result> Download(CommandContext context, [Argument("source URL", Name = "url")] string url, [Argument("file path", Name = "file_path")] string? destination = null)
    {
        url = url.TrimEnd('\r', '\n');
        destination ??= Path.Combine(transfer.DestinationFolder(TransferRunner.DirectionReceive), url[(url.LastIndexOf('/') + 1)..]);
        string target = Path.IsPathRooted(destination) || context.Plugin.ExtendedValues.CurrentFolder is not { } folder ? destination : Path.Combine(folder, destination);
        context.Status($"Downloading: {url}");
        await rest.Create(url).CallAsync(new RestRequest("GET") { SaveToFile = target });
        return Result.Status($"Saved to: {destination}");
    }
}
