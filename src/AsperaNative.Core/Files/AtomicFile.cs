using System.Text;

namespace AsperaNative.Core.Files;

/// <summary>
/// Replaces a file in one step: the content goes to a temporary file in the same folder (so the
/// rename stays on one file system), is flushed to disk (by default), then renamed over the target. Readers and
/// other writers see the old content or the new one, never a mix; a failed write leaves the old file
/// as it was and no temporary file behind. Used for config.yaml, the vault, persistency and token files.
/// </summary>
public static class AtomicFile
{
    /// <summary>Read and write for the user only (0600), for files holding secrets.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="content"/> as UTF-8 (no BOM). <paramref name="mode"/> gives the file's permissions;
    /// null keeps those of the file replaced, or the usual default (0666 less umask) for a new file.
    /// <paramref name="flushToDisk"/> waits for the disk before the rename, so that a crash cannot leave an empty
    /// file in place of the old one; caches that are rewritten under a lock may skip it (a lost entry is refetched).
    /// </summary>
    public static void WriteAllText(string path, string content, UnixFileMode? mode = null, bool flushToDisk = true)
        => Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: -1, leaveOpen: true);
            writer.Write(content);
        }, mode, flushToDisk);

    /// <summary>
    /// Writes what <paramref name="write"/> puts in the stream; if it throws, the target is left untouched.
    /// <paramref name="mode"/> and <paramref name="flushToDisk"/> as for <see cref="WriteAllText"/>.
    /// </summary>
    public static void Write(string path, Action<Stream> write, UnixFileMode? mode = null, bool flushToDisk = true)
    {
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // hidden, unique per writer (process and call), and never matching the folder's own file patterns
        string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        UnixFileMode? wanted = mode;
        if (!OperatingSystem.IsWindows() && wanted is null && File.Exists(target)) wanted = File.GetUnixFileMode(target);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            // while being written, the file is the user's only when it gets chosen permissions (no window where others may read a secret)
            if (!OperatingSystem.IsWindows() && wanted is not null) options.UnixCreateMode = OwnerOnly;
            using (var stream = new FileStream(temp, options))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }
            // set after creation: the creation mode is reduced by the umask, the chosen one must not be
            if (!OperatingSystem.IsWindows() && wanted is { } m) File.SetUnixFileMode(temp, m);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
