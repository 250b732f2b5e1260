using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Plugins.Preview.Generation;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Preview;

/// <summary><c>ascli preview test|show</c> on real files with the real tools, previews checked by format and size.</summary>
public sealed class PreviewGenerationTests(PreviewFixture media) : IClassFixture<PreviewFixture>
{
    private const string Mp4Container = "mov,mp4,m4a,3gp,3g2,mj2";

    /// <summary>Runs <c>ascli preview test</c> with the output's base in a new folder; returns the run and the preview's path.</summary>
    private (RunOutput Run, string Preview) Test(string source, string format, params string[] options)
    {
        string output = Path.Combine(media.NewOutputFolder(), "result");
        var run = media.Home.Run(["preview", "test", source, format, "--skip-types=office", $"--base={output}", .. options]);
        return (run, $"{output}.{format}");
    }

    private static MediaInfo Generated((RunOutput Run, string Preview) result)
    {
        Assert.True(result.Run.Exit == 0, result.Run.Err);
        Assert.Equal($"generated: {result.Preview}\n", result.Run.Out);
        Assert.True(File.Exists(result.Preview), result.Preview);
        return Media.Probe(result.Preview);
    }

    [Fact]
    public void Png_of_an_image_keeps_its_size_within_the_thumbnail_size()
    {
        var png = Generated(Test(media.Image, "png"));
        Assert.Equal(("png", 640, 480), (png.Codec, png.Width, png.Height));
    }

    [Fact]
    public void Png_of_an_image_is_reduced_to_the_thumbnail_size()
    {
        var png = Generated(Test(media.Image, "png", "--thumb-img-size=160"));
        Assert.Equal(("png", 160, 120), (png.Codec, png.Width, png.Height));
    }

    [Fact]
    public void Png_of_a_pdf_is_its_first_page()
    {
        var png = Generated(Test(media.Pdf, "png"));
        Assert.Equal(("png", 300, 400), (png.Codec, png.Width, png.Height));
    }

    [Fact]
    public void Png_of_a_text_is_a_picture()
    {
        var png = Generated(Test(media.Text, "png"));
        Assert.Equal("png", png.Codec);
        Assert.InRange(png.Width, 20, 800);
    }

    [Fact]
    public void Png_of_a_video_is_a_frame_100_pixels_high()
    {
        var png = Generated(Test(media.Video, "png"));
        Assert.Equal(("png", 133, 100), (png.Codec, png.Width, png.Height));
    }

    [Fact]
    public void Animated_png_of_a_video_is_an_animation_120_pixels_wide()
    {
        string longer = Media.Video(Path.Combine(media.NewOutputFolder(), "long.mp4"), seconds: 12, width: 160, height: 120);
        var gif = Generated(Test(longer, "png", "--video-png-conv=animated"));
        Assert.Equal(("gif", 120, 90), (gif.Codec, gif.Width, gif.Height));
    }

    [Fact]
    public void Mp4_of_a_video_by_reencode_is_h264_from_the_start_offset()
    {
        var mp4 = Generated(Test(media.Video, "mp4", "--video-start-sec=1"));
        Assert.Equal((Mp4Container, "h264", 320, 240), (mp4.Format, mp4.Codec, mp4.Width, mp4.Height));
        Assert.InRange(mp4.Duration, 4.5, 5.5);
    }

    [Fact]
    public void Mp4_of_a_video_by_blend_joins_key_frames()
    {
        var mp4 = Generated(Test(media.Video, "mp4", "--video-conversion=blend", "--blend-keyframes=3", "--video-start-sec=1"));
        Assert.Equal((Mp4Container, "h264", 320, 240), (mp4.Format, mp4.Codec, mp4.Width, mp4.Height));
        // 3 key frames held 4 frames each, 2 transitions of 5 frames, at 15 frames per second
        Assert.InRange(mp4.Duration, 1.0, 1.8);
    }

    [Fact]
    public void Mp4_of_a_video_by_clips_joins_clips()
    {
        var mp4 = Generated(Test(media.Video, "mp4", "--video-conversion=clips", "--clips-count=2", "--clips-length=1", "--video-start-sec=1", "--video-scale=160:-2"));
        Assert.Equal((Mp4Container, "h264", 160, 120), (mp4.Format, mp4.Codec, mp4.Width, mp4.Height));
        Assert.InRange(mp4.Duration, 1.5, 2.5);
    }

