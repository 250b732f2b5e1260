using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Secrets;

/// <summary>
/// Replaces secrets in results by 🔑 (ascli 4.21's rules, see BEHAVIOURS.md "Output"): a string value
/// whose key contains one of the secret words, case-sensitively, except two known public keys.
/// Nested hashes are searched, arrays inside hashes are not (as 4.21 did).
/// Copy-on-write: the result's tree is never modified, a changed copy is returned only when needed.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Hidden = "🔑";

    private static readonly string[] SecretWords = ["password", "secret", "passphrase", "_key", "apikey", "crn", "token"];
    private static readonly string[] NotSecrets = ["access_key", "fallback_private_key"];

    public static bool IsSecret(string key, JsonNode? value)
        => value is JsonValue v && IsSecretKey(key) && JsonScalar.TryGetText(v, out _);

    // keys repeat in every item of a listing: each is checked once (up to a bound, for listings with varying keys)
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KeyChecks = new(StringComparer.Ordinal);

    /// <summary>True when a string under this key is a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        // the keys of a listing's page are the same string objects from item to item: a slot per key object answers first
        int slot = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key) & (RecentPlainKeys.Length - 1);
        if (ReferenceEquals(RecentPlainKeys[slot], key)) return false;
        if (ReferenceEquals(RecentSecretKeys[slot], key)) return true;
        bool secret = CheckKey(key);
        (secret ? RecentSecretKeys : RecentPlainKeys)[slot] = key;
        return secret;
    }

    // a key object is only ever in the table of its answer, and a slot holds one reference: nothing to tear or allocate
    private static readonly string?[] RecentPlainKeys = new string?[64];
    private static readonly string?[] RecentSecretKeys = new string?[64];

    private static bool CheckKey(string key)
    {
        if (KeyChecks.TryGetValue(key, out bool known)) return known;
        bool secret = Array.IndexOf(NotSecrets, key) < 0 && SecretWords.Any(word => key.Contains(word, StringComparison.Ordinal));
        if (KeyChecks.Count < 4096) KeyChecks[key] = secret;
        return secret;
    }

    /// <summary>The node with secrets hidden: the same instance when nothing is secret.</summary>
    public static JsonNode? Redact(JsonNode? node) => node switch
    {
        JsonObject o => RedactObject(o),
        JsonArray a => RedactArray(a),
        JsonValue v when JsonScalar.TryGetText(v, out string? text) => RedactString(v, text),
        _ => node,
    };

    private static JsonNode RedactArray(JsonArray array)
    {
        JsonNode?[]? changed = null;
        for (int i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var redacted = item is JsonObject or JsonArray ? Redact(item) : item;
            if (!ReferenceEquals(redacted, item))
            {
                changed ??= new JsonNode?[array.Count];
                changed[i] = redacted;
            }
        }
        if (changed is null) return array;
        var copy = new JsonArray();
        for (int i = 0; i < array.Count; i++)
            copy.Add(changed[i] ?? array[i]?.DeepClone());
        return copy;
    }

    private static JsonNode RedactObject(JsonObject obj)
    {
        Dictionary<string, JsonNode?>? changed = null;
        foreach (var (key, value) in obj)
        {
            JsonNode? redacted = value;
            if (IsSecret(key, value)) redacted = JsonValue.Create(Hidden);
            else if (value is JsonObject child) redacted = RedactObject(child);
            if (!ReferenceEquals(redacted, value)) (changed ??= new(StringComparer.Ordinal))[key] = redacted;
        }
        if (changed is null) return obj;
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
            copy[key] = changed.TryGetValue(key, out var r) ? r : value?.DeepClone();
        return copy;
    }

    /// <summary>A string result keeps its text, but the body of a PEM private key is hidden (public keys are shown, as ascli does).</summary>
    private static JsonNode RedactString(JsonValue value, string text)
    {
        if (!text.Contains("PRIVATE KEY-", StringComparison.Ordinal)) return value;
        string hidden = PrivateKey().Replace(text, m => m.Groups["begin"].Value + Hidden + m.Groups["end"].Value);
        return ReferenceEquals(hidden, text) || hidden == text ? value : JsonValue.Create(hidden);
    }

    [GeneratedRegex(@"(?<begin>--+BEGIN [^-]*PRIVATE KEY--+)[\x00-\x7F]+?(?<end>--+?END [^-]*PRIVATE KEY--+)\n*")]
    private static partial Regex PrivateKey();
}
