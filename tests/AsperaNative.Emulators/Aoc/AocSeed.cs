using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// Builder of the organization's state for tests: users (with their JWT public key), groups,
/// workspaces (home folders on the node), shared inboxes, packages (content files really on the
/// node), API clients, public links, analytics events, and a cheap generator of many users.
/// Returned objects are the stored ones (read them, do not keep them across threads).
/// </summary>
public sealed class AocSeed
{
    private readonly AocEmulator _aoc;
    private readonly AocState _state;
    private readonly Dictionary<string, (NodeEmulator Node, string Root)> _localNodes = new(StringComparer.Ordinal);

    internal AocSeed(AocEmulator aoc)
    {
        _aoc = aoc;
        _state = aoc.State;
    }

    /// <summary>The default node (the one the emulator started), used by new workspaces.</summary>
    public JsonObject DefaultNode => _aoc.NodeEntity;

    public JsonObject AddUser(string email, string? name = null, string? publicKeyPem = null, bool admin = false)
    {
        var user = new JsonObject
        {
            ["id"] = _state.NewId(), ["name"] = name ?? email, ["email"] = email, ["first_name"] = (name ?? email).Split(' ')[0],
            ["last_name"] = (name ?? email).Split(' ').Skip(1).FirstOrDefault() ?? "", ["organization_id"] = _state.Org["id"]!.ToString(),
            ["default_workspace_id"] = null, ["read_only_home_node_id"] = null, ["read_only_home_file_id"] = null,
            ["public_key"] = publicKeyPem, ["organization_admin"] = admin, ["deactivated"] = false, ["member_of_any_workspace"] = false,
            ["created_at"] = AocState.Now(), ["last_login_at"] = null,
        };
        lock (_state.Lock) _state["users"].Add(user);
        return user;
    }

    /// <summary>
    /// Adds <paramref name="count"/> users <c>user&lt;n&gt;@example.com</c> ("User &lt;n&gt;") without storing them:
    /// each is made when a page or a lookup needs it. Returns the first id (ids are consecutive).
    /// </summary>
    public long GenerateUsers(int count, string domain = "example.com")
    {
        long first = 10_000_000;
        string orgId = _state.Org["id"]!.ToString();
        lock (_state.Lock)
            _state["users"].Generate(first, count, n =>
            {
                long index = n - first + 1;
                return new JsonObject
                {
                    ["id"] = n.ToString(CultureInfo.InvariantCulture), ["name"] = $"User {index}", ["email"] = $"user{index}@{domain}",
                    ["first_name"] = "User", ["last_name"] = index.ToString(CultureInfo.InvariantCulture), ["organization_id"] = orgId,
                    ["default_workspace_id"] = null, ["public_key"] = null, ["organization_admin"] = false, ["deactivated"] = false,
                    ["member_of_any_workspace"] = false, ["created_at"] = "2024-01-01T00:00:00.000Z", ["last_login_at"] = null,
                };
            });
        return first;
    }

    public JsonObject AddGroup(string name, params JsonObject[] members)
    {
        var group = new JsonObject
        {
            ["id"] = _state.NewId(), ["name"] = name, ["description"] = null, ["saml_group"] = false, ["system_group"] = false,
            ["member_count"] = members.Length, ["created_at"] = AocState.Now(),
        };
        lock (_state.Lock)
        {
            _state["groups"].Add(group);
            foreach (var m in members) Membership("group_memberships", "group_id", group, m);
        }
        return group;
    }

    /// <summary>A workspace on the default node; members (users, groups) get it as default workspace when they have none.</summary>
    public JsonObject AddWorkspace(string name, params JsonObject[] members) => AddWorkspaceOn(DefaultNode, name, members);

    /// <summary>A workspace whose home is on <paramref name="node"/> (an entity from <see cref="AddNode"/>).</summary>
    public JsonObject AddWorkspaceOn(JsonObject node, string name, params JsonObject[] members)
    {
        var ws = new JsonObject { ["id"] = _state.NewId(), ["name"] = name, ["description"] = null, ["home_node_id"] = node["id"]!.ToString() };
        lock (_state.Lock)
        {
            PrepareWorkspace(ws);
            ws["created_at"] = AocState.Now();
            _state["workspaces"].Add(ws);
            foreach (var m in members) AddMemberLocked(ws, m);
        }
        return ws;
    }

    /// <summary>Adds a user or group to a workspace (user: default workspace set when none).</summary>
    public void AddMember(JsonObject workspace, JsonObject userOrGroup)
    {
        lock (_state.Lock) AddMemberLocked(workspace, userOrGroup);
    }

    /// <summary>As <see cref="AddMember"/>, for callers that hold the state lock.</summary>
    internal void AddMemberUnlocked(JsonObject ws, JsonObject member) => AddMemberLocked(ws, member);

