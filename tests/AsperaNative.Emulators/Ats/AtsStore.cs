using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Ats;

/// <summary>An ATS API key (<c>ats_…</c>) of a service instance: Basic credentials of the <c>/pub/v1</c> API.</summary>
public sealed record AtsApiKey(string Id, string Secret, string InstanceId);

/// <summary>
/// The state of the emulated Aspera Transfer Service: transfer servers per cloud, service instances
/// (owned by IBM Cloud accounts), ATS API keys and access keys (each owned by an instance). Thread safe.
/// </summary>
public sealed class AtsStore
{
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _servers = [];
    private readonly Dictionary<string, string> _instanceAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AtsApiKey> _apiKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Instance, JsonObject Key)> _accessKeys = new(StringComparer.Ordinal);

    /// <summary>Called when an access key is created (e.g. to create it on the transfer server's node).</summary>
    internal Func<JsonObject, JsonObject, string?>? OnAccessKeyCreated { get; set; }

    /// <summary>Adds a transfer server; <paramref name="extra"/> keys are merged (e.g. <c>s3_authentication_endpoint: null</c>, as AWS servers have it).</summary>
    public JsonObject AddServer(string id, string cloud, string region, string transferSetupUrl, string? s3AuthenticationEndpoint = null, JsonObject? extra = null)
    {
        var server = new JsonObject
        {
            ["id"] = id,
            ["cloud"] = cloud.ToUpperInvariant(),
            ["region"] = region,
            ["public_ips"] = new JsonArray("198.51.100.10/32", "198.51.100.11/32"),
            ["tcp_port"] = 33001,
            ["udp_port"] = 33001,
            ["transfer_setup_url"] = transferSetupUrl,
        };
        if (s3AuthenticationEndpoint is not null) server["s3_authentication_endpoint"] = s3AuthenticationEndpoint;
        foreach (var (key, value) in extra ?? []) server[key] = value?.DeepClone();
        lock (_lock) _servers.Add(server);
        return server.DeepClone().AsObject();
    }

    public IReadOnlyList<JsonObject> Servers(string? cloud = null, string? region = null)
    {
        lock (_lock)
            return [.. _servers.Where(s => (cloud is null || s["cloud"]!.ToString() == cloud) && (region is null || s["region"]!.ToString() == region))
                .Select(static s => s.DeepClone().AsObject())];
    }

    public JsonObject? Server(string id)
    {
        lock (_lock) return _servers.FirstOrDefault(s => s["id"]!.ToString() == id)?.DeepClone().AsObject();
    }

    internal void SetTransferSetupUrl(string serverId, string url)
    {
        lock (_lock)
            (_servers.FirstOrDefault(s => s["id"]!.ToString() == serverId) ?? throw new ArgumentException($"no server {serverId}"))["transfer_setup_url"] = url;
    }

    public void AddInstance(string instanceId, string accountId)
    {
        lock (_lock) _instanceAccount[instanceId] = accountId;
    }

    public IReadOnlyList<string> InstancesOf(string accountId)
    {
        lock (_lock) return [.. _instanceAccount.Where(p => p.Value == accountId).Select(static p => p.Key).Order(StringComparer.Ordinal)];
    }

    public bool InstanceOwnedBy(string instanceId, string accountId)
    {
        lock (_lock) return _instanceAccount.TryGetValue(instanceId, out var owner) && owner == accountId;
    }

    public AtsApiKey AddApiKey(string instanceId, string? id = null, string? secret = null)
    {
        var key = new AtsApiKey(id ?? "ats_" + RandomText(24), secret ?? RandomText(32), instanceId);
        lock (_lock) _apiKeys[key.Id] = key;
        return key;
    }

    public AtsApiKey? ApiKey(string id)
    {
        lock (_lock) return _apiKeys.GetValueOrDefault(id);
    }

    public IReadOnlyList<AtsApiKey> ApiKeysOf(string instanceId)
    {
        lock (_lock) return [.. _apiKeys.Values.Where(k => k.InstanceId == instanceId).OrderBy(static k => k.Id, StringComparer.Ordinal)];
    }

    public bool RemoveApiKey(string instanceId, string id)
    {
        lock (_lock) return _apiKeys.TryGetValue(id, out var key) && key.InstanceId == instanceId && _apiKeys.Remove(id);
    }

    /// <summary>Creates an access key owned by <paramref name="instanceId"/> (id and secret generated when absent); null when the id exists.</summary>
    public JsonObject? AddAccessKey(string instanceId, JsonObject request, string createdBy = "ats_api")
    {
        var key = request.DeepClone().AsObject();
        string id = key["id"]?.ToString() ?? "ak" + RandomText(20);
        key["id"] = id;
        key["secret"] ??= RandomText(32);
        key["name"] ??= id;
        string now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        key["created"] = new JsonObject { ["at"] = now, ["by"] = createdBy };
        key["modified"] = new JsonObject { ["at"] = now, ["by"] = createdBy };
        key["root_file_id"] ??= "1";
        lock (_lock)
        {
            if (_accessKeys.ContainsKey(id)) return null;
            var server = _servers.FirstOrDefault(s => s["id"]!.ToString() == key["transfer_server_id"]?.ToString());
            if (server is not null && OnAccessKeyCreated?.Invoke(server, key) is { } rootFileId) key["root_file_id"] = rootFileId;
            _accessKeys[id] = (instanceId, key);
        }
        return key.DeepClone().AsObject();
    }

    /// <summary>An access key as the owner sees it (with its secret), or null.</summary>
    public JsonObject? AccessKey(string instanceId, string id)
    {
        lock (_lock) return _accessKeys.TryGetValue(id, out var e) && e.Instance == instanceId ? e.Key.DeepClone().AsObject() : null;
    }

    /// <summary>An access key found by its own credentials, or null.</summary>
    public JsonObject? AccessKeyByCredentials(string id, string secret)
    {
        lock (_lock) return _accessKeys.TryGetValue(id, out var e) && e.Key["secret"]?.ToString() == secret ? e.Key.DeepClone().AsObject() : null;
    }

    public IReadOnlyList<JsonObject> AccessKeysOf(string instanceId)
    {
        lock (_lock) return [.. _accessKeys.Values.Where(e => e.Instance == instanceId).Select(static e => e.Key.DeepClone().AsObject()).OrderBy(static k => k["id"]!.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>Merges <paramref name="changes"/> (top-level keys) into the key; false when unknown.</summary>
    public bool UpdateAccessKey(string instanceId, string id, JsonObject changes)
    {
        lock (_lock)
        {
            if (!_accessKeys.TryGetValue(id, out var e) || e.Instance != instanceId) return false;
            foreach (var (k, v) in changes)
                if (k is not ("id" or "created" or "modified")) e.Key[k] = v?.DeepClone();
            e.Key["modified"] = new JsonObject { ["at"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), ["by"] = "ats_api" };
            return true;
        }
    }

    public bool RemoveAccessKey(string instanceId, string id)
    {
        lock (_lock) return _accessKeys.TryGetValue(id, out var e) && e.Instance == instanceId && _accessKeys.Remove(id);
    }

    internal static string RandomText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, 0, static (span, _) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }
}
