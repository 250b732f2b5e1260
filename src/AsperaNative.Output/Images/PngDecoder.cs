using System.Buffers.Binary;
using System.IO.Compression;
using AsperaNative.Core.Errors;

namespace AsperaNative.Output.Images;

/// <summary>An image as 8-bit RGBA rows, top row first</summary>
public sealed record RgbaImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>The pixel at column <paramref name="x"/>, row <paramref name="y"/></summary>
    public (byte R, byte G, byte B, byte A) At(int x, int y)
    {
        int i = (y * Width + x) * 4;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
    }
}

/// <summary>
/// A small PNG decoder (no interlace): grey, RGB, palette, grey+alpha and RGBA at any bit depth, the five
/// row filters, zlib through the framework's inflater. Enough to draw pictures in a terminal.
/// </summary>
public static class PngDecoder
{
    /// <summary>Larger pictures are refused (a terminal shows a few thousand cells anyway)</summary>
    private const long MaxPixels = 40_000_000;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether the data starts with the PNG signature</summary>
    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>The pixels of a PNG file</summary>
    /// <exception cref="CliException">Not a PNG file, or a damaged or interlaced one.</exception>
    public static RgbaImage Decode(byte[] data)
    {
        if (!IsPng(data)) throw Bad("not a PNG file");
        int width = 0, height = 0, depth = 0, colorType = 0;
        byte[] palette = [], alphaPalette = [];
        using var compressed = new MemoryStream();
        for (int pos = Signature.Length; pos + 12 <= data.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            if (length < 0 || pos + 12 + length > data.Length) throw Bad("truncated chunk");
            string type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            var body = data.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    if (length < 13) throw Bad("truncated chunk");
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    depth = body[8];
                    colorType = body[9];
                    if (body[12] != 0) throw Bad("interlaced PNG images are not supported");
                    break;
                case "PLTE": palette = body.ToArray(); break;
                case "tRNS": alphaPalette = body.ToArray(); break;
                case "IDAT": compressed.Write(body); break;
            }
            if (type == "IEND") break;
            pos += 12 + length;
        }
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels) throw Bad("bad image size");
        int channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw Bad($"unknown colour type {colorType}") };
        if (depth is not (1 or 2 or 4 or 8 or 16) || depth < 8 && colorType is 2 or 4 or 6) throw Bad($"bad bit depth {depth}");
        int bitsPerPixel = channels * depth;
        int stride = (width * bitsPerPixel + 7) / 8;
        int bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        byte[] raw = Inflate(compressed.ToArray(), (stride + 1) * height);
        var pixels = new byte[width * height * 4];
        byte[] previous = new byte[stride], current = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            int rowStart = y * (stride + 1);
            Unfilter(raw[rowStart], raw.AsSpan(rowStart + 1, stride), previous, current, bytesPerPixel);
            for (int x = 0; x < width; x++)
            {
                var (r, g, b, a) = Pixel(current, x, depth, colorType, palette, alphaPalette);
                int o = (y * width + x) * 4;
                pixels[o] = r; pixels[o + 1] = g; pixels[o + 2] = b; pixels[o + 3] = a;
            }
            (previous, current) = (current, previous);
        }
        return new RgbaImage(width, height, pixels);
    }

    private static byte[] Inflate(byte[] compressed, int expected)
    {
        var result = new byte[expected];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            zlib.ReadExactly(result);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw Bad("corrupted image data");
        }
        return result;
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> line, byte[] previous, byte[] current, int bpp)
    {
        for (int i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? current[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            int predictor = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw Bad($"unknown row filter {filter}"),
            };
            current[i] = (byte)(line[i] + predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Sample <paramref name="index"/> of the row, scaled to 8 bits (16-bit samples keep their high byte).</summary>
    private static int Sample(byte[] row, int index, int depth, bool scale)
    {
        if (depth == 8) return row[index];
        if (depth == 16) return row[index * 2];
        int perByte = 8 / depth, shift = 8 - depth * (index % perByte + 1);
        int value = (row[index / perByte] >> shift) & ((1 << depth) - 1);
        return scale ? value * 255 / ((1 << depth) - 1) : value;
    }

    private static (byte, byte, byte, byte) Pixel(byte[] row, int x, int depth, int colorType, byte[] palette, byte[] alphaPalette)
    {
        switch (colorType)
        {
            case 0: { byte g = (byte)Sample(row, x, depth, true); return (g, g, g, 255); }
            case 2: return ((byte)Sample(row, x * 3, depth, true), (byte)Sample(row, x * 3 + 1, depth, true), (byte)Sample(row, x * 3 + 2, depth, true), 255);
            case 3:
            {
                int i = Sample(row, x, depth, false);
                if (i * 3 + 2 >= palette.Length) throw Bad("palette index out of range");
                return (palette[i * 3], palette[i * 3 + 1], palette[i * 3 + 2], i < alphaPalette.Length ? alphaPalette[i] : (byte)255);
            }
            case 4: { byte g = (byte)Sample(row, x * 2, depth, true); return (g, g, g, (byte)Sample(row, x * 2 + 1, depth, true)); }
            default: return ((byte)Sample(row, x * 4, depth, true), (byte)Sample(row, x * 4 + 1, depth, true), (byte)Sample(row, x * 4 + 2, depth, true), (byte)Sample(row, x * 4 + 3, depth, true));
        }
    }

    private static CliException Bad(string reason) => CliException.Tool("image: " + reason);
}
