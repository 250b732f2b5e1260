using System.Globalization;
using System.Text;
using AsperaNative.Core.Errors;

namespace AsperaNative.Output.Images;

/// <summary>
/// Draws a picture in a terminal, the one renderer of <c>config image</c>, <c>config coffee</c>, <c>--format=image</c>
/// and node thumbnails. In terminals that show pictures themselves (iTerm2, WezTerm, mintty) the file is sent
/// inline unless the <c>text</c> option is set; otherwise the picture is drawn with 24-bit coloured characters:
/// with <c>double</c>, an upper half block per cell (foreground: upper pixel, background: lower pixel), else a
/// space on the pixel's colour. The picture is shrunk to fit the terminal, less the reserved lines (never
/// enlarged), each cell averaging the pixels it covers; transparent pixels are blended on black.
/// </summary>
public static class TerminalImage
{
    private const char UpperHalfBlock = '\u2580';

    /// <summary>Terminal identities that display inline pictures (iTerm2 protocol)</summary>
    private static readonly string[] InlineTerminals = ["iTerm", "WezTerm", "mintty"];

    /// <summary>The drawing of a picture for the current terminal</summary>
    /// <exception cref="CliException">Text drawing of a format other than PNG, or a damaged file.</exception>
    public static string Build(byte[] blob, ImageOptions options)
        => Build(blob, options, TerminalSize.Current(), InlineImagesSupported(Environment.GetEnvironmentVariable));

    /// <summary>The drawing of a picture for a terminal of the given size, able or not to show pictures itself</summary>
    /// <exception cref="CliException">Text drawing of a format other than PNG, or a damaged file.</exception>
    public static string Build(byte[] blob, ImageOptions options, TerminalSize size, bool inlineImages)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(options);
        if (inlineImages && !options.Text) return InlineImage(blob);
        if (!PngDecoder.IsPng(blob))
        {
            string kind = ImageFormats.Detect(blob) ?? "this";
            throw CliException.Tool($"image: {kind} format cannot be displayed: only {ImageFormats.Supported} images are supported");
        }
        return Draw(PngDecoder.Decode(blob), options, size);
    }

    /// <summary>Whether the terminal shows pictures itself (<c>TERM_PROGRAM</c> or <c>LC_TERMINAL</c>)</summary>
    public static bool InlineImagesSupported(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (string variable in (ReadOnlySpan<string>)["TERM_PROGRAM", "LC_TERMINAL"])
        {
            if (environment(variable) is { } value && InlineTerminals.Any(t => value.Contains(t, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>The coloured character drawing of decoded pixels</summary>
    public static string Draw(RgbaImage image, ImageOptions options, TerminalSize size)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        int rows = Math.Max(1, size.Rows - options.Reserve), columns = Math.Max(1, size.Columns);
        double fit = Math.Min(1.0, Math.Min(rows * options.FontRatio / image.Height, (double)columns / image.Width));
        int width = Math.Clamp((int)(image.Width * fit), 1, columns);
        int lines = Math.Clamp((int)Math.Round(image.Height * fit / options.FontRatio, MidpointRounding.AwayFromZero), 1, rows);
        int pixelRows = options.Double ? 2 * lines : lines;
        var text = new StringBuilder(lines * width * (options.Double ? 40 : 20));
        for (int line = 0; line < lines; line++)
        {
            if (line > 0) text.Append('\n');
            for (int col = 0; col < width; col++)
            {
                if (options.Double)
                {
                    var top = Average(image, col, width, 2 * line, pixelRows);
                    var bottom = Average(image, col, width, 2 * line + 1, pixelRows);
                    Colour(text, 38, top);
                    Colour(text, 48, bottom);
                    text.Append(UpperHalfBlock);
                }
                else
                {
                    Colour(text, 48, Average(image, col, width, line, pixelRows));
                    text.Append(' ');
                }
            }
            text.Append("\e[0m");
        }
        return text.ToString();
    }

    /// <summary>The iTerm2 inline picture sequence, the file in base 64 (lines of 60 characters)</summary>
    private static string InlineImage(byte[] blob)
    {
        string base64 = Convert.ToBase64String(blob);
        var text = new StringBuilder(base64.Length + base64.Length / 60 + 80);
        text.Append(CultureInfo.InvariantCulture, $"\e]1337;File=inline=1;preserveAspectRatio=1;size={blob.Length}:");
        for (int i = 0; i < base64.Length; i += 60) text.Append(base64, i, Math.Min(60, base64.Length - i)).Append('\n');
        return text.Append('\a').ToString();
    }

    /// <summary>The mean colour (blended on black) of the source pixels under cell <paramref name="col"/>, pixel row <paramref name="row"/></summary>
    private static (int R, int G, int B) Average(RgbaImage image, int col, int columns, int row, int rows)
    {
        int x0 = (int)((long)col * image.Width / columns), x1 = Math.Max(x0 + 1, (int)((long)(col + 1) * image.Width / columns));
        int y0 = Math.Min(image.Height - 1, (int)((long)row * image.Height / rows));
        int y1 = Math.Max(y0 + 1, Math.Min(image.Height, (int)((long)(row + 1) * image.Height / rows)));
        long r = 0, g = 0, b = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                var p = image.At(x, y);
                r += p.R * p.A; g += p.G * p.A; b += p.B * p.A;
            }
        }
        long n = (long)(x1 - x0) * (y1 - y0) * 255;
        return ((int)(r / n), (int)(g / n), (int)(b / n));
    }

    private static void Colour(StringBuilder text, int layer, (int R, int G, int B) c)
        => text.Append(CultureInfo.InvariantCulture, $"\e[{layer};2;{c.R};{c.G};{c.B}m");
}
