using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Node;

/// <summary>An access key of the emulated node: its secret, storage root, and public key for bearer tokens.</summary>
public sealed class AccessKey(string id, string secret, string root)
{
    public string Id { get; } = id;
    public string Secret { get; set; } = secret;
    public string Root { get; } = root;
    public string? TokenVerificationKey { get; set; }
    /// <summary>
    /// The storage path <c>access_keys</c> reports, as a real node does for a local storage (<c>file:////data/ak</c>,
    /// the absolute folder on the server); null: the root's path in the docroot.
    /// </summary>
    public string? StoragePath { get; set; }
    /// <summary>
    /// When set, Basic requests with this key must also carry an <c>X-Aspera-Storage-Credentials</c>
    /// header it accepts (cloud storage keys, e.g. COS delegated IAM tokens); null: no such check.
    /// </summary>
    public Func<string?, bool>? StorageCredentialsCheck { get; set; }
}

/// <summary>
/// The state behind the emulated node: a real folder tree (the docroot), stable file ids for its
/// entries (gen4), access keys, permissions, events and transfers. Thread safe.
/// </summary>
public sealed class NodeStore(string docroot)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _idByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pathById = new(StringComparer.Ordinal);
    private int _nextId = 1;

    public string Docroot { get; } = Path.GetFullPath(docroot);
    public Dictionary<string, AccessKey> AccessKeys { get; } = new(StringComparer.Ordinal);
    public List<JsonObject> Permissions { get; } = [];
    public List<JsonObject> Events { get; } = [];
    public Dictionary<string, JsonObject> Transfers { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether gen4 entries carry their <c>path</c> from the caller's root, as current nodes do (older ones do not).</summary>
    public bool EntriesWithPath { get; set; }

    /// <summary>How long a transfer stays <c>waiting</c> (queued) before it runs, as on a real node.</summary>
    public TimeSpan TransferQueueTime { get; set; }

    /// <summary>How long a transfer stays <c>running</c>, its bytes growing, before it completes.</summary>
    public TimeSpan TransferRunTime { get; set; }

    /// <summary>Whether transfers are queued and run in the background (else done before <c>POST /ops/transfers</c> answers).</summary>
    public bool TransfersTakeTime => TransferQueueTime > TimeSpan.Zero || TransferRunTime > TimeSpan.Zero;

    /// <summary>Transfers as a real node runs them: queued for 0.5 s, then running 1.5 s while their bytes grow.</summary>
    public void RealisticTransfers()
    {
        TransferQueueTime = TimeSpan.FromMilliseconds(500);
        TransferRunTime = TimeSpan.FromMilliseconds(1500);
    }

    // A state of a timed transfer lasts its time and until a status read has seen it, so a client that
    // polls late (a loaded machine) still sees every state once, as it would on a real node's slower pace.
    private readonly Dictionary<string, TaskCompletionSource> _stateSeen = new(StringComparer.Ordinal);

    /// <summary>A status read of transfer <paramref name="id"/> has seen its current state.</summary>
    public void TransferStateRead(string id)
    {
        lock (_stateSeen)
            if (_stateSeen.Remove(id, out var seen)) seen.TrySetResult();
    }

    /// <summary>Waits <paramref name="time"/> and for a status read of the state transfer <paramref name="id"/> is in (at most 30 s: nobody may poll).</summary>
    public async Task HoldTransferStateAsync(string id, TimeSpan time)
    {
        TaskCompletionSource seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stateSeen) _stateSeen[id] = seen;
        await Task.WhenAll(Task.Delay(time), Task.WhenAny(seen.Task, Task.Delay(TimeSpan.FromSeconds(30))));
    }

    /// <summary>The id of a real path (assigned on first sight).</summary>
    public string IdOf(string fullPath)
    {
        fullPath = Path.GetFullPath(fullPath).TrimEnd('/');
        lock (_lock)
        {
            if (_idByPath.TryGetValue(fullPath, out var id)) return id;
            id = (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _idByPath[fullPath] = id;
            _pathById[id] = fullPath;
            return id;
        }
    }

    public string? PathOf(string id)
    {
        lock (_lock) return _pathById.TryGetValue(id, out var p) && (File.Exists(p) || Directory.Exists(p)) ? p : null;
    }

    /// <summary>Moves the id of an entry with it (gen4 rename keeps ids).</summary>
    public void Moved(string from, string to)
    {
        lock (_lock)
        {
            if (!_idByPath.Remove(from, out var id)) return;
            _idByPath[to] = id;
            _pathById[id] = to;
        }
    }

    /// <summary>A path of the API (<c>/a/b</c>) below a root, refusing to leave it.</summary>
    public static string? Resolve(string root, string apiPath)
    {
        string full = Path.GetFullPath(Path.Combine(root, apiPath.TrimStart('/')));
        return full == root || full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal) ? full.TrimEnd('/') : null;
    }

    public static string ApiPath(string root, string full)
    {
        string rel = Path.GetRelativePath(root, full);
        return rel == "." ? "/" : "/" + rel.Replace('\\', '/');
    }

    public void AddEvent(string type, JsonObject data, params string[] types)
    {
        lock (_lock)
        {
            var ev = new JsonObject { ["id"] = Events.Count + 1, ["type"] = type, ["data"] = data, ["time"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) };
            if (types.Length > 0) ev["types"] = new JsonArray([.. types.Select(static t => (JsonNode?)JsonValue.Create(t))]);
            Events.Add(ev);
        }
    }

    /// <summary>
    /// The events a <c>GET /events</c> query selects: <c>type</c> (exact, or a prefix ending with <c>*</c>),
    /// <c>iteration_token</c> (only events after that id), <c>access_key</c> (events of that key, or of none).
    /// </summary>
    public JsonArray SelectEvents(string? type, string? iterationToken, string? accessKey)
    {
        long after = long.TryParse(iterationToken, out long t) ? t : 0;
        lock (_lock)
        {
            return new JsonArray([.. Events.Where(e =>
                (e["id"]?.GetValue<int>() ?? 0) > after
                && (string.IsNullOrEmpty(type) || (type.EndsWith('*') ? e["type"]!.ToString().StartsWith(type[..^1], StringComparison.Ordinal) : e["type"]!.ToString() == type))
                && (string.IsNullOrEmpty(accessKey) || e["access_key"] is null || e["access_key"]!.ToString() == accessKey))
                .Select(static e => e.DeepClone())]);
        }
    }
}
