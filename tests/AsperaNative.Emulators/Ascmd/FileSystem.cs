using System.Security.Cryptography;

namespace AsperaNative.Emulators.Ascmd;

internal sealed record Stat(string Name, long Size, uint Mode, string ModeText, uint Uid, string Owner, uint Gid, string Group, long Ctime, long Mtime, long Atime, string? Link);

internal sealed record Usage(long Size, int Files, int Directories);

internal sealed record Mount(string Fs, string Dir, string Type, long Total, long Used, long Free, long Files, int Errno);

/// <summary>The operations of ascmd on the real file system (paths relative to the current folder, the user's home).</summary>
internal static class FileSystem
{
    private const uint TypeMask = 0xF000, Directory = 0x4000, Link = 0xA000;

    private static readonly Lazy<Dictionary<uint, string>> Users = new(() => Names("/etc/passwd"));
    private static readonly Lazy<Dictionary<uint, string>> Groups = new(() => Names("/etc/group"));

    public static void List(Reply reply, string path)
    {
        if (!IsDirectory(path))
        {
            reply.FileStat(StatOf(path, LastName(path)));
            return;
        }
        var names = System.IO.Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        reply.Directory(names.Select(n => StatOf(Path.Combine(path, n), n)).ToList());
    }

    public static void MakeDirectory(string path)
    {
        if (Exists(path)) throw new FileSystemError(17);
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is not null && !System.IO.Directory.Exists(parent)) throw new FileSystemError(2);
        System.IO.Directory.CreateDirectory(path);
    }

    public static void Move(string source, string destination)
    {
        var st = Native.Stat(source, follow: false);
        string target = Into(source, destination);
        if ((st.Mode & TypeMask) == Directory) System.IO.Directory.Move(source, target);
        else File.Move(source, target, overwrite: true);
    }

    public static void Copy(string source, string destination)
    {
        Native.Stat(source, follow: false);
        CopyTree(source, Into(source, destination));
    }

    public static void Remove(string path)
    {
        var st = Native.Stat(path, follow: false);
        if ((st.Mode & TypeMask) == Directory) System.IO.Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }

    public static Usage Usage(string path)
    {
        long size = 0;
        int files = 0, directories = 0;
        void Walk(string current)
        {
            if (!IsDirectory(current))
            {
                size += Native.Stat(current, follow: false).Size;
                files++;
                return;
            }
            foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(current))
            {
                if (IsDirectory(entry)) directories++;
                Walk(entry);
            }
        }
        Walk(path);
        return new Usage(size, files, directories);
    }

    public static string Md5(string path)
    {
        if (IsDirectory(path)) throw new FileSystemError(21);
        Native.Stat(path, follow: true);
        using var input = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(input));
    }

    public static IEnumerable<Mount> Mounts()
    {
        foreach (var (fs, dir, type) in MountTable())
        {
            var v = Native.Vfs(dir);
            yield return v.Errno != 0
                ? new Mount(fs, dir, type, 0, 0, 0, 0, v.Errno)
                : new Mount(fs, dir, type, (long)(v.Blocks * v.FrSize), (long)((v.Blocks - v.Free) * v.FrSize), (long)(v.Available * v.FrSize), (long)v.Files, 0);
        }
    }

    /// <summary>The info record's fields (numbers of ascmd's info structure).</summary>
    public static IReadOnlyList<(int, string)> InfoFields()
    {
        var fields = new List<(int, string)>
        {
            (1, "x86_64-linux"), (2, "4.4.5 (AsperaNative stand-in)"), (3, "C"), (4, ""), (5, "UTF-8"),
            (6, "C"), (7, "C"), (8, "C"), (9, ""),
        };
        fields.AddRange(MountTable().Select(static m => (10, m.Dir)));
        fields.Add((11, ""));
        fields.Add((12, "2"));
        return fields;
    }

    public static int ErrnoOf(Exception e) => e switch
    {
        FileSystemError f => f.Errno,
        FileNotFoundException or DirectoryNotFoundException => 2,
        UnauthorizedAccessException => 13,
        IOException io when io.HResult is > 0 and < 200 => io.HResult,
        _ => 5,
    };

    public static string Strerror(int errno) => errno switch
    {
        2 => "No such file or directory",
        5 => "Input/output error",
        13 => "Permission denied",
        17 => "File exists",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        39 => "Directory not empty",
        _ => $"Unknown error {errno}",
    };

    private static Stat StatOf(string path, string name)
    {
        var st = Native.Stat(path, follow: false);
        string? link = (st.Mode & TypeMask) == Link ? new FileInfo(path).LinkTarget : null;
        return new Stat(name, st.Size, st.Mode, ModeString(st.Mode), st.Uid, Users.Value.GetValueOrDefault(st.Uid, st.Uid.ToString()),
            st.Gid, Groups.Value.GetValueOrDefault(st.Gid, st.Gid.ToString()), st.Ctime, st.Mtime, st.Atime, link);
    }

    private static bool IsDirectory(string path)
    {
        var st = Native.Stat(path, follow: false);
        if ((st.Mode & TypeMask) == Directory) return true;
        if ((st.Mode & TypeMask) != Link) return false;
        try { return (Native.Stat(path, follow: true).Mode & TypeMask) == Directory; }
        catch (FileSystemError) { return false; }
    }

    private static bool Exists(string path)
    {
        try { Native.Stat(path, follow: false); return true; }
        catch (FileSystemError) { return false; }
    }

    private static string Into(string source, string destination)
        => Exists(destination) && IsDirectory(destination) ? Path.Combine(destination, LastName(source)) : destination;

    private static void CopyTree(string source, string destination)
    {
        if (!IsDirectory(source))
        {
            File.Copy(source, destination, overwrite: true);
            return;
        }
        System.IO.Directory.CreateDirectory(destination);
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(source))
            CopyTree(entry, Path.Combine(destination, Path.GetFileName(entry)));
    }

    private static string LastName(string path)
    {
        string trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static List<(string Fs, string Dir, string Type)> MountTable()
    {
        try
        {
            return File.ReadAllLines("/proc/mounts").Select(static l => l.Split(' ')).Where(static p => p.Length >= 3)
                .Select(static p => (Unescape(p[0]), Unescape(p[1]), p[2])).ToList();
        }
        catch (IOException)
        {
            return [("/", "/", "")];
        }
    }

    private static string Unescape(string field)
        => System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", static m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    private static Dictionary<uint, string> Names(string file)
    {
        var names = new Dictionary<uint, string>();
        try
        {
            foreach (var f in File.ReadAllLines(file).Select(static l => l.Split(':')).Where(static f => f.Length >= 3))
                if (uint.TryParse(f[2], out uint id)) names.TryAdd(id, f[0]);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return names;
    }

    private static string ModeString(uint mode)
    {
        char type = (mode & TypeMask) switch { 0x4000 => 'd', 0xA000 => 'l', 0x2000 => 'c', 0x6000 => 'b', 0x1000 => 'p', 0xC000 => 's', _ => '-' };
        var s = new char[10];
        s[0] = type;
        const string rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) s[i + 1] = (mode & (1u << (8 - i))) != 0 ? rwx[i] : '-';
        if ((mode & 0x800) != 0) s[3] = s[3] == 'x' ? 's' : 'S';
        if ((mode & 0x400) != 0) s[6] = s[6] == 'x' ? 's' : 'S';
        if ((mode & 0x200) != 0) s[9] = s[9] == 'x' ? 't' : 'T';
        return new string(s);
    }
}
