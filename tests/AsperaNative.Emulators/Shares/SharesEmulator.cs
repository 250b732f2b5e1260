// Emulator of IBM Aspera Shares 1.x (manual "Plugin: shares: IBM Aspera Shares v1"): the admin API under
// <base>/api/v1/data (Basic auth, administrators), the node API of the shares under <base>/node_api
// (Basic auth, paths /<share>/…, forwarded to the share's node with the share's folder as root),
// <base>/login (web page with the version) and <base>/node_api/ping.
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Node;

namespace AsperaNative.Emulators.Shares;

/// <summary>
/// A Shares server on 127.0.0.1 (HTTPS, self-signed). Seed nodes, shares, users, groups and permissions
/// with the <c>Add…</c>/<c>Grant…</c> methods; point ascli at <see cref="Url"/>. Files of a share live on
/// its node emulator; transfer specs come from that node, with absolute paths of its storage (the stand-in
/// ascp plays both ends on this machine).
/// </summary>
public sealed class SharesEmulator : IAsyncDisposable
{
    public const string Version = "1.10.2";

    private EmulatorHost _host = null!;
    private readonly List<NodeEmulator> _owned = [];

    public SharesStore Store { get; } = new();
    /// <summary>Path of the application below the host (e.g. <c>/shares</c>, or empty for the host root).</summary>
    public string BasePath { get; }
    /// <summary>Base URL for <c>--url</c>.</summary>
    public string Url => _host.Url + BasePath;
    public EmulatorHost Host => _host;
    /// <summary>The first node (the one started with the emulator, or given to it).</summary>
    public NodeEmulator Node { get; private set; } = null!;

    internal NodeForwarder Forwarder { get; }

    private SharesEmulator(string basePath)
    {
        BasePath = basePath.TrimEnd('/');
        Forwarder = new NodeForwarder(Store);
    }

    /// <summary>Starts Shares and its own node emulator serving <paramref name="storageRoot"/> (node <c>node1</c>).</summary>
    public static async Task<SharesEmulator> StartAsync(string storageRoot, string basePath = "")
    {
        var node = await NodeEmulator.StartAsync(storageRoot);
        var shares = await StartAsync(node, basePath);
        shares._owned.Add(node);
        return shares;
    }

    /// <summary>Starts Shares with an existing node emulator as node <c>node1</c> (not disposed with it).</summary>
    public static async Task<SharesEmulator> StartAsync(NodeEmulator node, string basePath = "")
    {
        var shares = new SharesEmulator(basePath);
        shares._host = await EmulatorHost.StartAsync(app =>
        {
            AdminApiRoutes.Map(app, shares);
            NodeApiRoutes.Map(app, shares);
        });
        shares.Node = node;
        shares.AddNode("node1", node);
        return shares;
    }

    // ---- seeding ----

    /// <summary>Registers a node emulator (node API user: its admin); returns the node id.</summary>
    public int AddNode(string name, NodeEmulator node)
    {
        var uri = new Uri(node.Url);
        Forwarder.Know(node);
        lock (Store.Lock)
        {
            var entity = Store.Nodes.Add(new JsonObject
            {
                ["name"] = name, ["host"] = uri.Host, ["port"] = uri.Port, ["ssl"] = true, ["verify_ssl"] = false,
                ["api_username"] = NodeEmulator.AdminUser, ["timeout"] = 30, ["open_timeout"] = 10, ["status"] = "ok", ["status_message"] = "OK",
            });
            int id = EntityList.Id(entity);
            Store.NodeTargets[id] = new NodeTarget(node.Url, NodeEmulator.AdminUser, NodeEmulator.AdminPassword, node);
            return id;
        }
    }

    /// <summary>A share on a folder of a node (created on disk); returns the share id.</summary>
    public int AddShare(string name, string directory, int nodeId = 1)
    {
        lock (Store.Lock)
        {
            if (Store.NodeTargets.GetValueOrDefault(nodeId)?.Emulator is { } node && NodeStore.Resolve(node.Store.Docroot, directory) is { } folder)
                Directory.CreateDirectory(folder);
            return EntityList.Id(Store.Shares.Add(AdminApiRoutes.ShareFields(name, nodeId, directory)));
        }
    }

    /// <summary>A user (<paramref name="directory"/>: <c>local</c>, <c>ldap</c> or <c>saml</c>); returns the user id.</summary>
    public int AddUser(string username, string password, bool admin = false, string directory = "local", string? email = null, string firstName = "", string lastName = "")
    {
        lock (Store.Lock)
        {
            var user = Store.Users.Add(new JsonObject
            {
                ["username"] = username, ["first_name"] = firstName, ["last_name"] = lastName, ["email"] = email ?? $"{username}@example.com",
                ["admin"] = admin, ["directory_user"] = directory != "local",
            });
            int id = EntityList.Id(user);
            Store.Passwords[id] = password;
            Store.UserDirectory[id] = directory;
            return id;
        }
    }

    /// <summary>A group with members; returns the group id.</summary>
    public int AddGroup(string name, string directory = "local", params int[] members)
    {
        lock (Store.Lock)
        {
            int id = EntityList.Id(Store.Groups.Add(new JsonObject { ["name"] = name, ["directory_group"] = directory != "local" }));
            Store.GroupDirectory[id] = directory;
            foreach (int user in members) Store.Memberships.Add(new JsonObject { ["group_id"] = id, ["user_id"] = user });
            return id;
        }
    }

    /// <summary>Gives a user permissions on a share (names like <c>browse</c>, <c>download</c>…; none given: all).</summary>
    public int GrantUser(int shareId, int userId, params string[] permissions)
    {
        lock (Store.Lock) return EntityList.Id(Store.UserPermissions.Add(AdminApiRoutes.PermissionFields(shareId, "user_id", userId, permissions)));
    }

    /// <summary>Gives a group permissions on a share (none given: all).</summary>
    public int GrantGroup(int shareId, int groupId, params string[] permissions)
    {
        lock (Store.Lock) return EntityList.Id(Store.GroupPermissions.Add(AdminApiRoutes.PermissionFields(shareId, "group_id", groupId, permissions)));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Forwarder.Dispose();
        foreach (var node in _owned) await node.DisposeAsync();
    }
}
