using System.Text.RegularExpressions;
using AsperaNative.Core.Files;

namespace AsperaNative.Auth.Cache;

/// <summary>
/// Generated OAuth tokens kept as ascli keeps them: one file <c>&lt;id&gt;.txt</c> per token in the
/// persistency folder (<c>persist_store</c> of the configuration folder), holding the token
/// endpoint's JSON answer. Files older than 30 minutes are deleted when the cache is opened
/// (the manual's TOKEN_CACHE_EXPIRY_SEC). Writes are atomic (temporary file and rename) under a
/// lock file so that concurrent runs (cron) never read a half-written token.
/// A disabled cache (<c>--cache-tokens=no</c>) stores nothing.
/// </summary>
public sealed partial class TokenCache
{
    /// <summary>Prefix of token entries (other persistency files share the folder).</summary>
    public const string Category = "token";
    private const string Suffix = ".txt";
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(1800);

    private readonly Dictionary<string, string> _memory = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _collected;

    public TokenCache(string folder, bool enabled = true)
    {
        Folder = folder;
        Enabled = enabled;
    }

    public string Folder { get; }
    public bool Enabled { get; }

    /// <summary>The cache of the configuration folder: <c>--home</c> or <c>~/.aspera/ascli</c>, then <c>persist_store</c>.</summary>
    public static TokenCache ForConfigFolder(string configFolder, bool enabled) => new(Path.Combine(configFolder, "persist_store"), enabled);

    /// <summary>The cache identifier of a token, as ascli's IdGenerator: parts joined by <c>_</c>,
    /// https URLs reduced to their host, file-unsafe characters and dots replaced, lower case.</summary>
    public static string Id(params string?[] parts)
    {
        string joined = string.Join('_', parts.Where(static p => p is not null)
            .Select(static p => p!.StartsWith("https://", StringComparison.Ordinal) && Uri.TryCreate(p, UriKind.Absolute, out var u) ? u.Host : p));
        return Unsafe().Replace(joined, "_").Replace('.', '_').ToLowerInvariant();
    }

    [GeneratedRegex("[/:\"<>\\\\*?]")]
    private static partial Regex Unsafe();

    public string? Get(string id)
    {
        if (!Enabled) return null;
        lock (_lock)
        {
            if (_memory.TryGetValue(id, out var cached)) return cached;
            CollectOnce();
            string path = PathOf(id);
            try { return _memory[id] = File.ReadAllText(path); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
        }
    }

    public void Put(string id, string value)
    {
        if (!Enabled) return;
        lock (_lock)
        {
            _memory[id] = value;
            using var guard = FolderLock();
            // a cache written under the folder lock: no wait for the disk (other runs queue on the lock; a lost token means one new login)
            AtomicFile.WriteAllText(PathOf(id), value, AtomicFile.OwnerOnly, flushToDisk: false);
        }
    }

    public void Delete(string id)
    {
        lock (_lock)
        {
            _memory.Remove(id);
            if (!Enabled) return;
            using var guard = FolderLock();
            File.Delete(PathOf(id));
        }
    }

    /// <summary>Deletes token files (all, or those older than <paramref name="maxAge"/>); returns their paths.</summary>
    public IReadOnlyList<string> Flush(TimeSpan? maxAge = null)
    {
        lock (_lock)
        {
            _memory.Clear();
            if (!Directory.Exists(Folder)) return [];
            using var guard = FolderLock();
            var now = DateTime.UtcNow;
            var files = Directory.EnumerateFiles(Folder, Category + "*" + Suffix)
                .Where(f => maxAge is null || now - File.GetLastWriteTimeUtc(f) > maxAge)
                .ToList();
            foreach (var f in files) File.Delete(f);
            return files;
        }
    }

    /// <summary>The cached tokens: identifier and raw content.</summary>
    public IReadOnlyList<(string Id, string Value)> Entries()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.EnumerateFiles(Folder, Category + "*" + Suffix)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))
            .ToList();
    }

    private void CollectOnce()
    {
        if (_collected) return;
        _collected = true;
        Flush(Expiry);
    }

    private string PathOf(string id)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, id + Suffix);
    }

    /// <summary>
    /// An exclusive lock on <c>.token.lock</c>, waited for: other runs hold it for milliseconds, but many runs
    /// started together on a loaded machine queue for it, so the wait is bounded by time, not by attempts.
    /// </summary>
    private FileStream FolderLock()
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, "." + Category + ".lock");
        long deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (Environment.TickCount64 < deadline) { Thread.Sleep(10); }
        }
    }
}