    private void AddMemberLocked(JsonObject ws, JsonObject member)
    {
        Membership("workspace_memberships", "workspace_id", ws, member);
        if (member.ContainsKey("email"))
        {
            member["default_workspace_id"] ??= ws["id"]!.ToString();
            member["member_of_any_workspace"] = true;
        }
    }

    /// <summary>A shared inbox of a workspace, with its members (users, groups).</summary>
    public JsonObject AddDropbox(JsonObject workspace, string name, params JsonObject[] members) => AddDropboxWithMetadata(workspace, name, null, members);

    /// <summary>A shared inbox whose packages need metadata: <paramref name="metadataSchema"/> is its <c>metadata_schema</c> (fields name, required…).</summary>
    public JsonObject AddDropboxWithMetadata(JsonObject workspace, string name, JsonArray? metadataSchema, params JsonObject[] members)
    {
        var box = new JsonObject
        {
            ["id"] = _state.NewId(), ["name"] = name, ["workspace_id"] = workspace["id"]!.ToString(), ["description"] = null,
            ["metadata_schema"] = metadataSchema ?? [], ["created_at"] = AocState.Now(),
        };
        lock (_state.Lock)
        {
            _state["dropboxes"].Add(box);
            foreach (var m in members) Membership("dropbox_memberships", "dropbox_id", box, m);
        }
        return box;
    }

    /// <summary>An AoC node entity for an access key of a node emulator (its storage below <paramref name="root"/>).</summary>
    public JsonObject AddNode(string name, NodeEmulator node, string host, string accessKey, string secret, string root)
    {
        node.AddAccessKey(accessKey, secret, root);
        var entity = new JsonObject
        {
            ["id"] = _state.NewId(), ["name"] = name, ["url"] = $"https://{host}", ["access_key"] = accessKey, ["host"] = host,
            ["transfer_url"] = null, ["ats_access_key"] = false, ["created_at"] = AocState.Now(),
        };
        lock (_state.Lock)
        {
            _state["nodes"].Add(entity);
            _localNodes[entity["id"]!.ToString()] = (node, Path.GetFullPath(root));
        }
        if (host != _aoc.Options.NodeHost) _aoc.ForwardNode(host, node.Url);
        return entity;
    }

