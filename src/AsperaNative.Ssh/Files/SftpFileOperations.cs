using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Ssh.Ascmd;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace AsperaNative.Ssh.Files;

/// <summary>
/// The ascmd operations over SFTP, for servers without ascmd (beyond ascli): same batches, same result shapes,
/// same errors. Owner and group names come from the server's <c>/etc/passwd</c> and <c>/etc/group</c> when
/// readable, mounts from <c>/proc/mounts</c> and sizes from OpenSSH's <c>statvfs</c> extension; SFTP has no
/// change time, so <c>ctime</c> is the modification time.
/// </summary>
public sealed class SftpFileOperations(Func<SftpClient> open) : IFileOperations, IDisposable
{
    private SftpClient? _client;
    private Dictionary<uint, string>? _users;
    private Dictionary<uint, string>? _groups;

    private SftpClient Client => _client ??= open();

    public JsonNode? Execute(string operation, IReadOnlyList<string> arguments)
    {
        var reply = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var batch in AscmdOperations.Batches(operation, arguments))
        {
            var (kind, value) = Guard(() => Run(operation, batch));
            reply[kind] = value;
        }
        return AscmdOperations.Finish(reply, operation, arguments);
    }

    private (string Kind, JsonNode? Value) Run(string operation, IReadOnlyList<string> args) => operation switch
    {
        "ls" => List(args[0]),
        "mkdir" => Success(() => MakeDirectory(args[0])),
        "mv" => Success(() => Move(args[0], args[1])),
        "cp" => Success(() => Copy(args[0], args[1])),
        "rm" => Success(() => Remove(args[0])),
        "du" => ("size", Usage(args[0])),
        "md5sum" => ("md5sum", Md5(args[0])),
        "df" => ("df", Mounts()),
        _ => ("info", Info()),
    };

    private static (string, JsonNode?) Success(Action action)
    {
        action();
        return ("success", true);
    }

    /// <summary>Runs one batch; SFTP failures become the protocol's error record (errno and C library text).</summary>
    private static (string, JsonNode?) Guard(Func<(string, JsonNode?)> batch)
    {
        try
        {
            return batch();
        }
        catch (FileError e)
        {
            return ("error", AscmdOperations.ErrorRecord(e.Errno, Errno.Text(e.Errno)));
        }
        catch (SftpPathNotFoundException)
        {
            return ("error", AscmdOperations.ErrorRecord(Errno.NoEntry, Errno.Text(Errno.NoEntry)));
        }
        catch (SftpPermissionDeniedException)
        {
            return ("error", AscmdOperations.ErrorRecord(Errno.Access, Errno.Text(Errno.Access)));
        }
        catch (SshException e) when (e is not SshConnectionException)
        {
            return ("error", AscmdOperations.ErrorRecord(Errno.Io, e.Message));
        }
    }

    private (string, JsonNode?) List(string path)
    {
        var file = Client.Get(path);
        if (!IsDirectory(file)) return ("file", Stat(LastName(path), file.Attributes));
        var entries = Client.ListDirectory(path)
            .Where(static e => e.Name is not "." and not "..")
            .OrderBy(static e => e.Name, StringComparer.Ordinal)
            .Select(e => (JsonNode?)Stat(e.Name, e.Attributes));
        return ("dir", new JsonArray([.. entries]));
    }

    private void MakeDirectory(string path)
    {
        if (Client.Exists(path)) throw new FileError(Errno.Exists);
        Client.CreateDirectory(path);
    }

    private void Move(string source, string destination)
    {
        Client.Get(source);
        string target = IntoDirectory(source, destination);
        try
        {
            // rename(2) semantics (replaces an existing file) with OpenSSH's posix-rename extension
            Client.RenameFile(source, target, isPosix: true);
        }
        catch (NotSupportedException)
        {
            Client.RenameFile(source, target);
        }
    }

    private void Copy(string source, string destination)
    {
        var file = Client.Get(source);
        CopyTree(source, file, IntoDirectory(source, destination));
    }

    private void CopyTree(string source, ISftpFile file, string destination)
    {
        if (IsDirectory(file))
        {
            if (!Client.Exists(destination)) Client.CreateDirectory(destination);
            foreach (var entry in Client.ListDirectory(source).Where(static e => e.Name is not "." and not ".."))
                CopyTree(Join(source, entry.Name), entry, Join(destination, entry.Name));
            return;
        }
        using var input = Client.OpenRead(source);
        using var output = Client.Open(destination, FileMode.Create, FileAccess.Write);
        input.CopyTo(output, 256 * 1024);
    }

    private void Remove(string path)
    {
        var file = Client.Get(path);
        if (!file.IsDirectory)
        {
            Client.DeleteFile(path);
            return;
        }
        foreach (var entry in Client.ListDirectory(path).Where(static e => e.Name is not "." and not ".."))
            Remove(Join(path, entry.Name));
        Client.DeleteDirectory(path);
    }

    private JsonObject Usage(string path)
    {
        long size = 0, files = 0, directories = 0;
        void Walk(string current, ISftpFile file)
        {
            if (!file.IsDirectory)
            {
                size += file.Length;
                files++;
                return;
            }
            foreach (var entry in Client.ListDirectory(current).Where(static e => e.Name is not "." and not ".."))
            {
                if (entry.IsDirectory) directories++;
                Walk(Join(current, entry.Name), entry);
            }
        }
        Walk(path, Client.Get(path));
        return new JsonObject { ["size"] = size, ["fcount"] = files, ["dcount"] = directories, ["failed_fcount"] = 0L, ["failed_dcount"] = 0L };
    }

    private JsonObject Md5(string path)
    {
        if (Client.Get(path).IsDirectory) throw new FileError(Errno.IsDirectory);
        using var input = Client.OpenRead(path);
        return new JsonObject { ["md5sum"] = Convert.ToHexStringLower(MD5.HashData(input)) };
    }

    private JsonArray Mounts()
    {
        var mounts = new JsonArray();
        foreach (var (fs, dir, type) in MountTable())
        {
            var mount = new JsonObject { ["fs"] = fs, ["dir"] = dir, ["is_a"] = type };
            try
            {
                var status = Client.GetStatus(dir);
                ulong unit = status.BlockSize;
                mount["total"] = (long)(status.TotalBlocks * unit);
                mount["used"] = (long)((status.TotalBlocks - status.FreeBlocks) * unit);
                mount["free"] = (long)(status.AvailableBlocks * unit);
                mount["fcount"] = (long)status.TotalNodes;
            }
            catch (SshException e) when (e is not SshConnectionException)
            {
                mount["errno"] = (long)Errno.Io;
                mount["errstr"] = e.Message;
            }
            mounts.Add((JsonNode)mount);
        }
        return mounts;
    }

    private List<(string Fs, string Dir, string Type)> MountTable()
    {
        string? table = ReadText("/proc/mounts");
        if (table is null) return [("/", "/", "")];
        return table.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(static l => l.Split(' '))
            .Where(static p => p.Length >= 3)
            .Select(static p => (Unescape(p[0]), Unescape(p[1]), p[2]))
            .ToList();
    }

    private JsonObject Info()
    {
        var info = Client.ConnectionInfo;
        return new JsonObject
        {
            ["platform"] = info.ServerVersion, ["version"] = $"sftp {Client.ProtocolVersion}", ["lang"] = "", ["territory"] = "",
            ["codeset"] = "UTF-8", ["lc_ctype"] = "", ["lc_numeric"] = "", ["lc_time"] = "", ["lc_all"] = "",
            ["dev"] = new JsonArray([.. MountTable().Select(static m => (JsonNode?)m.Dir)]), ["browse_caps"] = "", ["protocol"] = "sftp",
        };
    }

    private JsonObject Stat(string name, SftpFileAttributes a)
    {
        _users ??= Names("/etc/passwd");
        _groups ??= Names("/etc/group");
        uint uid = (uint)a.UserId, gid = (uint)a.GroupId;
        long mtime = new DateTimeOffset(a.LastWriteTimeUtc).ToUnixTimeSeconds();
        return new FileStat(name, a.Size, Mode(a), _users.GetValueOrDefault(uid, uid.ToString()), uid, _groups.GetValueOrDefault(gid, gid.ToString()), gid,
            mtime, mtime, new DateTimeOffset(a.LastAccessTimeUtc).ToUnixTimeSeconds()).ToJson();
    }

    private static uint Mode(SftpFileAttributes a)
    {
        uint mode = a.IsDirectory ? 0x4000u : a.IsSymbolicLink ? 0xA000u : a.IsCharacterDevice ? 0x2000u : a.IsBlockDevice ? 0x6000u
            : a.IsNamedPipe ? 0x1000u : a.IsSocket ? 0xC000u : 0x8000u;
        bool[] bits = [a.OwnerCanRead, a.OwnerCanWrite, a.OwnerCanExecute, a.GroupCanRead, a.GroupCanWrite, a.GroupCanExecute, a.OthersCanRead, a.OthersCanWrite, a.OthersCanExecute];
        for (int i = 0; i < 9; i++) if (bits[i]) mode |= 1u << (8 - i);
        if (a.IsUIDBitSet) mode |= 0x800;
        if (a.IsGroupIDBitSet) mode |= 0x400;
        if (a.IsStickyBitSet) mode |= 0x200;
        return mode;
    }

    /// <summary>Name by id from a passwd-style file of the server (empty when unreadable).</summary>
    private Dictionary<uint, string> Names(string file)
    {
        var names = new Dictionary<uint, string>();
        foreach (var fields in (ReadText(file) ?? "").Split('\n').Select(static l => l.Split(':')).Where(static f => f.Length >= 3))
            if (uint.TryParse(fields[2], out uint id)) names.TryAdd(id, fields[0]);
        return names;
    }

    private string? ReadText(string path)
    {
        try
        {
            using var input = Client.OpenRead(path);
            using var reader = new StreamReader(input);
            return reader.ReadToEnd();
        }
        catch (SshException e) when (e is not SshConnectionException)
        {
            return null;
        }
    }

    private bool IsDirectory(ISftpFile file)
    {
        if (file.IsDirectory) return true;
        if (!file.IsSymbolicLink) return false;
        try
        {
            return Client.GetAttributes(file.FullName + "/.").IsDirectory;
        }
        catch (SshException e) when (e is not SshConnectionException)
        {
            return false;
        }
    }

    /// <summary>Like <c>cp</c> and <c>mv</c>: an existing folder as destination receives the source by its name.</summary>
    private string IntoDirectory(string source, string destination)
        => Client.Exists(destination) && Client.Get(destination).IsDirectory ? Join(destination, LastName(source)) : destination;

    private static string Join(string folder, string name) => folder.EndsWith('/') ? folder + name : $"{folder}/{name}";

    private static string LastName(string path)
    {
        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return trimmed.Length == 0 ? "/" : trimmed[(slash + 1)..];
    }

    /// <summary>Octal escapes of <c>/proc/mounts</c> (<c>\040</c> for a space).</summary>
    private static string Unescape(string field)
        => System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", static m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    public void Dispose() => _client?.Dispose();

    private sealed class FileError(int errno) : Exception
    {
        public int Errno { get; } = errno;
    }
}
