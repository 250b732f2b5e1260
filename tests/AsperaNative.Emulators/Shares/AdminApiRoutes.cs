using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Shares;

/// <summary>
/// The admin API (<c>&lt;base&gt;/api/v1/data/…</c>, Basic auth of an administrator): nodes, shares and their
/// user/group permissions, global transfer settings, users and groups of all directories (<c>users</c>,
/// <c>groups</c>), local ones (<c>local_users</c>, <c>local_groups</c>), LDAP additions (<c>{"user":name}</c>),
/// SAML imports, per user/group transfer settings, application authorizations and share permissions.
/// </summary>
internal static class AdminApiRoutes
{
    /// <summary>The exact body Shares answers on failed authentication (ascli's detection compares it).</summary>
    public const string AuthenticationFailed = """{"error":{"user_message":"API user authentication failed"}}""";

    public static Task Unauthorized(HttpContext ctx)
        => EmulatorHost.Text(ctx, AuthenticationFailed, "application/json; charset=utf-8", 401);

    /// <summary>The user of valid Basic credentials, or null.</summary>
    public static JsonObject? User(SharesEmulator shares, HttpContext ctx)
    {
        if (EmulatorHost.Basic(ctx) is not { } credentials) return null;
        lock (shares.Store.Lock)
        {
            var user = shares.Store.UserByName(credentials.User);
            return user is not null && shares.Store.Passwords.GetValueOrDefault(EntityList.Id(user)) == credentials.Password ? user : null;
        }
    }

    /// <summary>Checks the caller is an administrator, else answers 401 or 403.</summary>
    public static async Task<bool> Administrator(SharesEmulator shares, HttpContext ctx)
    {
        var user = User(shares, ctx);
        if (user is null) { await Unauthorized(ctx); return false; }
        if (user["admin"]?.GetValue<bool>() != true) { await RestResources.Error(ctx, 403, "You are not authorized to access this resource"); return false; }
        return true;
    }

    public static JsonObject ShareFields(string name, int nodeId, string directory) => new()
    {
        ["name"] = name, ["node_id"] = nodeId, ["directory"] = directory, ["percent_free"] = 42.5, ["status"] = "ok", ["status_message"] = "OK",
    };

    public static JsonObject PermissionFields(int shareId, string ownerKey, int ownerId, IReadOnlyCollection<string> granted)
    {
        var fields = new JsonObject { ["share_id"] = shareId, [ownerKey] = ownerId };
        foreach (string p in SharesStore.PermissionNames) fields[p + "_permission"] = granted.Count == 0 || granted.Contains(p);
        return fields;
    }

    public static void Map(WebApplication app, SharesEmulator shares)
    {
        string d = shares.BasePath + "/api/v1/data";
        var s = shares.Store;
        RestResources.Map(app, shares, d + "/nodes", _ => (Nodes(shares), null));
        RestResources.Map(app, shares, d + "/shares", _ => (Shares(shares), null));
        foreach (var (kind, list, owner, owners) in new[] { ("user_permissions", s.UserPermissions, "user_id", s.Users), ("group_permissions", s.GroupPermissions, "group_id", s.Groups) })
            RestResources.Map(app, shares, d + "/shares/{sid}/" + kind, ctx => s.Shares.Find(RestResources.Route(ctx, "sid")) is { } share
                ? (Permissions(list, "share_id", EntityList.Id(share), owner, owners, kind == "user_permissions" ? "User" : "Group"), null)
                : (null, "Share not found"));
        RestResources.MapSingleton(app, shares, d + "/transfer_settings", _ => (s.TransferSettings, null));

        foreach (string directory in new[] { "all", "local", "ldap", "saml" })
        {
            string prefix = directory == "all" ? "" : directory + "_";
            RestResources.Map(app, shares, $"{d}/{prefix}users", _ => (Users(shares, directory), null));
            RestResources.Map(app, shares, $"{d}/{prefix}groups", _ => (Groups(shares, directory), null));
            if (directory == "saml")
            {
                app.MapPost($"{d}/saml_users/import", ctx => Import(shares, ctx, "user"));
                app.MapPost($"{d}/saml_groups/import", ctx => Import(shares, ctx, "group"));
            }
            if (directory is "all" or "local")
                RestResources.Map(app, shares, $"{d}/{prefix}groups/{{gid}}/{prefix}users", ctx => Group(s, ctx, directory) is { } gid
                    ? (Members(shares, gid, directory), null) : (null, "Group not found"));
        }
        foreach (var (entity, list) in new[] { ("users", s.Users), ("groups", s.Groups) })
        {
            bool isUser = entity == "users";
            string name = isUser ? "User" : "Group";
            RestResources.Map(app, shares, $"{d}/{entity}/{{oid}}/share_permissions", ctx => list.Find(RestResources.Route(ctx, "oid")) is { } o
                ? (Permissions(isUser ? s.UserPermissions : s.GroupPermissions, isUser ? "user_id" : "group_id", EntityList.Id(o), "share_id", s.Shares, "Share"), null)
                : (null, name + " not found"));
            RestResources.MapSingleton(app, shares, $"{d}/{entity}/{{oid}}/transfer_settings", ctx => Setting(list, ctx, isUser ? s.UserTransferSettings : s.GroupTransferSettings, SharesStore.DefaultUserTransferSettings, name));
            RestResources.MapSingleton(app, shares, $"{d}/{entity}/{{oid}}/app_authorizations", ctx => Setting(list, ctx, isUser ? s.UserAppAuthorizations : s.GroupAppAuthorizations, SharesStore.DefaultAppAuthorizations, name));
        }
        app.MapFallback(d + "/{**rest}", static ctx => RestResources.Error(ctx, 404, "Not found"));
    }

