using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>One preview to make: a source file, the preview file (its extension is the format) and how.</summary>
public sealed record PreviewJob(string Source, string Destination, string ConversionType, string Format, string? VideoMethod)
{
    /// <summary>ascli's name of the conversion (e.g. <c>convert_video_to_mp4_using_blend</c>), for the logs.</summary>
    public string Name => $"convert_{ConversionType}_to_{Format}" + (VideoMethod is null ? "" : "_using_" + VideoMethod);
}

/// <summary>
/// Makes previews with the external tools (manual "Plugin: preview", "Preview File types"): a png thumbnail of an
/// image, PDF, office document, text or video, and an mp4 preview of a video. A conversion that fails leaves an
/// error picture in place of the preview, as ascli does, so that the failure is visible and not retried forever.
/// </summary>
public sealed partial class PreviewGenerator(GeneratorSettings settings, ExternalTools tools, string temporaryFolder, AppLog log)
{
    public const string Png = "png";
    public const string Mp4 = "mp4";
    public static readonly string[] Formats = [Png, Mp4];

    private static readonly string[] VideoMp4Methods = ["reencode", "blend", "clips"];
    private static readonly string[] VideoPngMethods = ["fixed", "animated"];

    /// <summary>
    /// The job making <paramref name="destination"/> from <paramref name="source"/>; <paramref name="apiMime"/> is the
    /// node's mime type of the source (or null). Errors: no type for the file, or no conversion to that format.
    /// </summary>
    public PreviewJob Prepare(string source, string destination, string? apiMime)
    {
        string format = Path.GetExtension(destination).TrimStart('.');
        string type = FileTypes.Of(source, apiMime, settings.Mimemagic);
        string? method = null;
        bool supported;
        if (type == FileTypes.Video)
        {
            method = format == Mp4 ? settings.VideoConversion : settings.VideoPngConv;
            supported = format switch
            {
                Mp4 => VideoMp4Methods.Contains(method),
                Png => VideoPngMethods.Contains(method),
                _ => false,
            };
        }
        else
        {
            supported = format == Png;
        }
        var job = new PreviewJob(source, destination, type, format, method);
        log.Debug(() => $"method: {job.Name}");
        if (!supported) throw CliException.Assertion($"no processing know for {type} -> {format}");
        return job;
    }

