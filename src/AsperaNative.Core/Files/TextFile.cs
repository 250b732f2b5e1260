using System.Text;

namespace AsperaNative.Core.Files;

/// <summary>
/// <see cref="File.ReadAllText(string)"/> for the files every command reads (config.yaml): the same text, from the
/// bytes of the file decoded at once. ReadAllText goes through a file stream and a stream reader, whose first use is
/// a few percent of the start-up of a short command. A file with a UTF-16 or UTF-32 byte order mark is read by
/// ReadAllText itself, which decodes those.
/// </summary>
public static class TextFile
{
    public static string ReadAll(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return File.ReadAllText(path);
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) text = text[3..];
        return Encoding.UTF8.GetString(text);
    }
}
