using System.Text;

namespace AsperaNative.Core.CommandLine;

/// <summary>
/// The runtime decodes the process arguments as UTF-8 and replaces invalid bytes by U+FFFD; ascli refuses such an
/// argument (<c>invalid byte sequence in UTF-8</c>). When an argument holds U+FFFD, the raw bytes of the command
/// line (<c>/proc/self/cmdline</c>) tell a real replacement character from an invalid sequence.
/// </summary>
public static class ArgumentEncoding
{
    public static bool HasInvalidUtf8(string[] args)
    {
        bool replaced = false;
        foreach (string a in args) replaced |= a.Contains('\uFFFD');
        if (!replaced) return false;
        byte[] raw;
        try { raw = File.ReadAllBytes("/proc/self/cmdline"); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var range in raw.AsSpan().Split((byte)0))
        {
            try { strict.GetCharCount(raw.AsSpan()[range]); }
            catch (DecoderFallbackException) { return true; }
        }
        return false;
    }
}
