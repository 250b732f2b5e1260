using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.NodeApi.Api;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Preview.Storage;

/// <summary>
/// Where the previews of an access key's files are (manual "Plugin: preview", "Aspera Server configuration"): the
/// folder <c>&lt;previews&gt;/&lt;file id&gt;.asp-preview/</c> in the storage root, holding <c>preview.png</c> and
/// <c>preview.mp4</c>. With <c>--file-access=local</c> the storage is this machine's file system; with
/// <c>remote</c> sources are downloaded and previews uploaded by transfers tagged as the generator's own.
/// </summary>
public sealed class PreviewStorage
{
    /// <summary>Suffix of a file's preview folder (defined by the node API).</summary>
    public const string PreviewFolderSuffix = ".asp-preview";
    public const string PreviewBaseName = "preview";
    /// <summary>File in the previews folder naming the access key that owns it.</summary>
    public const string AccessKeyMarker = ".aspera_access_key";
    /// <summary>Tag of the generator's transfers, so that trevents ignores them.</summary>
    public const string GeneratorTag = "preview_generator";
    private const string LocalStorageScheme = "file:///";

    private readonly TransferRunner _transfer;
    private readonly string _workFolder;

    private PreviewStorage(NodeApiClient api, JsonObject accessKey, TransferRunner transfer, string workFolder)
    {
        Api = api;
        AccessKey = accessKey;
        _transfer = transfer;
        _workFolder = workFolder;
    }

    public NodeApiClient Api { get; }

    /// <summary>The access key (<c>access_keys/self</c>): its id, root file id and storage.</summary>
    public JsonObject AccessKey { get; }

    public string AccessKeyId => RubyToS.Of(AccessKey["id"]);
    public string RootFileId => RubyToS.Of(AccessKey["root_file_id"]);

    /// <summary>The local storage root (local access), else null.</summary>
    public string? LocalRoot { get; private init; }

    /// <summary>The local previews folder (local access), else null.</summary>
    public string? LocalPreviews { get; private init; }

    /// <summary>The previews folder's entry on the node (remote access), else null.</summary>
    public JsonObject? RemotePreviews { get; private init; }

    public bool Remote => RemotePreviews is not null;

    /// <summary>The storage of the node's access key, checked as ascli does before anything is generated.</summary>
    public static async Task<PreviewStorage> OpenAsync(NodeApiClient api, string previewsFolder, bool remote, TransferRunner transfer, string workFolder,
        Core.Logging.AppLog log)
    {
        var self = await api.ReadAsync("access_keys/self") as JsonObject ?? [];
        var info = await api.ReadAsync("info") as JsonObject ?? [];
        log.Debug(() => $"root: {RubyToS.Of(info["docroot"])}");
        log.Debug(() => $"remote: {(remote ? "true" : "false")}");
        log.Debug(() => $"access key info: {self.ToJsonString()}");
        if (remote)
        {
            // the name filter may answer more than the folder: the first one is it
            var previews = await FolderEntriesAsync(api, RubyToS.Of(self["root_file_id"]), new JsonObject { ["name"] = previewsFolder }).FirstOrDefaultAsync();
            if (previews is null)
                throw CliException.Tool($"Folder {previewsFolder} does not exist on node. Please create it in the storage root, or specify an alternate name.");
            return new PreviewStorage(api, self, transfer, workFolder) { RemotePreviews = previews };
        }
        if (RubyToS.Of(self["storage"]?["type"]) != "local") throw CliException.Assertion("only local storage allowed in this mode");
        string root = RubyToS.Of(self["storage"]?["path"]);
        if (root.StartsWith(LocalStorageScheme, StringComparison.Ordinal)) root = root[LocalStorageScheme.Length..];
        if (!root.StartsWith('/')) throw CliException.Assertion($"not local storage: {root}");
        if (!Directory.Exists(root)) throw CliException.Tool($"assertion failed: Local storage root folder {root} does not exist.");
        string local = Path.Combine(root, previewsFolder);
        if (!Directory.Exists(local)) throw CliException.Tool($"Folder {local} does not exist locally. Please create it, or specify an alternate name.");
        // two access keys on the same root would clash on file ids
        string marker = Path.Combine(local, AccessKeyMarker);
        log.Debug(() => $"marker file: {marker}");
        string id = RubyToS.Of(self["id"]);
        if (File.Exists(marker))
        {
            string owner = (await File.ReadAllTextAsync(marker)).TrimEnd('\r', '\n');
            if (owner != id) throw CliException.Assertion($"mismatch access key in {marker}: contains {owner}, using {id}");
        }
        else
        {
            await File.WriteAllTextAsync(marker, id);
        }
        return new PreviewStorage(api, self, transfer, workFolder) { LocalRoot = root, LocalPreviews = local };
    }

