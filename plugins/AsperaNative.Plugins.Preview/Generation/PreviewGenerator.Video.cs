using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>
/// Previews of videos with ffmpeg (manual "Plugin: preview", "Options for generated files"): a png of one frame (or
/// an animated one), and an mp4 made by re-encoding the start (reencode), by blending key frames (blend), or by
/// joining short clips taken along the video (clips).
/// </summary>
public sealed partial class PreviewGenerator
{
    // numbered frames of the blend method, as ffmpeg's image sequence reads them
    private const string FramePattern = "img%04d.jpg";

    private static readonly string[] FfmpegGlobal = ["-y", "-loglevel", "error"];

    private Task FfmpegAsync(string input, IEnumerable<string> inputOptions, string output, IEnumerable<string> outputOptions, CancellationToken cancel)
        => tools.RunAsync(Tool.Ffmpeg, [.. FfmpegGlobal, .. inputOptions, "-i", input, .. outputOptions, output], cancel);

    /// <summary>The video's duration in seconds (ffprobe), 0 when it tells none.</summary>
    private async Task<double> DurationAsync(string video, CancellationToken cancel)
    {
        string output = await tools.CaptureAsync(Tool.Ffprobe,
            ["-loglevel", "error", "-show_entries", "format=duration", "-print_format", "default=noprint_wrappers=1:nokey=1", video], cancel);
        return double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) ? seconds : 0;
    }

    /// <summary>Where part <paramref name="index"/> (from 1) of <paramref name="count"/> starts: evenly spread after the start offset.</summary>
    private static double PartOffset(double duration, double start, long count, long index) => start + ((index - 1) * (duration - start) / count);

    private Task DumpFrameAsync(string video, double offset, string scale, string output, CancellationToken cancel)
        => FfmpegAsync(video, ["-ss", Number(offset)], output, ["-frames:v", "1", "-filter:v", "scale=" + scale], cancel);

    private static string FramePath(string folder, long index) => Path.Combine(folder, string.Format(CultureInfo.InvariantCulture, "img{0:D4}.jpg", index));

    /// <summary>png: the frame at <c>--thumb-vid-fraction</c> of the duration.</summary>
    private async Task VideoFixedPngAsync(PreviewJob job, CancellationToken cancel)
        => await DumpFrameAsync(job.Source, await DurationAsync(job.Source, cancel) * settings.ThumbVidFraction, settings.ThumbVidScale, job.Destination, cancel);

    /// <summary>png: an animated picture (GIF data) of 20 seconds from second 10, 5 frames per second, 120 pixels wide.</summary>
    private Task VideoAnimatedPngAsync(PreviewJob job, CancellationToken cancel)
        => FfmpegAsync(job.Source, ["-ss", "10", "-t", "20"], job.Destination,
            ["-vf", "fps=5,scale=120:-1:flags=lanczos,split[s0][s1];[s0]palettegen[p];[s1][p]paletteuse", "-loop", "0", "-f", "gif"], cancel);

    /// <summary>mp4: the first minute from the start offset, re-encoded small (H.264 500k, MP3 128k), or with the <c>--reencode-ffmpeg</c> arguments.</summary>
    private Task VideoReencodeAsync(PreviewJob job, CancellationToken cancel)
    {
        var custom = settings.ReencodeFfmpeg;
        foreach (var (key, value) in custom)
        {
            if (key is not ("in" or "out")) throw CliException.Assertion($"key: expecting one of [\"in\", \"out\"], but have {RubyInspect.Inspect(JsonValue.Create(key))}");
            if (value is not JsonArray) throw CliException.Assertion($"{key}: expecting Array, but have {RubyInspect.Inspect(value)}");
        }
        IEnumerable<string> input = custom["in"] is JsonArray i ? i.Select(static a => RubyToS.Of(a)) : ["-ss", Number(settings.VideoStartSec * 0.9)];
        IEnumerable<string> output = custom["out"] is JsonArray o ? o.Select(static a => RubyToS.Of(a)) :
        [
            "-t", "60", "-codec:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-preset", "slow",
            "-b:v", "500k", "-maxrate", "500k", "-bufsize", "1000k", "-filter:v", "scale=" + settings.VideoScale,
            "-threads", "0", "-codec:a", "libmp3lame", "-ac", "2", "-b:a", "128k", "-movflags", "faststart",
        ];
        return FfmpegAsync(job.Source, input, job.Destination, output, cancel);
    }

    /// <summary>
    /// mp4: key frames taken evenly from the start offset, each held for the pause frames, with blended transition
    /// frames (ImageMagick composite) between them, played at <c>--blend-fps</c>.
    /// </summary>
    private async Task VideoBlendAsync(PreviewJob job, string work, CancellationToken cancel)
    {
        double duration = await DurationAsync(job.Source, cancel);
        string folder = Folder(work);
        long pause = settings.BlendPauseframes, transition = settings.BlendTransframes, keys = settings.BlendKeyframes;
        long? previousKey = null;
        long current = 1;
        for (long i = 1; i <= keys; i++)
        {
            await DumpFrameAsync(job.Source, PartOffset(duration, settings.VideoStartSec, keys, i), settings.VideoScale, FramePath(folder, current), cancel);
            // the key frame is held: the pause frames are the same picture
            for (long p = 1; p <= pause; p++) File.CreateSymbolicLink(FramePath(folder, current + p), FramePath(folder, current));
            if (previousKey is { } from) await BlendFramesAsync(folder, from, current, cancel);
            previousKey = current + pause;
            current = previousKey.Value + 1 + transition;
        }
        await FfmpegAsync(Path.Combine(folder, FramePattern), ["-framerate", Number(settings.BlendFps)], job.Destination,
            ["-filter:v", "scale='trunc(iw/2)*2:trunc(ih/2)*2'", "-codec:v", "libx264", "-r", "30", "-pix_fmt", "yuv420p"], cancel);
    }

    /// <summary>The frames between two key frames: the second blended over the first, more and more.</summary>
    private async Task BlendFramesAsync(string folder, long first, long second, CancellationToken cancel)
    {
        long count = second - first - 1;
        for (long i = 1; i <= count; i++)
        {
            long percent = i * 100 / (count + 1);
            await tools.RunAsync(Tool.Composite, ["-blend", Number(percent), FramePath(folder, second), FramePath(folder, first), FramePath(folder, first + i)], cancel);
        }
    }

    /// <summary>mp4: <c>--clips-count</c> clips of <c>--clips-length</c> seconds taken evenly from the start offset, joined.</summary>
    private async Task VideoClipsAsync(PreviewJob job, string work, CancellationToken cancel)
    {
        double duration = await DurationAsync(job.Source, cancel);
        string folder = Folder(work);
        var list = new System.Text.StringBuilder();
        for (long i = 1; i <= settings.ClipsCount; i++)
        {
            double offset = PartOffset(duration, settings.VideoStartSec, settings.ClipsCount, i);
            string clip = string.Format(CultureInfo.InvariantCulture, "clip{0:D4}.mp4", i);
            // seek fast to near the point, then precisely
            await FfmpegAsync(job.Source, ["-ss", Number(offset * 0.9)], Path.Combine(folder, clip),
                ["-ss", Number(offset * 0.1), "-t", Number(settings.ClipsLength), "-filter:v", "scale=" + settings.VideoScale, "-codec:a", "libmp3lame"], cancel);
            list.Append("file '").Append(clip).Append("'\n");
        }
        string listFile = Path.Combine(folder, "clip_files.txt");
        await File.WriteAllTextAsync(listFile, list.ToString(), cancel);
        await FfmpegAsync(listFile, ["-f", "concat"], job.Destination, ["-codec", "copy"], cancel);
    }
}
