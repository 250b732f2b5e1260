using System.Runtime.InteropServices;

namespace AsperaNative.Emulators.Ascmd;

/// <summary>lstat(2) and statvfs(3) of glibc on x86_64 (the layouts of struct stat and struct statvfs there).</summary>
internal static unsafe partial class Native
{
    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatFollow(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatVfs(string path, ulong* buffer);

    public readonly record struct RawStat(uint Mode, uint Uid, uint Gid, long Size, long Atime, long Mtime, long Ctime);

    public static RawStat Stat(string path, bool follow)
    {
        byte* b = stackalloc byte[256];
        int rc = follow ? StatFollow(path, b) : LStat(path, b);
        if (rc != 0) throw new FileSystemError(Marshal.GetLastPInvokeError());
        return new RawStat(*(uint*)(b + 24), *(uint*)(b + 28), *(uint*)(b + 32), *(long*)(b + 48), *(long*)(b + 72), *(long*)(b + 88), *(long*)(b + 104));
    }

    /// <summary>frsize, blocks, bfree, bavail, files of the file system holding the path, or the errno.</summary>
    public static (ulong FrSize, ulong Blocks, ulong Free, ulong Available, ulong Files, int Errno) Vfs(string path)
    {
        ulong* v = stackalloc ulong[16];
        if (StatVfs(path, v) != 0) return (0, 0, 0, 0, 0, Marshal.GetLastPInvokeError());
        return (v[1], v[2], v[3], v[4], v[5], 0);
    }
}
