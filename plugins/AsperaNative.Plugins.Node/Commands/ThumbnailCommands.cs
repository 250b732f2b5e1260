using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;
using AsperaNative.Output.Images;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary><c>access_keys do &lt;id&gt; thumbnail</c>: the preview the node keeps for a file, drawn by the shared renderer</summary>
[CommandGroup("node access_keys do <id>")]
internal sealed class ThumbnailCommands(NodePlugin plugin)
{
    private static readonly Dictionary<string, string> AcceptPng = new(StringComparer.Ordinal) { ["Accept"] = "image/png" };

    /// <summary>Display the preview of a file (path or %id:&lt;file_id&gt;), options: --image</summary>
    [Command("thumbnail")]
    public async Task<Result> Thumbnail(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await Gen4Files.NextFileIdAsync(scope, c);
        // the body is binary: the REST stack saves it as is
        string file = Path.Combine(Path.GetTempPath(), "ascli_preview_" + Guid.NewGuid().ToString("N"));
        byte[] png;
        try
        {
            await scope.Api.CallAsync(new RestRequest("GET", $"files/{id}/preview") { Headers = AcceptPng, SaveToFile = file });
            png = await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
        return Result.Text(new ImageSettings { Options = plugin.Global.Image }.Build(png));
    }
}
