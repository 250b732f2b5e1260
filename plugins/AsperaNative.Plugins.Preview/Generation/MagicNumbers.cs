using System.Text;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>
/// <c>--mimemagic=yes</c>: the mime type of a file from its first bytes (the signatures of the formats a preview can
/// be made of), for files whose name says nothing (manual "Supported input Files types").
/// </summary>
public static class MagicNumbers
{
    private const int HeaderSize = 512;

    /// <summary>The mime type of the content, or null when unknown or unreadable.</summary>
    public static string? MimeOf(string filePath)
    {
        byte[] header = new byte[HeaderSize];
        int read;
        try
        {
            using var stream = File.OpenRead(filePath);
            read = stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return MimeOf(header.AsSpan(0, read));
    }

    public static string? MimeOf(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return "image/gif";
        if (h.StartsWith("BM"u8) && h.Length > 14) return "image/bmp";
        if (h.StartsWith("II*\0"u8) || h.StartsWith("MM\0*"u8)) return "image/tiff";
        if (h.StartsWith("8BPS"u8)) return "image/vnd.adobe.photoshop";
        if (h.StartsWith("%PDF-"u8)) return "application/pdf";
        if (h.StartsWith("%!PS"u8)) return "application/postscript";
        if (h.Length >= 132 && h.Slice(128, 4).SequenceEqual("DICM"u8)) return "application/dicom";
        if (h.StartsWith("RIFF"u8) && h.Length >= 12)
        {
            var kind = h.Slice(8, 4);
            if (kind.SequenceEqual("WEBP"u8)) return "image/webp";
            if (kind.SequenceEqual("AVI "u8)) return "video/x-msvideo";
        }
        if (h.Length >= 12 && h.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            string brand = Encoding.ASCII.GetString(h.Slice(8, 4));
            return brand switch
            {
                "qt  " => "video/quicktime",
                "heic" or "heix" or "mif1" => "image/heic",
                "avif" => "image/avif",
                "3gp4" or "3gp5" or "3gp6" => "video/3gpp",
                _ => "video/mp4",
            };
        }
        if (h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return Encoding.ASCII.GetString(h).Contains("webm", StringComparison.Ordinal) ? "video/webm" : "video/x-matroska";
        if (h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xBA]) || h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xB3])) return "video/mpeg";
        if (h.StartsWith((ReadOnlySpan<byte>)[0x06, 0x0E, 0x2B, 0x34])) return "application/mxf";
        if (h.StartsWith("OggS"u8)) return "audio/ogg";
        if (h.StartsWith("FLV"u8)) return "video/x-flv";
        if (h.StartsWith("{\\rtf"u8)) return "application/rtf";
        if (h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return "application/msword";
        if (h.StartsWith("PK\x03\x04"u8))
        {
            string text = Encoding.ASCII.GetString(h);
            if (text.Contains("word/", StringComparison.Ordinal)) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (text.Contains("xl/", StringComparison.Ordinal)) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if (text.Contains("ppt/", StringComparison.Ordinal)) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.", StringComparison.Ordinal)) return "application/vnd.oasis.opendocument.text";
            return null;
        }
        return LooksLikeText(h) ? "text/plain" : null;
    }

    // printable UTF-8 text without NUL bytes
    private static bool LooksLikeText(ReadOnlySpan<byte> h)
    {
        if (h.IsEmpty || h.Contains((byte)0)) return false;
        int control = 0;
        foreach (byte b in h) if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C) control++;
        return control == 0 && Encoding.UTF8.GetCharCount(h) > 0;
    }
}
