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

    /// <summary>Keeps the value for the next run (when enabled), replacing the stored one (a position, a reset).</summary>
    public void Save(JsonNode? value)
    {
        if (Enabled) folder.Put(Id, value?.ToJsonString() ?? "null");
    }

    /// <summary>
    /// Adds processed items to the stored list (when enabled), with the items another run stored since this one
    /// loaded (as ascli merges the file into its list), so that nothing either run processed is processed again.
    /// An empty result deletes the file (ascli's default). Returns the list now stored.
    /// </summary>
    public JsonArray Merge(JsonArray processed) => Enabled ? folder.AddToList(Id, processed) : processed;

    /// <summary>An id from parts: URLs and names reduced to file-name characters, joined with <c>_</c>.</summary>
    public static string MakeId(params string[] parts)
        => string.Join('_', parts.Where(static p => p.Length > 0).Select(static p => PersistencyFolder.SafeId(p.Replace("://", "_"))));
}
