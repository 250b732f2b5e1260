using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace AsperaNative.Emulators.Async;

/// <summary>A failure reported as async does (code and description).</summary>
internal sealed class SyncError(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>The async command line or conf64 payload, as far as the stand-in honours it.</summary>
internal sealed record SyncOptions(string Name, string LocalDir, string RemoteDir, string Direction, string? DbDir, bool Reset, bool Quiet,
    string? Host, string? User, int? ManagementPort, IReadOnlyList<string> PrivateKeys)
{
    public static SyncOptions Parse(List<string> args)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] withValue = ["--name", "--local-dir", "--remote-dir", "--local-db-dir", "--remote-db-dir", "--direction", "--host", "--user", "--tcp-port",
            "--private-key-path", "--checksum", "--tags64", "--rate-policy", "--target-rate", "--cooloff", "--pending-max", "--scan-intensity", "--cipher",
            "--transfer-threads", "--alt-logdir", "--watchd", "-N", "-d", "-r", "-K"];
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))
            {
                int eq = a.IndexOf('=');
                Add(values, a[..eq], a[(eq + 1)..]);
            }
            else if (withValue.Contains(a) && i + 1 < args.Count) Add(values, a, args[++i]);
            else flags.Add(a);
        }
        string? One(params string[] names) => names.Select(n => values.GetValueOrDefault(n)?.LastOrDefault()).FirstOrDefault(static v => v is not null);
        int? port = One("--exclusive-mgmt-port") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        if (One("--conf64") is { } conf)
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(conf)))!;
            var keys = new List<string>();
            foreach (var k in json["remote"]?["private_key_paths"] as JsonArray ?? []) keys.Add(k!.ToString());
            return new SyncOptions(
                json["name"]?.ToString() ?? throw new SyncError(8, "missing name"),
                json["local"]?["path"]?.ToString() ?? throw new SyncError(8, "missing local path"),
                json["remote"]?["path"]?.ToString() ?? throw new SyncError(8, "missing remote path"),
                json["direction"]?.ToString() ?? "push", json["local_db_dir"]?.ToString(), (bool?)json["reset"] == true, (bool?)json["quiet"] != false,
                json["remote"]?["host"]?.ToString(), json["remote"]?["user"]?.ToString(), port, keys);
        }
        return new SyncOptions(
            One("--name", "-N") ?? throw new SyncError(8, "missing --name"),
            One("--local-dir", "-d") ?? throw new SyncError(8, "missing --local-dir"),
            One("--remote-dir", "-r") ?? "/",
            One("--direction", "-K") ?? "push", One("--local-db-dir"), flags.Contains("--reset"), flags.Contains("--quiet"),
            One("--host"), One("--user"), port, values.GetValueOrDefault("--private-key-path") ?? []);
    }

    private static void Add(Dictionary<string, List<string>> values, string key, string value)
    {
        if (!values.TryGetValue(key, out var list)) values[key] = list = [];
        list.Add(value);
    }

    public string Database => Path.Combine(DbDir ?? LocalDir, ".private-asp", Name, "snap.db");

    public string RemoteFolder => Environment.GetEnvironmentVariable("ASYNC_STANDIN_REMOTE_ROOT") is { Length: > 0 } root
        ? Path.Combine(root, RemoteDir.TrimStart('/')) : RemoteDir;
}

/// <summary>
/// One pass of synchronization with the snapshot of the previous pass: push mirrors local to remote (files deleted
/// locally since the snapshot are deleted remotely), pull the reverse, bidi both ways (a file gone on one side that
/// the snapshot knows was deleted there; changed on both sides: the newer wins, counted as a conflict).
/// </summary>
internal sealed class Synchronizer(SyncOptions options)
{
    public sealed record Result(int Copied, long Bytes, int Deleted, int Conflicts);

    private readonly record struct Entry(long Size, long Mtime);

