using System.IO.Compression;
using AsperaNative.Core.Errors;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Decoders transforming text: <c>@val: @none: @env: @path: @lines: @list: @base64: @zlib:</c>.</summary>
internal static class TextDecoders
{
    public static IEnumerable<Decoder> All =>
    [
        new("val", static (v, _) => v, StopsParsing: true),
        new("none", static (v, _) => { NoValue(v, "none"); return DecodedValue.FromNode(null); }),
        new("env", static (v, _) => DecodedValue.FromText(Environment.GetEnvironmentVariable(v.AsText()))),
        new("path", static (v, c) => DecodedValue.FromText(RubyFile.ExpandPath(v.AsText(), c))),
        new("lines", static (v, _) => DecodedValue.FromNode(RubySplit.ToArray(RubySplit.Split(v.AsText(), "\n")))),
        new("list", static (v, _) => DecodedValue.FromNode(RubySplit.ToArray(List(v.AsText())))),
        new("base64", static (v, _) => DecodedValue.FromBytes(Base64Lenient(v.AsText()))),
        new("zlib", static (v, _) => DecodedValue.FromBytes(Inflate(v.AsBytes()))),
    ];

    /// <summary>Decoders that read from elsewhere accept no text on their right.</summary>
    internal static void NoValue(DecodedValue v, string decoder)
    {
        if (v.AsText().Length != 0) throw CliException.Runtime("no value allowed for extended value type: " + decoder);
    }

    /// <summary><c>@list:</c> the first character is the separator of the items that follow.</summary>
    private static List<string> List(string text)
        => text.Length == 0 ? [] : RubySplit.Split(text[1..], text[..1]);

    /// <summary>Ruby's <c>Base64.decode64</c>: characters outside the alphabet are skipped, decoding stops at padding.</summary>
    internal static byte[] Base64Lenient(string text)
    {
        var output = new List<byte>(text.Length * 3 / 4);
        int buffer = 0, count = 0;
        foreach (char c in text)
        {
            if (c == '=') break;
            int sextet = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' => 62,
                '/' => 63,
                _ => -1,
            };
            if (sextet < 0) continue;
            buffer = (buffer << 6) | sextet;
            if (++count == 4)
            {
                output.Add((byte)(buffer >> 16)); output.Add((byte)(buffer >> 8)); output.Add((byte)buffer);
                buffer = 0; count = 0;
            }
        }
        if (count == 2) output.Add((byte)(buffer >> 4));
        else if (count == 3) { output.Add((byte)(buffer >> 10)); output.Add((byte)(buffer >> 2)); }
        return [.. output];
    }

    /// <summary>Ruby's <c>Zlib::Inflate.inflate</c>: zlib header, deflate data, Adler-32 check, with zlib's messages.</summary>
    internal static byte[] Inflate(byte[] data)
    {
        if (data.Length < 2 || (data[0] & 0x0F) != 8 || ((data[0] << 8) | data[1]) % 31 != 0)
            throw CliException.Other("Zlib::DataError", "incorrect header check");
        byte[] output;
        try
        {
            using var input = new MemoryStream(data, 2, data.Length - 2);
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            using var result = new MemoryStream();
            deflate.CopyTo(result);
            output = result.ToArray();
        }
        catch (InvalidDataException)
        {
            throw CliException.Other("Zlib::DataError", "invalid compressed data -- format violated");
        }
        if (data.Length < 6) throw CliException.Other("Zlib::BufError", "buffer error");
        uint expected = (uint)(data[^4] << 24 | data[^3] << 16 | data[^2] << 8 | data[^1]);
        if (expected != Adler32(output)) throw CliException.Other("Zlib::DataError", "incorrect data check");
        return output;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (byte x in data) { a = (a + x) % 65521; b = (b + a) % 65521; }
        return b << 16 | a;
    }
}
