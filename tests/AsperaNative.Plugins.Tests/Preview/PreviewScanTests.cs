using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Preview;

/// <summary>
/// <c>ascli preview scan|events|trevents</c> on the storage of an access key of the node emulator (local file
/// access): previews land in <c>&lt;storage&gt;/previews/&lt;file id&gt;.asp-preview/preview.png|mp4</c>.
/// </summary>
public sealed class PreviewScanTests(PreviewFixture media) : IClassFixture<PreviewFixture>, IAsyncLifetime
{
    private const string AccessKey = "ak_previews";
    private const string Secret = "s3cr3t_prev";
    private readonly CliHome _home = new();
    private readonly string _docroot = Directory.CreateTempSubdirectory("aspn-preview-node-").FullName;
    private NodeEmulator _node = null!;

    private string Storage => Path.Combine(_docroot, "storage");
    private string Previews => Path.Combine(Storage, "previews");
    private string Photo => Path.Combine(Storage, "photo.jpg");
    private string Document => Path.Combine(Storage, "docs", "document.pdf");
    private string Clip => Path.Combine(Storage, "media", "clip.mp4");
    private string Skipped => Path.Combine(Storage, "skipped", "other.jpg");

    public async Task InitializeAsync()
    {
        _node = await NodeEmulator.StartAsync(_docroot);
        _node.Store.EntriesWithPath = true;
        var key = _node.AddAccessKey(AccessKey, Secret, Storage);
        // a local storage as a real node reports it: the absolute folder as a file URL
        key.StoragePath = "file:///" + Storage;
        Directory.CreateDirectory(Previews);
        foreach (var (from, to) in new[] { (media.Image, Photo), (media.Pdf, Document), (media.Video, Clip), (media.Image, Skipped) })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }

    private RunOutput Preview(params string[] args)
        => _home.Run(["preview", $"--url={_node.Url}", $"--username={AccessKey}", $"--password={Secret}", "--insecure=yes", "--skip-types=office", "--video-start-sec=1", .. args]);

    private string PreviewOf(string source, string format) => Path.Combine(Previews, _node.Store.IdOf(source) + ".asp-preview", "preview." + format);

    private static void Succeeded(RunOutput run, string status)
    {
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal(status + "\n", run.Out);
    }

    [Fact]
    public void Scan_writes_png_and_mp4_previews_in_the_previews_folder()
    {
        Succeeded(Preview("scan", "--skip-folders=@json:[\"/skipped\"]"), "scan finished");
        Assert.Equal(("png", 640, 480), Shape(PreviewOf(Photo, "png")));
        Assert.Equal(("png", 300, 400), Shape(PreviewOf(Document, "png")));
        Assert.Equal(("png", 133, 100), Shape(PreviewOf(Clip, "png")));
        Assert.Equal(("h264", 320, 240), Shape(PreviewOf(Clip, "mp4")));
        // only videos have an mp4, skipped folders and the previews folder itself have nothing
        Assert.False(File.Exists(PreviewOf(Photo, "mp4")));
        Assert.False(Directory.Exists(Path.GetDirectoryName(PreviewOf(Skipped, "png"))));
        Assert.Equal(3 + 1, Directory.GetFileSystemEntries(Previews).Length);
        Assert.Equal(AccessKey, File.ReadAllText(Path.Combine(Previews, ".aspera_access_key")));
        Assert.Contains(_node.Requests, r => r == "GET /access_keys/self");
        Assert.Contains(_node.Requests, r => r.StartsWith($"GET /files/{_node.Store.IdOf(Storage)}/files", StringComparison.Ordinal));
    }

    [Fact]
    public void Overwrite_policies_decide_which_previews_are_made_again()
    {
        Succeeded(Preview("scan", "--skip-format=mp4"), "scan finished");
        string photo = PreviewOf(Photo, "png"), document = PreviewOf(Document, "png");
        Assert.False(File.Exists(PreviewOf(Clip, "mp4")));
        // previews newer than their sources
        var newer = DateTime.UtcNow.AddDays(1);
        foreach (var p in new[] { photo, document }) File.SetLastWriteTimeUtc(p, newer);
        Succeeded(Preview("scan", "--skip-format=mp4"), "scan finished");
        Assert.Equal(newer, File.GetLastWriteTimeUtc(photo));
        // a source changed after its preview
        File.SetLastWriteTimeUtc(Photo, newer.AddDays(1));
        Succeeded(Preview("scan", "--skip-format=mp4", "--overwrite=never"), "scan finished");
        Assert.Equal(newer, File.GetLastWriteTimeUtc(photo));
        Succeeded(Preview("scan", "--skip-format=mp4", "--overwrite=mtime"), "scan finished");
        Assert.NotEqual(newer, File.GetLastWriteTimeUtc(photo));
        Assert.Equal(newer, File.GetLastWriteTimeUtc(document));
        Succeeded(Preview("scan", "--skip-format=mp4", "--overwrite=always", "--skip-types=office,video,image"), "scan finished");
        Assert.NotEqual(newer, File.GetLastWriteTimeUtc(document));
    }

