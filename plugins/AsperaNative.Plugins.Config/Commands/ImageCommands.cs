using System.Text;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Output;
using AsperaNative.Output.Images;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config coffee</c> and <c>config image</c>: pictures shown by the shared terminal renderer (<see cref="TerminalImage"/>).</summary>
[CommandGroup("config")]
internal sealed class ImageCommands(PluginContext context, OutputOptions output, RestFactory rest)
{
    internal const string CoffeeUrl = "https://enjoyjava.com/wp-content/uploads/2018/01/How-to-make-strong-coffee.jpg";

    /// <summary>Display a picture of a cup of coffee</summary>
    [Command("coffee")]
    public Task<Result> Coffee() => Show(CoffeeUrl);

    /// <summary>Display an image given by URL or as binary content</summary>
    [Command("image")]
    public Task<Result> Image([Argument("image uri or blob", Name = "image")] string image) => Show(image);

    private async Task<Result> Show(string uriOrBlob)
    {
        byte[] image = uriOrBlob.StartsWith("http://", StringComparison.Ordinal) || uriOrBlob.StartsWith("https://", StringComparison.Ordinal)
            ? await Download(uriOrBlob)
            : LocalFile(uriOrBlob) is { } path ? await File.ReadAllBytesAsync(path)
            : Encoding.Latin1.GetBytes(uriOrBlob);
        return Result.Text(new ImageSettings { Options = output.Image }.Build(image));
    }

    /// <summary>
    /// A path or <c>file:</c> URL of an existing file: extended values carry text, so a binary image is best given
    /// by its location rather than as <c>@file:</c> content.
    /// </summary>
    private string? LocalFile(string value)
    {
        if (value.Length > 4096 || value.Contains('\n')) return null;
        string path = value.StartsWith("file://", StringComparison.Ordinal) ? new Uri(value).LocalPath : value;
        try
        {
            path = Path.GetFullPath(path, context.ExtendedValues.CurrentFolder ?? Environment.CurrentDirectory);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return File.Exists(path) ? path : null;
    }

    /// <summary>An http(s) picture, through the REST stack of the run (proxy, TLS and log options apply).</summary>
    private Task<byte[]> Download(string url) => rest.ReadBytesAsync(url);
}