    private static Dictionary<string, Entry> Scan(string root)
    {
        var files = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return files;
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(root, f);
            if (rel.StartsWith(".private-asp", StringComparison.Ordinal)) continue;
            var info = new FileInfo(f);
            files[rel] = new Entry(info.Length, info.LastWriteTimeUtc.Ticks / TimeSpan.TicksPerSecond);
        }
        return files;
    }

    public Result Run(Action<string, long> progress)
    {
        if (!Directory.Exists(options.LocalDir)) throw new SyncError(4, $"local directory does not exist: {options.LocalDir}");
        string remote = options.RemoteFolder;
        Directory.CreateDirectory(remote);
        Directory.CreateDirectory(Path.GetDirectoryName(options.Database)!);
        if (options.Reset && File.Exists(options.Database)) File.Delete(options.Database);
        using var db = new SqliteConnection($"Data Source={options.Database};Pooling=False");
        db.Open();
        Execute(db, "CREATE TABLE IF NOT EXISTS snapshot (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL)");
        Execute(db, "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        var snapshot = new Dictionary<string, Entry>(StringComparer.Ordinal);
        using (var read = db.CreateCommand())
        {
            read.CommandText = "SELECT path, size, mtime FROM snapshot";
            using var r = read.ExecuteReader();
            while (r.Read()) snapshot[r.GetString(0)] = new Entry(r.GetInt64(1), r.GetInt64(2));
        }
        var local = Scan(options.LocalDir);
        var far = Scan(remote);
        int copied = 0, deleted = 0, conflicts = 0;
        long bytes = 0;
        var touched = new List<string>();
        void Copy(string rel, string from, string to)
        {
            string target = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(from, rel), target, overwrite: true);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(Path.Combine(from, rel)));
            copied++;
            bytes += new FileInfo(target).Length;
            touched.Add(rel);
            progress(rel, bytes);
        }
        void Delete(string rel, string root)
        {
            File.Delete(Path.Combine(root, rel));
            deleted++;
        }
        bool push = options.Direction is "push" or "bidi", pull = options.Direction is "pull" or "bidi";
        if (options.Direction is not ("push" or "pull" or "bidi")) throw new SyncError(8, $"unknown direction: {options.Direction}");
        foreach (var rel in local.Keys.Union(far.Keys).Order(StringComparer.Ordinal))
        {
            bool inLocal = local.TryGetValue(rel, out var l), inRemote = far.TryGetValue(rel, out var r), known = snapshot.TryGetValue(rel, out var s);
            if (inLocal && inRemote)
            {
                if (l == r) continue;
                bool localChanged = !known || l != s, remoteChanged = !known || r != s;
                if (options.Direction == "bidi")
                {
                    if (localChanged && remoteChanged) conflicts++;
                    if (l.Mtime >= r.Mtime) Copy(rel, options.LocalDir, remote);
                    else Copy(rel, remote, options.LocalDir);
                }
                else if (push) Copy(rel, options.LocalDir, remote);
                else Copy(rel, remote, options.LocalDir);
            }
            else if (inLocal)
            {
                // on the local side only: new there, or deleted on the remote side since the last pass
                if (pull && known && options.Direction == "bidi") Delete(rel, options.LocalDir);
                else if (push) Copy(rel, options.LocalDir, remote);
                else if (pull && known) Delete(rel, options.LocalDir);
            }
            else
            {
                if (push && known && options.Direction == "bidi") Delete(rel, remote);
                else if (pull) Copy(rel, remote, options.LocalDir);
                else if (push && known) Delete(rel, remote);
            }
        }
        // the new snapshot: what both sides hold now
        using (var tx = db.BeginTransaction())
        {
            Execute(db, "DELETE FROM snapshot", tx);
            foreach (var (rel, entry) in Scan(options.LocalDir))
            {
                using var insert = db.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO snapshot (path, size, mtime) VALUES ($p, $s, $m)";
                insert.Parameters.AddWithValue("$p", rel);
                insert.Parameters.AddWithValue("$s", entry.Size);
                insert.Parameters.AddWithValue("$m", entry.Mtime);
                insert.ExecuteNonQuery();
            }
            var state = new Dictionary<string, string>
            {
                ["Name"] = options.Name, ["Local"] = options.LocalDir,
                ["Remote"] = $"{options.User ?? Environment.UserName}@{options.Host ?? "localhost"}:{options.RemoteDir}",
                ["Direction"] = options.Direction, ["State"] = "success", ["End time"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["Files transferred"] = copied.ToString(CultureInfo.InvariantCulture), ["Bytes transferred"] = bytes.ToString(CultureInfo.InvariantCulture),
                ["Files deleted"] = deleted.ToString(CultureInfo.InvariantCulture), ["Conflicts"] = conflicts.ToString(CultureInfo.InvariantCulture),
                ["Last files"] = string.Join('\n', touched),
            };
            foreach (var (k, v) in state)
            {
                using var upsert = db.CreateCommand();
                upsert.Transaction = tx;
                upsert.CommandText = "INSERT OR REPLACE INTO state (key, value) VALUES ($k, $v)";
                upsert.Parameters.AddWithValue("$k", k);
                upsert.Parameters.AddWithValue("$v", v);
                upsert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return new Result(copied, bytes, deleted, conflicts);
    }

    private static void Execute(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }
}

/// <summary>asyncadmin: a session's state from its snapshot database, as <c>Key: value</c> lines (a list after a key without value).</summary>
internal static class Admin
{
    public static int Status(SyncOptions options)
    {
        if (!File.Exists(options.Database)) throw new SyncError(4, $"no database for session {options.Name}: {options.Database}");
        using var db = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = "SELECT key, value FROM state ORDER BY rowid";
        using var r = c.ExecuteReader();
        var state = new List<(string, string)>();
        while (r.Read()) state.Add((r.GetString(0), r.GetString(1)));
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM snapshot";
        long files = (long)count.ExecuteScalar()!;
        foreach (var (k, v) in state)
        {
            if (k == "Last files")
            {
                Console.WriteLine("Last files:");
                foreach (var f in v.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine("  " + f);
            }
            else Console.WriteLine($"{k}: {v}");
        }
        Console.WriteLine($"Files in snapshot: {files}");
        return 0;
    }
}
