namespace AsperaNative.Output.Images;

/// <summary>Recognizes picture files by their first bytes</summary>
public static class ImageFormats
{
    /// <summary>The formats drawn with coloured characters (others need a terminal showing pictures itself)</summary>
    public const string Supported = "PNG";

    /// <summary>The name of the picture format (PNG, JPEG, GIF, BMP, WebP, TIFF, SVG), or null</summary>
    public static string? Detect(ReadOnlySpan<byte> data)
    {
        if (PngDecoder.IsPng(data)) return "PNG";
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG";
        if (data.StartsWith("GIF8"u8)) return "GIF";
        if (data.StartsWith("BM"u8) && data.Length > 14) return "BMP";
        if (data.Length > 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8)) return "TIFF";
        var head = data[..Math.Min(data.Length, 512)];
        if (head.IndexOf("<svg"u8) >= 0) return "SVG";
        return null;
    }
}
