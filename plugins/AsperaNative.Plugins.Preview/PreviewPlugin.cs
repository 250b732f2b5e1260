// Plugin preview: the preview (thumbnail) generator of IBM Aspera HSTS storage for Aspera on Cloud. It walks the
// storage of an access key through the Node API (gen4: /access_keys/self, /info, /files/{id}, /files/{id}/files,
// /events) and writes previews into the previews folder of the storage root (<previews>/<file id>.asp-preview/
// preview.png|mp4), locally or through transfers; conversions run the external tools (ImageMagick, optipng, ffmpeg,
// ffprobe, Ghostscript, unoconv or LibreOffice) found on PATH. Manual: "Plugin: preview: Preview generator for AoC".
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Options;
using AsperaNative.NodeApi.Api;
using AsperaNative.Plugins.Preview.Generation;
using AsperaNative.Plugins.Preview.Storage;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Preview;

/// <summary>Preview (thumbnail) generator for a node</summary>
[Plugin("preview")]
public sealed class PreviewPlugin(BasicAuthOptions auth, PreviewOptions options, GlobalOptions global, RestFactory rest, TransferRunner transfer,
    RunFolders folders, AppLog log)
{
    // the run's working folder below the temporary folder
    private const string TemporaryPrefix = "prev_tmp";

    public BasicAuthOptions Auth { get; } = auth;
    public PreviewOptions Options { get; } = options;
    public AppLog Log { get; } = log;
    public RunFolders Folders { get; } = folders;
    public TransferRunner Transfer { get; } = transfer;

    /// <summary>The tools on this process's PATH.</summary>
    public ExternalTools Tools { get; } = new(log);

    /// <summary>The categories of <c>--skip-types</c>, each one checked as ascli does.</summary>
    public IReadOnlyCollection<string> SkipTypes()
    {
        var types = new List<string>();
        foreach (string type in (Options.SkipTypes ?? "").Split(','))
        {
            if (type.Length == 0) continue;
            if (!FileTypes.All.Contains(type))
                throw CliException.Assertion($"skip_types: expecting one of [{string.Join(", ", FileTypes.All.Select(static t => ":" + t))}], but have :{type}");
            types.Add(type);
        }
        return types;
    }

    /// <summary>The formats to generate: png and mp4 less <c>--skip-format</c>.</summary>
    public IReadOnlyList<string> Formats() => [.. PreviewGenerator.Formats.Where(f => f != Options.SkipFormat)];

    /// <summary>Fails with ascli's message on the first missing tool; logs each tool's version.</summary>
    public async Task CheckToolsAsync(IReadOnlyCollection<string> skipTypes)
    {
        // versions cost a run of each tool: only when they are logged
        foreach (var (name, path, version) in await Tools.CheckAsync(skipTypes, Log.IsEnabled("info")))
            Log.Info($"{name}: {path}: {version}");
    }

    /// <summary>A fresh working folder for this run (<c>prev_tmp.&lt;uuid&gt;</c> in the temporary folder), deleted when disposed.</summary>
    public WorkFolder NewWorkFolder()
        => new(Path.Combine(global.TempFolder ?? Path.GetTempPath(), $"{TemporaryPrefix}.{Guid.NewGuid()}"), Log);

    public PreviewGenerator Generator(string workFolder) => new(GeneratorSettings.From(Options), Tools, workFolder, Log);

    /// <summary>The node of <c>--url</c> with the access key of <c>--username</c> and its secret <c>--password</c>.</summary>
    public NodeApiClient Node()
    {
        string url = Auth.RequiredUrl, username = Auth.RequiredUsername, password = Auth.RequiredPassword;
        var api = NodeConnection.Create(rest, url, username, password);
        // --folder-reset-cache=header: folder listings bypass the node's cache
        return Options.FolderResetCache == "header" ? new NodeApiClient(api.Rest, api.Credentials) { NoCache = true } : api;
    }
}

/// <summary>A working folder, created now and deleted with its content when disposed.</summary>
public sealed class WorkFolder : IDisposable
{
    private readonly AppLog _log;

    public WorkFolder(string path, AppLog log)
    {
        Path = path;
        _log = log;
        Directory.CreateDirectory(path);
        log.Debug(() => $"tmpdir: {path}");
    }

    public string Path { get; }

    public void Dispose()
    {
        _log.Debug(() => $"cleaning up temp folder {Path}");
        try { Directory.Delete(Path, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _log.Debug(() => $"cleanup: {e.Message}"); }
    }
}
