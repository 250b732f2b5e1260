using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.Emulators.Shares;

/// <summary>Entities of one admin API collection, as the JSON the API shows, with integer ids given in order.</summary>
public sealed class EntityList
{
    private int _next = 1;

    public List<JsonObject> Items { get; } = [];

    /// <summary>Adds an entity: <c>id</c> first, then the given fields, then <c>created_at</c>.</summary>
    public JsonObject Add(JsonObject fields)
    {
        var item = new JsonObject { ["id"] = _next++ };
        foreach (var (key, value) in fields)
            if (key is not "id" and not "created_at") item[key] = value?.DeepClone();
        item["created_at"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        Items.Add(item);
        return item;
    }

    public JsonObject? Find(int id) => Items.FirstOrDefault(i => Id(i) == id);

    public bool Remove(int id) => Items.RemoveAll(i => Id(i) == id) > 0;

    public static int Id(JsonObject item) => item["id"]?.GetValue<int>() ?? 0;
}

/// <summary>How Shares reaches a node: its URL and node API credentials, and the emulator behind it (for storage paths).</summary>
public sealed record NodeTarget(string Url, string Username, string Password, NodeEmulator? Emulator);

/// <summary>
/// The state of the emulated Shares: nodes, shares, users and groups (local, LDAP, SAML), their share
/// permissions, memberships, transfer settings and application authorizations. Callers take
/// <see cref="Lock"/> around reads and writes.
/// </summary>
public sealed class SharesStore
{
    public Lock Lock { get; } = new();
    public EntityList Nodes { get; } = new();
    public EntityList Shares { get; } = new();
    public EntityList Users { get; } = new();
    public EntityList Groups { get; } = new();
    public EntityList UserPermissions { get; } = new();
    public EntityList GroupPermissions { get; } = new();
    /// <summary><c>{group_id, user_id}</c> pairs.</summary>
    public EntityList Memberships { get; } = new();
    public Dictionary<int, NodeTarget> NodeTargets { get; } = [];
    /// <summary>Passwords by user id (never shown by the API).</summary>
    public Dictionary<int, string> Passwords { get; } = [];
    /// <summary>Where a user or group comes from: <c>local</c>, <c>ldap</c> or <c>saml</c>, by id.</summary>
    public Dictionary<int, string> UserDirectory { get; } = [];
    public Dictionary<int, string> GroupDirectory { get; } = [];
    public JsonObject TransferSettings { get; } = new()
    {
        ["min_connect_version"] = "3.6.0", ["target_rate"] = 100000, ["min_rate"] = 0, ["policy"] = "fair", ["encryption"] = "aes-128",
        ["allow_http_fallback"] = false, ["errors"] = new JsonObject(),
    };
    public Dictionary<int, JsonObject> UserTransferSettings { get; } = [];
    public Dictionary<int, JsonObject> GroupTransferSettings { get; } = [];
    public Dictionary<int, JsonObject> UserAppAuthorizations { get; } = [];
    public Dictionary<int, JsonObject> GroupAppAuthorizations { get; } = [];

    public static readonly string[] PermissionNames =
        ["browse", "download", "upload", "mkdir", "rename", "delete", "content_availability", "manage"];

    public JsonObject? UserByName(string username) => Users.Items.FirstOrDefault(u => u["username"]?.ToString() == username);

    public JsonObject? ShareByName(string name) => Shares.Items.FirstOrDefault(s => s["name"]?.ToString() == name);

    public IEnumerable<int> GroupsOf(int userId)
        => Memberships.Items.Where(m => m["user_id"]?.GetValue<int>() == userId).Select(static m => m["group_id"]!.GetValue<int>());

    /// <summary>Whether a user holds a permission on a share: administrators always, others by user or group permission.</summary>
    public bool Allowed(JsonObject user, JsonObject share, string permission)
    {
        if (user["admin"]?.GetValue<bool>() == true) return true;
        int userId = EntityList.Id(user), shareId = EntityList.Id(share);
        string key = permission + "_permission";
        bool Grants(JsonObject p) => p["share_id"]?.GetValue<int>() == shareId && p[key]?.GetValue<bool>() == true;
        var groups = GroupsOf(userId).ToHashSet();
        return UserPermissions.Items.Any(p => p["user_id"]?.GetValue<int>() == userId && Grants(p))
            || GroupPermissions.Items.Any(p => groups.Contains(p["group_id"]?.GetValue<int>() ?? 0) && Grants(p));
    }

    public static JsonObject DefaultUserTransferSettings() => new() { ["target_rate"] = 10000, ["min_rate"] = 0, ["policy"] = "fair" };

    public static JsonObject DefaultAppAuthorizations() => new() { ["app_login"] = true, ["web_login"] = true };
}
