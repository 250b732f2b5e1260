using System.Text.Json.Nodes;

namespace AsperaNative.Core.Values;

/// <summary>
/// Ruby's <c>Hash#deep_merge</c> as ascli defines it (hash_ext.rb) and uses it for every cumulative hash:
/// repeated <c>--ts</c> and <c>--transfer-info</c>, then <c>--ts</c> over the application's transfer spec.
/// Where both sides hold a hash the two merge, key by key; any other value of the overlay replaces,
/// <c>null</c> included: the key stays with null, so that a later merge can still delete it from the
/// application's spec (the transfer removes null keys only at the very end, as ascli's <c>updated_ts</c>).
/// </summary>
public static class JsonMerge
{
    /// <summary>A copy of <paramref name="target"/> with <paramref name="overlay"/> merged in; neither is modified.</summary>
    public static JsonObject Deep(JsonObject target, JsonObject overlay)
    {
        var result = (JsonObject)target.DeepClone();
        foreach (var (key, value) in overlay)
        {
            if (value is JsonObject o && result[key] is JsonObject t) result[key] = Deep(t, o);
            else result[key] = value?.DeepClone();
        }
        return result;
    }
}
