using System.Diagnostics;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// <c>ascli preview</c> on the binary with the real ImageMagick, Ghostscript and ffmpeg: local previews, a scan of the
/// node emulator's storage, and the error naming a tool missing from PATH.
/// </summary>
public sealed class PreviewTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private readonly string _docroot = Directory.CreateTempSubdirectory("ascli-e2e-preview-").FullName;
    private NodeEmulator _node = null!;

    public async Task InitializeAsync() => _node = await NodeEmulator.StartAsync(_docroot);

    [Fact]
    public void Png_and_mp4_previews_of_local_files()
    {
        Tool("convert", "-size", "400x300", "gradient:red-blue", Path.Combine(_ascli.Home, "picture.png"));
        Tool("gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-o", Path.Combine(_ascli.Home, "page.pdf"), "-c", "<</PageSize [200 100]>> setpagedevice showpage");
        Tool("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=4:size=320x180:rate=10", "-pix_fmt", "yuv420p", Path.Combine(_ascli.Home, "movie.mp4"));
        var image = _ascli.Exec("preview", "test", "picture.png", "--skip-types=office");
        Assert.True(image.Exit == 0, image.Err);
        Assert.Equal("generated: preview.png\n", image.Out);
        Assert.Equal("png 400x300", Probe("preview.png"));
        var pdf = _ascli.Exec("preview", "test", "page.pdf", "png", "--base=page", "--skip-types=office");
        Assert.Equal("generated: page.png\n", pdf.Out);
        Assert.Equal("png 200x100", Probe("page.png"));
        var video = _ascli.Exec(["preview", "test", "movie.mp4", "mp4", "--base=movie_preview", "--skip-types=office", "--video-start-sec=1"], timeout: TimeSpan.FromSeconds(60));
        Assert.True(video.Exit == 0, video.Err);
        Assert.Equal("generated: movie_preview.mp4\n", video.Out);
        Assert.Equal("h264 320x180", Probe("movie_preview.mp4"));
    }

    [Fact]
    public void Scan_writes_previews_in_the_storage_previews_folder()
    {
        string storage = Path.Combine(_docroot, "ak_storage");
        var key = _node.AddAccessKey("ak_e2e", "ak_e2e_secret", storage);
        key.StoragePath = "file:///" + storage;
        _node.Store.EntriesWithPath = true;
        Directory.CreateDirectory(Path.Combine(storage, "previews"));
        Directory.CreateDirectory(Path.Combine(storage, "photos"));
        string photo = Path.Combine(storage, "photos", "sunset.jpg");
        Tool("convert", "-size", "1000x500", "gradient:orange-purple", photo);
        var run = _ascli.Exec(["preview", $"--url={_node.Url}", "--username=ak_e2e", "--password=ak_e2e_secret", "--insecure=yes", "--skip-types=office", "scan"], timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("scan finished\n", run.Out);
        string preview = Path.Combine(storage, "previews", _node.Store.IdOf(photo) + ".asp-preview", "preview.png");
        Assert.Equal("png 800x400", Probe(preview));
        Assert.Equal("ak_e2e", File.ReadAllText(Path.Combine(storage, "previews", ".aspera_access_key")));
    }

    [Fact]
    public void A_tool_missing_from_PATH_is_named()
    {
        // a PATH with dotnet (for the JIT wrapper) and ImageMagick, but no ffmpeg
        string bin = Directory.CreateTempSubdirectory("ascli-e2e-path-").FullName;
        try
        {
            foreach (string tool in new[] { "dotnet", "convert", "composite" })
                if (Which(tool) is { } path) File.CreateSymbolicLink(Path.Combine(bin, tool), path);
            var env = new Dictionary<string, string?> { ["PATH"] = bin };
            var run = _ascli.Exec(["preview", "check", "--skip-types=office"], env: env);
            Assert.Equal(1, run.Exit);
            Assert.Equal("ERROR: Other(RuntimeError): missing ffmpeg binary: No such file or directory - ffmpeg", run.FirstError);
            var test = _ascli.Exec(["preview", "test", "any.png"], env: env);
            Assert.Equal("ERROR: Other(RuntimeError): missing ffmpeg binary: No such file or directory - ffmpeg", test.FirstError);
            var full = _ascli.Exec("preview", "check", "--skip-types=office");
            Assert.Equal("Tools validated\n", full.Out);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    private static string? Which(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>Runs a real tool (a missing one fails the test, naming it).</summary>
    private string Tool(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(Which(tool) ?? throw new InvalidOperationException($"the preview tests need {tool} on PATH (imagemagick, ghostscript, ffmpeg)"))
        {
            WorkingDirectory = _ascli.Home, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool}: {errors}");
        return output.Result;
    }

    /// <summary>The codec and size of the first video stream, by ffprobe.</summary>
    private string Probe(string file)
    {
        var json = JsonNode.Parse(Tool("ffprobe", "-v", "error", "-print_format", "json", "-show_streams", file))!;
        var stream = json["streams"]![0]!;
        return $"{stream["codec_name"]} {stream["width"]}x{stream["height"]}";
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _ascli.Dispose();
        Directory.Delete(_docroot, recursive: true);
    }
}
