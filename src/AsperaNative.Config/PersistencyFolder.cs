using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Files;

namespace AsperaNative.Config;

/// <summary>
/// The <c>persist_store</c> folder: small named values kept between runs (OAuth token cache,
/// once-only state), one file per id. Ids are made file-name safe.
/// Each file is replaced atomically (a temporary file renamed over it: readers see the old value or the new one,
/// a run killed while writing leaves the old one). Changes to one id are serialized between processes by an
/// exclusive lock on a file <c>.locks/id.txt.lock</c> below it, so that two runs of a cron job updating the same
/// once-only list at once each see the other's change (<see cref="Update"/>) instead of overwriting it.
/// </summary>
public sealed class PersistencyFolder(string folder)
{
    /// <summary>How long a change waits for another process holding the lock of the same id.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>Where the lock files are, below the folder.</summary>
    public const string LockFolderName = ".locks";

    public string Folder { get; } = folder;

    /// <summary>The stored value, or null.</summary>
    public string? Get(string id)
    {
        string path = PathOf(id);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Stores a value (readable by the user only), replacing it atomically.</summary>
    public void Put(string id, string value) => Update(id, _ => value);

    public void Delete(string id) => Update(id, static _ => null);

    /// <summary>
    /// Reads the stored value (null: none), and stores what <paramref name="change"/> returns (null deletes it),
    /// with no other change to this id in between, from this process or another. Returns the value stored.
    /// </summary>
    public string? Update(string id, Func<string?, string?> change)
    {
        string path = PathOf(id);
        using var held = Lock(path);
        string? current = File.Exists(path) ? File.ReadAllText(path) : null;
        string? next = change(current);
        if (next is null) File.Delete(path);
        else AtomicFile.WriteAllText(path, next, AtomicFile.OwnerOnly);
        return next;
    }

    /// <summary>
    /// A JSON list stored under <paramref name="id"/> with <paramref name="items"/> added: those given first, then the
    /// stored ones they do not have (items compared by their JSON text); deleted when empty. Returns the list stored.
    /// An unreadable stored value is replaced.
    /// </summary>
    public JsonArray AddToList(string id, JsonArray items)
    {
        var merged = new JsonArray();
        Update(id, stored =>
        {
            merged.Clear();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(JsonNode? item)
            {
                if (seen.Add(item?.ToJsonString() ?? "null")) merged.Add(item?.DeepClone());
            }
            foreach (var item in items) Add(item);
            if (stored is not null)
            {
                try
                {
                    if (JsonNode.Parse(stored) is JsonArray previous) foreach (var item in previous) Add(item);
                }
                catch (JsonException)
                {
                    // not a list: this run's items replace it
                }
            }
            return merged.Count == 0 ? null : merged.ToJsonString();
        });
        return merged;
    }

    /// <summary>
    /// The exclusive lock of one id: its lock file open without sharing (an advisory <c>flock</c> on Unix, released
    /// by the system if the process dies). A busy lock is tried again until <see cref="LockWait"/> has passed.
    /// </summary>
    private static FileStream Lock(string path)
    {
        // in a hidden sub-folder: the folder itself holds only values, as ascli's
        string lockPath = Path.Combine(Path.GetDirectoryName(path)!, LockFolderName, Path.GetFileName(path) + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = AtomicFile.OwnerOnly;
                return new FileStream(lockPath, options);
            }
            catch (IOException) when (clock.Elapsed < LockWait)
            {
                Thread.Sleep(Math.Min(1 + attempt, 20));
            }
        }
    }

    /// <summary>Deletes the entries whose id starts with the prefix (all when empty); returns the deleted ids.</summary>
    public IReadOnlyList<string> Flush(string prefix = "")
    {
        if (!Directory.Exists(Folder)) return [];
        var deleted = new List<string>();
        string safePrefix = SafeId(prefix);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.txt"))
        {
            string id = Path.GetFileNameWithoutExtension(file);
            if (!id.StartsWith(safePrefix, StringComparison.Ordinal)) continue;
            File.Delete(file);
            deleted.Add(id);
        }
        return deleted;
    }

    private string PathOf(string id) => Path.Combine(Folder, SafeId(id) + ".txt");

    /// <summary>
    /// The file name of an id: as ascli's ids (IdGenerator), Windows-protected characters (<c>/ : " &lt; &gt; \ * ?</c>)
    /// and control characters become <c>_</c>, letters are lower case; anything else (<c>@</c>, <c>.</c>) is kept.
    /// </summary>
    internal static string SafeId(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (char c in id) sb.Append(c is '/' or ':' or '"' or '<' or '>' or '\\' or '*' or '?' || char.IsControl(c) ? '_' : char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
