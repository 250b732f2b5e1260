using System.Text;
using AsperaNative.Core.Files;

namespace AsperaNative.Config;

/// <summary>
/// The <c>persist_store</c> folder: small named values kept between runs (OAuth token cache,
/// once-only state), one file per id. Ids are made file-name safe.
/// </summary>
public sealed class PersistencyFolder(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>The stored value, or null.</summary>
    public string? Get(string id)
    {
        string path = PathOf(id);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Stores a value (readable by the user only), replacing it atomically.</summary>
    public void Put(string id, string value) => AtomicFile.WriteAllText(PathOf(id), value, AtomicFile.OwnerOnly);

    public void Delete(string id) => File.Delete(PathOf(id));

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
    /// The file name of an id as ascli's ids are: the characters Windows forbids (<c>/ : " &lt; &gt; \ * ?</c>) and control
    /// characters become <c>_</c>, the rest is kept (spaces, <c>@</c>: a workspace name, an e-mail); lower case.
    /// </summary>
    internal static string SafeId(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (char c in id) sb.Append(char.IsControl(c) || c is '/' or ':' or '"' or '<' or '>' or '\\' or '*' or '?' ? '_' : char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