    /// <summary>The entries of a folder (<c>files/{id}/files</c>, all pages).</summary>
    public static IAsyncEnumerable<JsonObject> FolderEntriesAsync(NodeApiClient api, string folderId, JsonObject? query = null)
        => api.ListFolder(folderId, query).OfType<JsonObject>();

    /// <summary>The name of an entry's preview folder.</summary>
    public static string PreviewFolderName(JsonObject entry) => RubyToS.Of(entry["id"]) + PreviewFolderSuffix;

    /// <summary>A preview file's name: <c>&lt;base&gt;.&lt;format&gt;</c> (<c>preview</c> by default).</summary>
    public static string PreviewFileName(string format, string? baseName = null) => $"{baseName ?? PreviewBaseName}.{format}";

    /// <summary>
    /// Where an entry's previews are made and what exists already: the source file to read, the folder to write the
    /// previews in, and for each format whether a preview exists and is newer than the source.
    /// </summary>
    public async Task<EntryPreviews> InspectAsync(JsonObject entry, IReadOnlyList<string> formats)
    {
        if (!Remote)
        {
            string source = Path.Combine(LocalRoot!, RubyToS.Of(entry["path"]).TrimStart('/'));
            var sourceTime = File.GetLastWriteTimeUtc(source);
            string folder = Path.Combine(LocalPreviews!, PreviewFolderName(entry));
            return new EntryPreviews(source, folder, [.. formats.Select(f =>
            {
                string path = Path.Combine(folder, PreviewFileName(f));
                bool exists = File.Exists(path);
                return new FormatState(f, path, exists, exists && File.GetLastWriteTimeUtc(path) > sourceTime);
            })]);
        }
        // the node hides the previews folder: a file's own entry tells whether it has a preview
        var info = await Api.ReadAsync($"files/{RubyToS.Of(entry["id"])}") as JsonObject ?? [];
        bool has = info.ContainsKey("preview");
        string remoteFolder = Path.Combine(_workFolder, PreviewFolderName(entry));
        return new EntryPreviews(Path.Combine(_workFolder, RubyToS.Of(entry["name"])), remoteFolder,
            [.. formats.Select(f => new FormatState(f, Path.Combine(remoteFolder, PreviewFileName(f)), has, has))]);
    }

    /// <summary>Remote access: the source file into the working folder.</summary>
    public async Task DownloadAsync(JsonObject entry)
    {
        string parent = RubyToS.Of(entry["parent_file_id"]);
        if (parent.Length == 0) throw CliException.Runtime("missing parent_file_id in entry");
        await TransferAsync(TransferRunner.DirectionReceive, parent, RubyToS.Of(entry["name"]), _workFolder);
    }

    /// <summary>Remote access: the entry's preview folder into the previews folder, then local copies removed.</summary>
    public async Task UploadAsync(EntryPreviews previews)
    {
        await TransferAsync(TransferRunner.DirectionSend, RubyToS.Of(RemotePreviews!["id"]), previews.Folder, "/");
        Directory.Delete(previews.Folder, recursive: true);
        File.Delete(previews.Source);
    }

    private async Task TransferAsync(string direction, string folderId, string source, string destination)
    {
        var extra = new JsonObject
        {
            ["paths"] = new JsonArray(new JsonObject { ["source"] = source }),
            ["tags"] = new JsonObject { ["aspera"] = new JsonObject { [GeneratorTag] = true } },
        };
        var spec = await Gen4TransferSpec.BuildAsync(Api, folderId, direction, standardPorts: true, extra);
        // the destination is the user's part of the spec, so that the agent does not replace it
        _transfer.UserSpec["destination_root"] = destination;
        TransferRunner.ResultOf(await _transfer.StartAsync(spec, null));
    }
}

/// <summary>An entry's source file, its preview folder, and the state of each format's preview.</summary>
public sealed record EntryPreviews(string Source, string Folder, IReadOnlyList<FormatState> Formats);

/// <summary>A format's preview file: whether it exists, and whether it is newer than the source.</summary>
public sealed record FormatState(string Format, string Path, bool Exists, bool NewerThanSource);
