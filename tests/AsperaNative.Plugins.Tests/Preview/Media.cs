using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AsperaNative.Plugins.Tests.Preview;

/// <summary>What ffprobe tells of a picture or video: its container or codec, and the first video stream's size.</summary>
public sealed record MediaInfo(string Format, string Codec, int Width, int Height, double Duration);

/// <summary>
/// Real media made and measured with the real tools (ImageMagick, Ghostscript, ffmpeg, ffprobe; Debian packages
/// imagemagick, ghostscript, ffmpeg installed by .ci/run). A missing tool fails the test, saying which one.
/// </summary>
public static class Media
{
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException($"the tests need {tool} on PATH (apt-get install imagemagick ghostscript ffmpeg optipng): {e.Message}", e); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
            return stdout.Result;
        }
    }

    /// <summary>A JPEG photo-like picture (gradient) of the given size.</summary>
    public static string Image(string path, int width = 640, int height = 480)
    {
        Run("convert", "-size", $"{width}x{height}", "gradient:blue-yellow", path);
        return path;
    }

    /// <summary>A one-page PDF of the given size in points, drawn by Ghostscript.</summary>
    public static string Pdf(string path, int width = 300, int height = 400)
    {
        Run("gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-o", path, "-c",
            $"<</PageSize [{width} {height}]>> setpagedevice 1 0 0 setrgbcolor 20 20 {width - 40} {height - 40} rectfill showpage");
        return path;
    }

    /// <summary>An H.264 video of ffmpeg's test pattern (lavfi testsrc).</summary>
    public static string Video(string path, int seconds = 6, int width = 320, int height = 240)
    {
        Run("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size={width}x{height}:rate=10", "-pix_fmt", "yuv420p", path);
        return path;
    }

    /// <summary>A plain text file.</summary>
    public static string Text(string path)
    {
        File.WriteAllText(path, "first line of the text\nsecond line, 100% plain\n@not a file name\n");
        return path;
    }

    /// <summary>The format and size of a file as ffprobe reads it.</summary>
    public static MediaInfo Probe(string path)
    {
        var json = JsonNode.Parse(Run("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path))!;
        var stream = (json["streams"] as JsonArray ?? []).FirstOrDefault(static s => s?["codec_type"]?.ToString() == "video")
            ?? throw new InvalidOperationException($"no picture in {path}");
        double duration = double.TryParse(json["format"]?["duration"]?.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : 0;
        return new MediaInfo(json["format"]!["format_name"]!.ToString(), stream["codec_name"]!.ToString(), stream["width"]!.GetValue<int>(), stream["height"]!.GetValue<int>(), duration);
    }
}