    /// <summary>An API client (<c>secret</c> generated); with a public key its JWT grant is enabled.</summary>
    public JsonObject AddClient(string name, string? publicKeyPem = null)
    {
        var client = new JsonObject
        {
            ["id"] = "cli_" + _state.NewId(), ["name"] = name, ["secret"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            ["jwt_grant_enabled"] = publicKeyPem is not null, ["public_key"] = publicKeyPem, ["redirect_uris"] = new JsonArray("http://localhost:12345"),
            ["created_at"] = AocState.Now(),
        };
        lock (_state.Lock) _state["clients"].Add(client);
        return client;
    }

    /// <summary>
    /// A package already sent by <paramref name="sender"/>: its folder on the workspace node holds
    /// <paramref name="files"/> (relative path → content), so it is complete and has content.
    /// </summary>
    public JsonObject AddPackage(JsonObject workspace, JsonObject sender, string name, IEnumerable<JsonObject> recipients, IReadOnlyDictionary<string, string>? files = null)
    {
        JsonObject package;
        lock (_state.Lock)
        {
            package = NewPackage(workspace, sender, name, [.. recipients.Select(Recipient)], null);
            package["sent"] = true;
            package["transfers_expected"] = 1;
            _state["packages"].Add(package);
        }
        string contents = PathOfFile(package["contents_file_id"]!.ToString())!;
        foreach (var (relative, content) in files ?? new Dictionary<string, string>())
        {
            string target = Path.Combine(contents, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }
        return package;
    }

    /// <summary>
    /// A public link (url token) with its page URL on the org site: purposes <c>view_shared_file</c>
    /// (data: node_id, file_id, workspace_id), <c>view_received_package</c> (package_id),
    /// <c>send_package_to_user</c> (user_id), <c>send_package_to_dropbox</c> (dropbox_id).
    /// </summary>
    public (string Url, string Token) AddPublicLink(string purpose, JsonObject data, string? password = null, JsonObject? createdBy = null)
    {
        lock (_state.Lock)
        {
            var token = NewUrlToken(purpose, data, password, createdBy?["id"]?.ToString());
            return (token["url"]!.ToString(), token["token"]!.ToString());
        }
    }

    /// <summary>An analytics transfer event (fields as the API returns them: transfer_id, status, direction, user_id, …).</summary>
    public void AddTransferEvent(JsonObject transfer)
    {
        lock (_state.Lock) _state.TransferEvents.Add(transfer);
    }

    /// <summary>Adds an object to any entity table (operations, kms profiles, applications…); an id is given when missing.</summary>
    public JsonObject AddEntity(string path, JsonObject entity)
    {
        entity["id"] ??= _state.NewId();
        lock (_state.Lock) _state[path].Add(entity);
        return entity;
    }

    // ---- internals shared with the routes (callers hold the state lock) ----

    /// <summary>Storage path of a file id on any local node.</summary>
    internal string? PathOfFile(string fileId) => _localNodes.Values.Select(n => n.Node.Store.PathOf(fileId)).FirstOrDefault(p => p is not null);

    internal (NodeEmulator Node, string Root)? LocalNode(string? nodeId) => nodeId is not null && _localNodes.TryGetValue(nodeId, out var n) ? n : null;

    /// <summary>Gives a new workspace its home node and home container folder.</summary>
    internal void PrepareWorkspace(JsonObject ws)
    {
        ws["home_node_id"] ??= DefaultNode["id"]!.ToString();
        if (LocalNode(ws["home_node_id"]!.ToString()) is { } node)
        {
            string container = Path.Combine(node.Root, "workspaces", ws["id"]!.ToString(), "home");
            Directory.CreateDirectory(container);
            ws["home_container_file_id"] = node.Node.Store.IdOf(container);
        }
    }

    /// <summary>The user's home folder id in a workspace (made on first use), or null when the node is not local.</summary>
    public string? HomeFileId(JsonObject ws, JsonObject user)
    {
        if (LocalNode(ws["home_node_id"]?.ToString()) is not { } node) return null;
        string home = Path.Combine(node.Root, "workspaces", ws["id"]!.ToString(), "home", user["email"]!.ToString());
        Directory.CreateDirectory(home);
        string id = node.Node.Store.IdOf(home);
        _aoc.PublishTransferRoot(id, home);
        return id;
    }

    internal JsonObject Recipient(JsonObject entity)
    {
        string type = entity.ContainsKey("email") ? "user" : entity.ContainsKey("metadata_schema") ? "dropbox" : "group";
        return new JsonObject { ["id"] = entity["id"]!.ToString(), ["type"] = type, ["name"] = entity["name"]?.ToString() };
    }

    internal JsonObject NewPackage(JsonObject ws, JsonObject? sender, string? name, JsonArray recipients, JsonObject? body)
    {
        string id = _state.NewPackageId();
        string nodeId = ws["home_node_id"]!.ToString();
        var node = LocalNode(nodeId) ?? throw new InvalidOperationException("workspace node is not emulated");
        string folder = Path.Combine(node.Root, "workspaces", ws["id"]!.ToString(), "packages", id);
        string contents = Path.Combine(folder, "contents");
        Directory.CreateDirectory(contents);
        string contentsId = node.Node.Store.IdOf(contents);
        _aoc.PublishTransferRoot(contentsId, contents);
        var package = new JsonObject
        {
            ["id"] = id, ["name"] = name, ["note"] = body?["note"]?.DeepClone(), ["workspace_id"] = ws["id"]!.ToString(), ["node_id"] = nodeId,
            ["file_id"] = node.Node.Store.IdOf(folder), ["contents_file_id"] = contentsId,
            ["sender"] = sender is null ? null : new JsonObject { ["id"] = sender["id"]!.ToString(), ["name"] = sender["name"]?.ToString(), ["email"] = sender["email"]?.ToString(), ["type"] = "user" },
            ["recipients"] = recipients, ["bcc_recipients"] = body?["bcc_recipients"]?.DeepClone() ?? new JsonArray(),
            ["metadata"] = body?["metadata"]?.DeepClone(), ["created_at"] = AocState.Now(), ["sent"] = false, ["transfers_expected"] = 0,
        };
        return package;
    }

    internal JsonObject NewUrlToken(string purpose, JsonObject data, string? password, string? createdBy)
    {
        string token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        string path = purpose switch
        {
            "view_shared_file" => "/public/files",
            "view_received_package" => "/packages/public/receive",
            _ => "/packages/public/send",
        };
        var urlToken = new JsonObject
        {
            ["id"] = _state.NewId(), ["token"] = token, ["purpose"] = purpose, ["data"] = data.DeepClone(), ["password_protected"] = password is not null,
            ["password"] = password, ["created_by"] = createdBy, ["url"] = $"{_aoc.OrgUrl}{path}?token={token}", ["created_at"] = AocState.Now(),
        };
        _state.UrlTokens[token] = urlToken;
        return urlToken;
    }

    private void Membership(string path, string field, JsonObject target, JsonObject member)
    {
        _state[path].Add(new JsonObject
        {
            ["id"] = _state.NewId(), [field] = target["id"]!.ToString(), ["member_type"] = member.ContainsKey("email") ? "user" : "group",
            ["member_id"] = member["id"]!.ToString(), ["manager"] = false, ["created_at"] = AocState.Now(),
        });
    }
}