    private static (JsonObject? Value, string? Missing) Setting(EntityList owners, HttpContext ctx, Dictionary<int, JsonObject> settings, Func<JsonObject> defaults, string name)
    {
        if (owners.Find(RestResources.Route(ctx, "oid")) is not { } owner) return (null, name + " not found");
        int id = EntityList.Id(owner);
        if (!settings.TryGetValue(id, out var value)) settings[id] = value = defaults();
        return (value, null);
    }

    private static int? Group(SharesStore s, HttpContext ctx, string directory)
        => s.Groups.Find(RestResources.Route(ctx, "gid")) is { } g && (directory == "all" || s.GroupDirectory.GetValueOrDefault(EntityList.Id(g)) == directory) ? EntityList.Id(g) : null;

    private static void Merge(JsonObject item, JsonObject body, params string[] hidden)
    {
        foreach (var (key, value) in body)
            if (key is not "id" and not "created_at" && !hidden.Contains(key)) item[key] = value?.DeepClone();
    }

    private static string? Text(JsonObject body, string key) => body[key] is JsonValue v ? v.ToString() : null;

    private static int? Int(JsonObject body, string key) => int.TryParse(Text(body, key), out int v) ? v : null;

    private static Resource Nodes(SharesEmulator shares)
    {
        var s = shares.Store;
        return new Resource("Node", () => s.Nodes.Items,
            Create: body =>
            {
                if (string.IsNullOrEmpty(Text(body, "name"))) return (null, "Name can't be blank");
                if (string.IsNullOrEmpty(Text(body, "host"))) return (null, "Host can't be blank");
                var fields = new JsonObject { ["port"] = 9092, ["ssl"] = true, ["verify_ssl"] = true, ["timeout"] = 30, ["open_timeout"] = 10 };
                Merge(fields, body, "api_password");
                fields["status"] = "ok";
                fields["status_message"] = "OK";
                var node = s.Nodes.Add(fields);
                shares.Forwarder.Register(EntityList.Id(node), node, Text(body, "api_password") ?? "");
                return (node, null);
            },
            Update: (node, body) =>
            {
                Merge(node, body, "api_password");
                shares.Forwarder.Register(EntityList.Id(node), node, Text(body, "api_password"));
                return null;
            },
            Delete: id => s.Nodes.Remove(id) && s.NodeTargets.Remove(id));
    }

    private static Resource Shares(SharesEmulator shares)
    {
        var s = shares.Store;
        return new Resource("Share", () => s.Shares.Items,
            Create: body =>
            {
                string? name = Text(body, "name");
                if (string.IsNullOrEmpty(name)) return (null, "Name can't be blank");
                if (s.ShareByName(name) is not null) return (null, "Name has already been taken");
                if (Int(body, "node_id") is not { } nodeId || s.Nodes.Find(nodeId) is null) return (null, "Node must exist");
                string directory = "/" + (Text(body, "directory") ?? name).TrimStart('/');
                if (body["create_directory"]?.GetValueKind() == System.Text.Json.JsonValueKind.True) shares.Forwarder.CreateFolder(nodeId, directory);
                var fields = ShareFields(name, nodeId, directory);
                Merge(fields, body, "create_directory", "name", "node_id", "directory");
                return (s.Shares.Add(fields), null);
            },
            Update: (share, body) =>
            {
                if (Text(body, "name") is { } name && s.Shares.Items.Any(o => o != share && o["name"]?.ToString() == name)) return "Name has already been taken";
                Merge(share, body, "create_directory");
                return null;
            },
            Delete: id =>
            {
                s.UserPermissions.Items.RemoveAll(p => p["share_id"]?.GetValue<int>() == id);
                s.GroupPermissions.Items.RemoveAll(p => p["share_id"]?.GetValue<int>() == id);
                return s.Shares.Remove(id);
            });
    }

