using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.NodeApi.Commands.Gen4;
using AsperaNative.Output.Images;
using AsperaNative.Plugins.Preview.Generation;
using AsperaNative.Plugins.Preview.Storage;

namespace AsperaNative.Plugins.Preview.Commands;

/// <summary>Preview generation on local files and on a node's storage</summary>
[CommandGroup("preview")]
internal sealed class PreviewCommands(PreviewPlugin plugin, CommandOptions command)
{
    /// <summary>Check that external tools are present</summary>
    [Command("check")]
    public async Task<Result> Check()
    {
        await plugin.CheckToolsAsync(plugin.SkipTypes());
        return Result.Status("Tools validated");
    }

    /// <summary>Generate a preview of a local file</summary>
    [Command("test")]
    public async Task<Result> Test([Argument("source file", Name = "file")] string source,
        [Argument("format", Values = ["png", "mp4"])] string? format = null)
        => Result.Status("generated: " + await GenerateLocalAsync(source, format ?? PreviewGenerator.Png));

    /// <summary>Generate and display a preview of a local file</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext context, [Argument("source file", Name = "file")] string source,
        [Argument("format", Values = ["png", "mp4"])] string? format = null)
    {
        string generated = await GenerateLocalAsync(source, format ?? PreviewGenerator.Png);
        plugin.Log.Debug(() => $"preview: {generated}");
        var picture = await PictureAsync(generated);
        context.Status(new ImageSettings { Options = command.Query as JsonObject }.Build(picture));
        return Result.Status("generated: " + generated);
    }

    /// <summary>Scan storage and generate previews (--scan-path, --scan-id)</summary>
    [Command("scan")]
    public async Task<Result> Scan([Argument("filter")] JsonNode? filter = null)
    {
        await RunOnNodeAsync(filter, async scanner =>
        {
            var top = plugin.Options.ScanId is { } id
                ? await scanner.Storage.Api.ReadAsync($"files/{id}") as JsonObject ?? []
                : new JsonObject { ["id"] = scanner.Storage.RootFileId, ["name"] = "/", ["type"] = "folder", ["path"] = "/" };
            await scanner.Scanner.ScanAsync(top, plugin.Options.ScanPath);
        });
        return Result.Status("scan finished");
    }

    /// <summary>Process new file events</summary>
    [Command("events")]
    public async Task<Result> Events([Argument("filter")] JsonNode? filter = null)
    {
        await RunOnNodeAsync(filter, s => s.Scanner.FileEventsAsync(Position("events")));
        return Result.Status("events finished");
    }

    /// <summary>Process new transfer events</summary>
    [Command("trevents")]
    public async Task<Result> TransferEvents([Argument("filter")] JsonNode? filter = null)
    {
        await RunOnNodeAsync(filter, s => s.Scanner.TransferEventsAsync(Position("trevents")));
        return Result.Status("trevents finished");
    }

    /// <summary>The last event processed by the previous run of this command on this node (only with <c>--once-only=yes</c>).</summary>
    private Config.OnceOnlyState? Position(string commandName)
    {
        if (!plugin.Folders.OnceOnly) return null;
        string id = TokenCache.Id("preview_iteration", commandName, plugin.Auth.RequiredUrl, plugin.Auth.RequiredUsername);
        return new Config.OnceOnlyState(plugin.Folders.Persistency, id, enabled: true);
    }

    private sealed record NodeRun(PreviewStorage Storage, PreviewScanner Scanner);

    /// <summary>The node's storage opened and checked, the tools checked, then the action, in a working folder deleted after.</summary>
    private async Task RunOnNodeAsync(JsonNode? filter, Func<NodeRun, Task> action)
    {
        var skipTypes = plugin.SkipTypes();
        var options = plugin.Options;
        using var work = plugin.NewWorkFolder();
        var skipFolders = (options.SkipFolders ?? []).Select(static f => RubyToS.Of(f)).ToList();
        string previewsFolder = options.PreviewsFolder ?? "previews";
        var storage = await PreviewStorage.OpenAsync(plugin.Node(), previewsFolder, options.FileAccess == "remote", plugin.Transfer, work.Path, plugin.Log);
        skipFolders.Add("/" + previewsFolder);
        await plugin.CheckToolsAsync(skipTypes);
        var settings = new ScanSettings
        {
            Formats = plugin.Formats(),
            SkipTypes = skipTypes,
            SkipFolders = skipFolders,
            Overwrite = options.Overwrite ?? "mtime",
            ReadAfter = options.FolderResetCache == "read",
            Filter = Gen4FileCommands.Matcher(filter),
        };
        await action(new NodeRun(storage, new PreviewScanner(storage, plugin.Generator(work.Path), settings, plugin.Log)));
    }

    /// <summary>A local file's preview: <c>&lt;--base&gt;.&lt;format&gt;</c> (default <c>preview</c>) in the current folder.</summary>
    private async Task<string> GenerateLocalAsync(string source, string format)
    {
        var skipTypes = plugin.SkipTypes();
        using var work = plugin.NewWorkFolder();
        await plugin.CheckToolsAsync(skipTypes);
        string generated = PreviewStorage.PreviewFileName(format, plugin.Options.Base);
        var generator = plugin.Generator(work.Path);
        await generator.GenerateAsync(generator.Prepare(source, generated, null));
        return generated;
    }

    /// <summary>The picture to draw on the terminal: the preview itself, or its first frame as PNG (mp4, animated png).</summary>
    private async Task<byte[]> PictureAsync(string generated)
    {
        byte[] data = await File.ReadAllBytesAsync(generated);
        if (ImageFormats.Detect(data) == "PNG") return data;
        using var work = plugin.NewWorkFolder();
        string frame = Path.Combine(work.Path, "frame.png");
        if (generated.EndsWith("." + PreviewGenerator.Mp4, StringComparison.Ordinal))
            await plugin.Tools.RunAsync(Tool.Ffmpeg, ["-y", "-loglevel", "error", "-i", generated, "-frames:v", "1", frame]);
        else
            await plugin.Tools.RunAsync(Tool.Convert, [generated + "[0]", frame]);
        return await File.ReadAllBytesAsync(frame);
    }
}
