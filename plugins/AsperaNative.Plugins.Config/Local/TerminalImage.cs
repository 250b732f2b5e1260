using System.Text;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Config.Local;

/// <summary>
/// Draws a picture with 24-bit ANSI colours, two pixel rows per text line (upper half block: foreground is
/// the upper pixel, background the lower one). Transparent pixels are blended on black.
/// </summary>
internal static class TerminalImage
{
    public const int DefaultWidth = 80;

    /// <summary>The text drawing of a PNG image, <paramref name="columns"/> characters wide at most.</summary>
    /// <exception cref="CliException">Not a PNG image (JPEG and others cannot be decoded here).</exception>
    public static string Render(byte[] data, int columns)
    {
        if (!PngDecoder.IsPng(data))
        {
            string kind = data.Length > 2 && data[0] == 0xFF && data[1] == 0xD8 ? "JPEG" : "this";
            throw CliException.Tool($"image: {kind} format cannot be displayed: only PNG images are supported");
        }
        var image = PngDecoder.Decode(data);
        int width = Math.Min(columns, image.Width);
        // a character cell is about twice as high as wide: one cell shows two pixel rows
        int height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width / 2));
        var text = new StringBuilder();
        for (int row = 0; row < height; row++)
        {
            for (int col = 0; col < width; col++)
            {
                int x = col * image.Width / width;
                var (tr, tg, tb) = Blend(image.At(x, Math.Min(image.Height - 1, (2 * row) * image.Height / (2 * height))));
                var (br, bg, bb) = Blend(image.At(x, Math.Min(image.Height - 1, (2 * row + 1) * image.Height / (2 * height))));
                text.Append($"\e[38;2;{tr};{tg};{tb}m\e[48;2;{br};{bg};{bb}m\u2580");
            }
            text.Append("\e[0m");
            if (row < height - 1) text.Append('\n');
        }
        return text.ToString();
    }

    private static (int, int, int) Blend((byte R, byte G, byte B, byte A) p) => (p.R * p.A / 255, p.G * p.A / 255, p.B * p.A / 255);
}
