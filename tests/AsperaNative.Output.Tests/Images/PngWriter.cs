using System.Buffers.Binary;
using System.IO.Compression;

namespace AsperaNative.Output.Tests.Images;

/// <summary>Small PNG files written for the tests: RGBA pixels (filter Sub on odd rows), or 2-bit palette; CRCs left at zero</summary>
internal static class PngWriter
{
    public static byte[] Rgba(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            var row = new byte[width * 4];
            for (int x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                row[x * 4] = r; row[x * 4 + 1] = g; row[x * 4 + 2] = b; row[x * 4 + 3] = a;
            }
            bool sub = y % 2 == 1;
            raw.WriteByte(sub ? (byte)1 : (byte)0);
            for (int i = 0; i < row.Length; i++) raw.WriteByte(sub ? (byte)(row[i] - (i >= 4 ? row[i - 4] : 0)) : row[i]);
        }
        return Png(width, height, 8, 6, raw.ToArray(), []);
    }

    public static byte[] Solid(int width, int height, byte r, byte g, byte b) => Rgba(width, height, (_, _) => (r, g, b, 255));

    /// <summary>A 2-bit palette image, <paramref name="indexes"/> row by row</summary>
    public static byte[] Palette(int width, int height, byte[] palette, Func<int, int, int> indexes)
    {
        var raw = new MemoryStream();
        int stride = (width * 2 + 7) / 8;
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            var row = new byte[stride];
            for (int x = 0; x < width; x++) row[x / 4] |= (byte)(indexes(x, y) << (6 - 2 * (x % 4)));
            raw.Write(row);
        }
        return Png(width, height, 2, 3, raw.ToArray(), palette);
    }

    private static byte[] Png(int width, int height, byte depth, byte colorType, byte[] raw, byte[] palette)
    {
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = depth; header[9] = colorType;
        Chunk(png, "IHDR", header);
        if (palette.Length > 0) Chunk(png, "PLTE", palette);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        png.Write(typed);
        png.Write([0, 0, 0, 0]); // the decoder does not check CRCs
    }
}
