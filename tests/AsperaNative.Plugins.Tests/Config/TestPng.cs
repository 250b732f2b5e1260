using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AsperaNative.Plugins.Tests.Config;

/// <summary>Builds small PNG files for tests (CRCs are left at zero: the decoder does not check them).</summary>
internal static class TestPng
{
    public static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(y % 2 == 0 ? (byte)0 : (byte)2); // filters None and Up
            for (int x = 0; x < width; x++)
            {
                if (y % 2 == 0) raw.Write([r, g, b]);
                else raw.Write([0, 0, 0]);
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw.ToArray());
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(body);
        png.Write(new byte[4]);
    }
}