    [Fact]
    public void Mp4_of_an_image_or_pdf_is_not_a_conversion()
    {
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: no processing know for image -> mp4", Test(media.Image, "mp4").Run.Error);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: no processing know for pdf -> mp4", Test(media.Pdf, "mp4").Run.Error);
    }

    [Fact]
    public void A_file_without_a_known_type_is_an_error_unless_its_content_tells()
    {
        string unnamed = Path.Combine(media.NewOutputFolder(), "photo_jpg_unk");
        File.Copy(media.Image, unnamed);
        var (run, _) = Test(unnamed, "png");
        Assert.Equal("ERROR: Other(RuntimeError): no conversion type found for photo_jpg_unk", run.Error);
        Assert.Equal(1, run.Exit);
        var png = Generated(Test(unnamed, "png", "--mimemagic=yes"));
        Assert.Equal(("png", 640, 480), (png.Codec, png.Width, png.Height));
    }

    [Fact]
    public void A_failed_conversion_leaves_the_error_picture()
    {
        string missing = Path.Combine(media.NewOutputFolder(), "absent.png");
        var result = Test(missing, "png");
        var png = Generated(result);
        Assert.Equal(("png", 128, 128), (png.Codec, png.Width, png.Height));
        Assert.Contains("Ignoring: RuntimeError process failed", result.Run.Err);
    }

    [Fact]
    public void Default_format_is_png_and_base_is_preview()
    {
        string output = Path.Combine(media.NewOutputFolder(), "preview");
        var run = media.Home.Run("preview", "test", media.Image, "--skip-types=office", $"--base={output}");
        Assert.Equal($"generated: {output}.png\n", run.Out);
        var bad = media.Home.Run("preview", "test", media.Image, "gif");
        Assert.Equal(1, bad.Exit);
        Assert.StartsWith("ERROR: Argument:", bad.Error);
        Assert.Contains("gif", bad.Error);
    }

    [Fact]
    public void Show_draws_the_preview_then_says_where_it_is()
    {
        string output = Path.Combine(media.NewOutputFolder(), "shown");
        var run = media.Home.Run("preview", "show", media.Image, "--skip-types=office", $"--base={output}", "--query=@json:{\"text\":true}");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("\u001b[", run.Out);
        Assert.EndsWith($"generated: {output}.png\n", run.Out);
        var video = media.Home.Run("preview", "show", media.Video, "mp4", "--skip-types=office", $"--base={output}", "--video-start-sec=1", "--query=@json:{\"text\":true}");
        Assert.True(video.Exit == 0, video.Err);
        Assert.Contains("\u001b[", video.Out);
        Assert.EndsWith($"generated: {output}.mp4\n", video.Out);
    }

    [Fact]
    public void Check_validates_the_tools()
    {
        var run = media.Home.Run("preview", "check", "--skip-types=office");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("Tools validated\n", run.Out);
    }

    [Fact]
    public void Bad_skip_type_is_ascli_assertion()
    {
        var run = media.Home.Run("preview", "check", "--skip-types=office,sound");
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: skip_types: expecting one of [:image, :office, :pdf, :plaintext, :video], but have :sound", run.Error);
    }

    [Fact]
    public async Task A_missing_tool_is_named_in_the_error()
    {
        string bin = media.NewOutputFolder();
        var none = new ExternalTools(AppLog.Quiet, bin);
        var error = await Assert.ThrowsAsync<CliException>(() => none.CheckAsync([FileTypes.Office], versions: false));
        Assert.Equal("missing ffmpeg binary: No such file or directory - ffmpeg", error.Message);
        Assert.Equal("Other(RuntimeError)", error.Kind);
        // with every tool but ffprobe
        foreach (string tool in new[] { "ffmpeg", "convert", "composite", "optipng", "gs" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
        var partial = new ExternalTools(AppLog.Quiet, bin);
        error = await Assert.ThrowsAsync<CliException>(() => partial.CheckAsync([FileTypes.Office], versions: false));
        Assert.Equal("missing ffprobe binary: No such file or directory - ffprobe", error.Message);
        File.CreateSymbolicLink(Path.Combine(bin, "ffprobe"), Which("ffprobe"));
        var all = await new ExternalTools(AppLog.Quiet, bin).CheckAsync([FileTypes.Office], versions: true);
        Assert.Equal(["ffmpeg", "ffprobe", "convert", "composite", "optipng", "gs"], all.Select(static t => t.Name));
        Assert.Contains("ffmpeg version", all[0].Version);
        // office documents need unoconv or LibreOffice unless skipped
        error = await Assert.ThrowsAsync<CliException>(() => new ExternalTools(AppLog.Quiet, bin).CheckAsync([], versions: false));
        Assert.Equal("missing unoconv binary: No such file or directory - unoconv", error.Message);
    }

    private static string Which(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
           ?? throw new InvalidOperationException($"the tests need {tool} on PATH");
}
