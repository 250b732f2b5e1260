using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>
/// The picture written in place of a preview that could not be made: a red cross on light grey for an image, on
/// dark grey for a video. Encoded here (a plain RGB PNG), so that it needs none of the tools that just failed.
/// </summary>
public static class ErrorPicture
{
    private const int Size = 128;
    private static readonly Lazy<byte[]> ImageError = new(() => Draw(0xD0));
    private static readonly Lazy<byte[]> VideoError = new(() => Draw(0x40));

    public static byte[] Png(bool video) => (video ? VideoError : ImageError).Value;

    private static byte[] Draw(byte background)
    {
        // one filter byte (0: none) per row, then RGB pixels
        var raw = new byte[Size * (1 + Size * 3)];
        for (int y = 0; y < Size; y++)
        {
            int row = y * (1 + Size * 3);
            for (int x = 0; x < Size; x++)
            {
                bool cross = Math.Abs(x - y) < 6 || Math.Abs(x + y - (Size - 1)) < 6;
                bool frame = x < 4 || y < 4 || x >= Size - 4 || y >= Size - 4;
                int p = row + 1 + (x * 3);
                (raw[p], raw[p + 1], raw[p + 2]) = cross ? ((byte)0xD0, (byte)0x20, (byte)0x20) : frame ? ((byte)0x80, (byte)0x80, (byte)0x80) : (background, background, background);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeBytes, data));
        png.Write(number);
    }

    // the CRC of PNG chunks (ISO 3309, as zlib's crc32)
    private static uint Crc32(byte[] type, byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var part in new[] { type, data })
            foreach (byte b in part)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        return ~crc;
    }
}
