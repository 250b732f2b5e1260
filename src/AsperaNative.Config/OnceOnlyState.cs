using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.Config;

/// <summary>
/// What a command remembers between runs with <c>--once-only=yes</c> (ascli's persistency action once):
/// a JSON value in the persistency folder under an id built from the command's identity. When the option
/// is off, nothing is read nor written, so that each run processes everything.
/// </summary>
public sealed class OnceOnlyState(PersistencyFolder folder, string id, bool enabled)
{
    public string Id { get; } = id;

    public bool Enabled { get; } = enabled;

    /// <summary>The value saved by the previous run, or null (none, not enabled, or unreadable).</summary>
    public JsonNode? Load()
    {
        if (!Enabled || folder.Get(Id) is not { } text) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// Keeps the value for the next run (when enabled). A list is merged with the one stored now (as ascli merges
    /// the file into its list): items another run added since this one loaded are kept, so that nothing it processed
    /// is processed again; an empty result deletes the file (ascli's default). Any other value replaces the stored one.
    /// </summary>
    public void Save(JsonNode? value)
    {
        if (!Enabled) return;
        folder.Update(Id, stored => value is JsonArray list ? Merge(list, stored) : value?.ToJsonString() ?? "null");
    }

    /// <summary>Replaces the stored value, without merging (a reset, or an INIT that lists everything).</summary>
    public void Replace(JsonNode? value)
    {
        if (Enabled) folder.Put(Id, value?.ToJsonString() ?? "null");
    }

    /// <summary>The items of <paramref name="list"/>, then those of the stored list it does not have; null when none.</summary>
    private static string? Merge(JsonArray list, string? stored)
    {
        var merged = new JsonArray();
        // items compared by their JSON text (package ids, small objects)
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(JsonNode? item)
        {
            if (seen.Add(item?.ToJsonString() ?? "null")) merged.Add(item?.DeepClone());
        }
        foreach (var item in list) Add(item);
        if (stored is not null)
        {
            try
            {
                if (JsonNode.Parse(stored) is JsonArray previous) foreach (var item in previous) Add(item);
            }
            catch (JsonException)
            {
                // an unreadable file is replaced by this run's list
            }
        }
        return merged.Count == 0 ? null : merged.ToJsonString();
    }

    /// <summary>An id from parts: URLs and names reduced to file-name characters, joined with <c>_</c>.</summary>
    public static string MakeId(params string[] parts)
        => string.Join('_', parts.Where(static p => p.Length > 0).Select(static p => PersistencyFolder.SafeId(p.Replace("://", "_"))));
}