    /// <summary>
    /// Makes the preview; a failing conversion is logged and replaced by the error picture. A preview larger than
    /// <c>--max-size</c> is kept with a warning (the node refuses it when uploaded).
    /// </summary>
    public async Task GenerateAsync(PreviewJob job, CancellationToken cancel = default)
    {
        log.Info($"{job.Source}->{job.Destination} ({job.Name})");
        string work = Path.Combine(temporaryFolder, WorkFolderName(job.Source));
        try
        {
            await ConvertAsync(job, work, cancel);
            long size = new FileInfo(job.Destination).Length;
            if (size > settings.MaxSize) log.Warn($"preview size exceeds maximum allowed {size} > {settings.MaxSize}");
        }
        catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            log.Error($"Ignoring: {Describe(e)}");
            await File.WriteAllBytesAsync(job.Destination, ErrorPicture.Png(video: job.Format == Mp4), cancel);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    // as ascli logs it: the Ruby class, then the message
    private static string Describe(Exception e)
        => e is CliException c ? $"{(c.Kind.StartsWith("Other(", StringComparison.Ordinal) ? c.Kind[6..^1] : c.Kind)} {c.Message}" : $"{e.GetType().Name} {e.Message}";

    // the source's name as a folder name: blanks become _, other non-word characters go
    private static string WorkFolderName(string source)
        => NonWord().Replace(Blank().Replace(source.Split('/').Last(), "_"), "");

    private Task ConvertAsync(PreviewJob job, string work, CancellationToken cancel) => (job.ConversionType, job.Format, job.VideoMethod) switch
    {
        (FileTypes.Video, Mp4, "blend") => VideoBlendAsync(job, work, cancel),
        (FileTypes.Video, Mp4, "clips") => VideoClipsAsync(job, work, cancel),
        (FileTypes.Video, Mp4, _) => VideoReencodeAsync(job, cancel),
        (FileTypes.Video, _, "animated") => VideoAnimatedPngAsync(job, cancel),
        (FileTypes.Video, _, _) => VideoFixedPngAsync(job, cancel),
        (FileTypes.Office, _, _) => OfficeToPngAsync(job, work, cancel),
        (FileTypes.Pdf, _, _) => PdfToPngAsync(job.Source, job.Destination, work, cancel),
        (FileTypes.Plaintext, _, _) => TextToPngAsync(job, cancel),
        _ => ImageToPngAsync(job, cancel),
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Folder(string path)
    {
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Image: a thumbnail within the size, oriented, posterized, then optimized by optipng.</summary>
    private async Task ImageToPngAsync(PreviewJob job, CancellationToken cancel)
    {
        string size = Number(settings.ThumbImgSize);
        await tools.RunAsync(Tool.Convert, ["-auto-orient", "-thumbnail", $"{size}x{size}>", "-quality", "95", "+dither", "-posterize", "40", job.Source + "[0]", job.Destination], cancel);
        await tools.RunAsync(Tool.Optipng, [job.Destination], cancel);
    }

    /// <summary>
    /// PDF: the first page on white. Ghostscript rasterizes it (ImageMagick's own PDF reader is Ghostscript, and
    /// distributions' ImageMagick policies often forbid it), then ImageMagick flattens it as ascli does.
    /// </summary>
    private async Task PdfToPngAsync(string source, string destination, string work, CancellationToken cancel)
    {
        string page = Path.Combine(Folder(work), "page1.png");
        await tools.RunAsync(Tool.Ghostscript, ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", "-r72", "-dFirstPage=1", "-dLastPage=1", "-sOutputFile=" + page, source], cancel);
        await tools.RunAsync(Tool.Convert, ["-size", "x" + Number(settings.ThumbImgSize), "-background", "white", "-flatten", page + "[0]", destination], cancel);
    }

    /// <summary>Office document: to PDF with unoconv (or LibreOffice itself), then as a PDF.</summary>
    private async Task OfficeToPngAsync(PreviewJob job, string work, CancellationToken cancel)
    {
        string folder = Folder(work);
        string pdf = Path.Combine(folder, Path.GetFileNameWithoutExtension(job.Source) + ".pdf");
        if (tools.OfficeIsLibreOffice)
            await tools.RunAsync(Tool.Office, ["--headless", "--convert-to", "pdf", "--outdir", folder, job.Source], cancel);
        else
            await tools.RunAsync(Tool.Office, ["-f", "pdf", "-o", pdf, job.Source], cancel);
        await PdfToPngAsync(pdf, job.Destination, work, cancel);
    }

    /// <summary>Text: the first 100 lines drawn on white, trimmed, with a white border.</summary>
    private async Task TextToPngAsync(PreviewJob job, CancellationToken cancel)
    {
        var text = new StringBuilder();
        using (var reader = new StreamReader(job.Source))
        {
            for (int i = 0; i < 100 && await reader.ReadLineAsync(cancel) is { } line; i++) text.Append(line).Append('\n');
        }
        string size = Number(settings.ThumbImgSize);
        await tools.RunAsync(Tool.Convert, ["-size", $"{size}x{size}", "xc:white", "-font", settings.ThumbTextFont, "-pointsize", "12", "-fill", "black",
            "-annotate", "+0+0", LiteralText(text.ToString()), "-trim", "-bordercolor", "white", "-border", "8", "+repage", job.Destination], cancel);
    }

    // ImageMagick reads a text starting with @ from that file and expands % escapes: the file's text is shown as is
    private static string LiteralText(string text)
    {
        text = text.Replace("%", "%%", StringComparison.Ordinal);
        return text.StartsWith('@') ? "\\" + text : text;
    }

    [GeneratedRegex(@"\s")]
    private static partial Regex Blank();

    [GeneratedRegex(@"\W")]
    private static partial Regex NonWord();
}