    [Fact]
    public void Scan_path_scan_id_and_filter_limit_the_scan()
    {
        Succeeded(Preview("scan", "--scan-path=docs"), "scan finished");
        Assert.True(File.Exists(PreviewOf(Document, "png")));
        Assert.False(File.Exists(PreviewOf(Photo, "png")));
        Assert.False(File.Exists(PreviewOf(Clip, "png")));
        Succeeded(Preview("scan", $"--scan-id={_node.Store.IdOf(Path.GetDirectoryName(Clip)!)}", "--skip-format=mp4"), "scan finished");
        Assert.True(File.Exists(PreviewOf(Clip, "png")));
        Assert.False(File.Exists(PreviewOf(Photo, "png")));
        Succeeded(Preview("scan", "*.jpg", "--skip-folders=@json:[\"/skipped\"]"), "scan finished");
        Assert.True(File.Exists(PreviewOf(Photo, "png")));
        Assert.False(File.Exists(PreviewOf(Skipped, "png")));
    }

    [Fact]
    public void Storage_checks_are_ascli_errors()
    {
        var missing = Preview("scan", "--previews-folder=thumbnails");
        Assert.Equal($"ERROR: Tool: Folder {Path.Combine(Storage, "thumbnails")} does not exist locally. Please create it, or specify an alternate name.", missing.Error);
        Assert.Equal(1, missing.Exit);
        File.WriteAllText(Path.Combine(Previews, ".aspera_access_key"), "another_key");
        var clash = Preview("scan");
        Assert.Equal($"ERROR: Other(Aspera::AssertError): assertion failed: mismatch access key in {Path.Combine(Previews, ".aspera_access_key")}: contains another_key, using {AccessKey}", clash.Error);
        var remote = Preview("scan", "--file-access=remote", "--previews-folder=thumbnails");
        Assert.Equal("ERROR: Tool: Folder thumbnails does not exist on node. Please create it in the storage root, or specify an alternate name.", remote.Error);
    }

    [Fact]
    public void Events_process_new_file_events_once()
    {
        _node.Store.AddEvent("file.created", new JsonObject { ["type"] = "file", ["id"] = _node.Store.IdOf(Photo), ["parent_file_id"] = _node.Store.IdOf(Storage) }, "file.created");
        _node.Store.AddEvent("transfer.started", new JsonObject { ["type"] = "file", ["id"] = _node.Store.IdOf(Document) });
        Succeeded(Preview("events", "--once-only=yes"), "events finished");
        Assert.True(File.Exists(PreviewOf(Photo, "png")));
        Assert.False(File.Exists(PreviewOf(Document, "png")));
        string saved = Path.Combine(_home.ConfigFolder, "persist_store", "preview_iteration_events_127_0_0_1_" + AccessKey + ".txt");
        Assert.Equal("[\"1\"]", File.ReadAllText(saved));
        // the next run asks for the events after the last one processed
        _node.Store.AddEvent("file.modified", new JsonObject { ["type"] = "file", ["id"] = _node.Store.IdOf(Clip), ["parent_file_id"] = _node.Store.IdOf(Path.GetDirectoryName(Clip)!) }, "file.modified");
        Succeeded(Preview("events", "--once-only=yes", "--skip-format=mp4"), "events finished");
        Assert.Contains(_node.Requests, r => r.StartsWith("GET /events?", StringComparison.Ordinal) && r.Contains("iteration_token=1", StringComparison.Ordinal));
        Assert.True(File.Exists(PreviewOf(Clip, "png")));
        Assert.Equal("[\"3\"]", File.ReadAllText(saved));
    }

    [Fact]
    public void Trevents_scan_the_folders_of_completed_uploads()
    {
        string docs = _node.Store.IdOf(Path.GetDirectoryName(Document)!), clips = _node.Store.IdOf(Path.GetDirectoryName(Clip)!);
        _node.Store.AddEvent("download.ended", new JsonObject { ["direction"] = "receive", ["status"] = "completed", ["error_code"] = 0, ["file_id"] = docs });
        // the generator's own uploads and failed ones are not candidates
        _node.Store.AddEvent("download.ended", new JsonObject { ["direction"] = "receive", ["status"] = "completed", ["error_code"] = 0, ["file_id"] = clips,
            ["tags"] = new JsonObject { ["aspera"] = new JsonObject { ["preview_generator"] = true } } });
        _node.Store.AddEvent("download.ended", new JsonObject { ["direction"] = "receive", ["status"] = "failed", ["error_code"] = 17, ["file_id"] = clips });
        Succeeded(Preview("trevents", "--once-only=yes"), "trevents finished");
        Assert.True(File.Exists(PreviewOf(Document, "png")));
        Assert.False(File.Exists(PreviewOf(Clip, "png")));
        Assert.Equal("[\"3\"]", File.ReadAllText(Path.Combine(_home.ConfigFolder, "persist_store", "preview_iteration_trevents_127_0_0_1_" + AccessKey + ".txt")));
    }

    private static (string Codec, int Width, int Height) Shape(string path)
    {
        Assert.True(File.Exists(path), path);
        var info = Media.Probe(path);
        return (info.Codec, info.Width, info.Height);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _home.Dispose();
        Directory.Delete(_docroot, recursive: true);
    }
}