    /// <summary>Permissions seen from one side (a share's, or a user's/group's): the other side is given in the body.</summary>
    private static Resource Permissions(EntityList list, string fixedKey, int fixedId, string otherKey, EntityList others, string otherName)
        => new("Permission", () => list.Items.Where(p => p[fixedKey]?.GetValue<int>() == fixedId),
            Create: body =>
            {
                if (Int(body, otherKey) is not { } other || others.Find(other) is null) return (null, otherName + " not found");
                if (list.Items.Any(p => p[fixedKey]?.GetValue<int>() == fixedId && p[otherKey]?.GetValue<int>() == other)) return (null, otherName + " already has permissions on this share");
                var fields = new JsonObject { [fixedKey] = fixedId, [otherKey] = other };
                foreach (string p in SharesStore.PermissionNames) fields[p + "_permission"] = body[p + "_permission"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
                return (list.Add(fields), null);
            },
            Update: (p, body) =>
            {
                Merge(p, body, fixedKey, otherKey);
                return null;
            },
            Delete: list.Remove);

    private static Resource Users(SharesEmulator shares, string directory)
    {
        var s = shares.Store;
        bool Of(JsonObject u) => directory == "all" || s.UserDirectory.GetValueOrDefault(EntityList.Id(u)) == directory;
        (JsonObject?, string?) Add(string? username, string directoryOfUser, JsonObject body, string? password)
        {
            if (string.IsNullOrEmpty(username)) return (null, "Username can't be blank");
            if (s.UserByName(username) is not null) return (null, "Username has already been taken");
            var fields = new JsonObject { ["username"] = username, ["first_name"] = "", ["last_name"] = "", ["email"] = $"{username}@example.com", ["admin"] = false };
            Merge(fields, body, "password", "user");
            fields["directory_user"] = directoryOfUser != "local";
            var user = s.Users.Add(fields);
            int id = EntityList.Id(user);
            s.Passwords[id] = password ?? Guid.NewGuid().ToString("N");
            s.UserDirectory[id] = directoryOfUser;
            return (user, null);
        }
        return new Resource("User", () => s.Users.Items.Where(Of),
            Create: directory switch
            {
                "local" => body => string.IsNullOrEmpty(Text(body, "password")) ? (null, "Password can't be blank") : Add(Text(body, "username"), "local", body, Text(body, "password")),
                // LDAP users are added by name: the directory knows the rest
                "ldap" => body => Add(Text(body, "user"), "ldap", [], null),
                _ => null,
            },
            Update: directory is "all" or "saml" ? null : (user, body) =>
            {
                if (Text(body, "username") is { } name && s.Users.Items.Any(o => o != user && o["username"]?.ToString() == name)) return "Username has already been taken";
                Merge(user, body, "password", "directory_user");
                if (Text(body, "password") is { } password) s.Passwords[EntityList.Id(user)] = password;
                return null;
            },
            Delete: id =>
            {
                s.Memberships.Items.RemoveAll(m => m["user_id"]?.GetValue<int>() == id);
                s.UserPermissions.Items.RemoveAll(p => p["user_id"]?.GetValue<int>() == id);
                s.Passwords.Remove(id);
                return s.Users.Remove(id);
            });
    }

    private static Resource Groups(SharesEmulator shares, string directory)
    {
        var s = shares.Store;
        bool Of(JsonObject g) => directory == "all" || s.GroupDirectory.GetValueOrDefault(EntityList.Id(g)) == directory;
        (JsonObject?, string?) Add(string? name, string directoryOfGroup, JsonObject body)
        {
            if (string.IsNullOrEmpty(name)) return (null, "Name can't be blank");
            if (s.Groups.Items.Any(g => g["name"]?.ToString() == name)) return (null, "Name has already been taken");
            var fields = new JsonObject { ["name"] = name };
            Merge(fields, body, "group");
            fields["directory_group"] = directoryOfGroup != "local";
            var group = s.Groups.Add(fields);
            s.GroupDirectory[EntityList.Id(group)] = directoryOfGroup;
            return (group, null);
        }
        return new Resource("Group", () => s.Groups.Items.Where(Of),
            Create: directory switch
            {
                "local" => body => Add(Text(body, "name"), "local", body),
                "ldap" => body => Add(Text(body, "group"), "ldap", []),
                _ => null,
            },
            Update: directory is "local" ? (group, body) =>
            {
                if (Text(body, "name") is { } name && s.Groups.Items.Any(o => o != group && o["name"]?.ToString() == name)) return "Name has already been taken";
                Merge(group, body, "directory_group");
                return null;
            } : null,
            Delete: id =>
            {
                s.Memberships.Items.RemoveAll(m => m["group_id"]?.GetValue<int>() == id);
                s.GroupPermissions.Items.RemoveAll(p => p["group_id"]?.GetValue<int>() == id);
                return s.Groups.Remove(id);
            });
    }

    /// <summary>Users of a group: adding takes <c>{"user_id":n}</c> (or <c>{"id":n}</c>), deleting removes the membership.</summary>
    private static Resource Members(SharesEmulator shares, int groupId, string directory)
    {
        var s = shares.Store;
        bool Member(JsonObject u) => s.Memberships.Items.Any(m => m["group_id"]?.GetValue<int>() == groupId && m["user_id"]?.GetValue<int>() == EntityList.Id(u));
        return new Resource("User", () => s.Users.Items.Where(Member),
            Create: body =>
            {
                if ((Int(body, "user_id") ?? Int(body, "id")) is not { } userId || s.Users.Find(userId) is not { } user
                    || (directory == "local" && s.UserDirectory.GetValueOrDefault(userId) != "local")) return (null, "User not found");
                if (!Member(user)) s.Memberships.Add(new JsonObject { ["group_id"] = groupId, ["user_id"] = userId });
                return (user, null);
            },
            Update: (user, body) =>
            {
                Merge(user, body, "password", "directory_user");
                return null;
            },
            Delete: userId => s.Memberships.Items.RemoveAll(m => m["group_id"]?.GetValue<int>() == groupId && m["user_id"]?.GetValue<int>() == userId) > 0);
    }

    /// <summary>SAML import: <c>id</c> and <c>name_id</c> mandatory; <c>email</c>, <c>given_name</c>, <c>surname</c> optional.</summary>
    private static async Task Import(SharesEmulator shares, HttpContext ctx, string entity)
    {
        if (!await Administrator(shares, ctx)) return;
        var body = await EmulatorHost.Body(ctx) as JsonObject ?? [];
        var s = shares.Store;
        JsonObject? created;
        string? error = null;
        lock (s.Lock)
        {
            string? nameId = Text(body, "name_id");
            if (string.IsNullOrEmpty(Text(body, "id")) || string.IsNullOrEmpty(nameId)) { created = null; error = "id and name_id are required"; }
            else if (entity == "user")
            {
                var fields = new JsonObject { ["saml_id"] = Text(body, "id"), ["first_name"] = Text(body, "given_name") ?? "", ["last_name"] = Text(body, "surname") ?? "", ["email"] = Text(body, "email") ?? nameId };
                (created, error) = AddImported(s, nameId, fields);
            }
            else
            {
                if (s.Groups.Items.Any(g => g["name"]?.ToString() == nameId)) { created = null; error = "Name has already been taken"; }
                else
                {
                    created = s.Groups.Add(new JsonObject { ["name"] = nameId, ["saml_id"] = Text(body, "id"), ["directory_group"] = true });
                    s.GroupDirectory[EntityList.Id(created)] = "saml";
                }
            }
            created = created?.DeepClone().AsObject();
        }
        await (created is null ? RestResources.Error(ctx, 422, error ?? "Invalid import") : EmulatorHost.Json(ctx, created, 201));
    }

    private static (JsonObject?, string?) AddImported(SharesStore s, string username, JsonObject fields)
    {
        if (s.UserByName(username) is not null) return (null, "Username has already been taken");
        var all = new JsonObject { ["username"] = username };
        foreach (var (k, v) in fields) all[k] = v?.DeepClone();
        all["admin"] = false;
        all["directory_user"] = true;
        var user = s.Users.Add(all);
        s.UserDirectory[EntityList.Id(user)] = "saml";
        s.Passwords[EntityList.Id(user)] = Guid.NewGuid().ToString("N");
        return (user, null);
    }
}
