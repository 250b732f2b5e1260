using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Faspex5.State;

/// <summary>What a public link allows: download one package, or send to one recipient.</summary>
public sealed record PublicLink(string Passcode, string? PackageId, string? RecipientName, string? RecipientType);

/// <summary>
/// Everything the emulated Faspex 5 knows: accounts, API clients, groups (shared inboxes, workgroups) and
/// their members, packages and their per-recipient views, nodes and shared folders, the other admin
/// entities, configuration, events. One lock (<see cref="Sync"/>) guards it all. The seeding methods
/// (<c>Add…</c>) are the builder API tests use before or while the emulator runs.
/// </summary>
public sealed class Faspex5State
{
    public static readonly string[] EntityNames =
    [
        "accounts", "contacts", "jobs", "workgroups", "shared_inboxes", "nodes", "oauth_clients", "registrations",
        "saml_configs", "metadata_profiles", "email_notifications", "alternate_addresses", "distribution_lists", "webhooks",
        "invitations", "shared_folders", "application_events", "webhook_events",
    ];

    private readonly Dictionary<string, EntityCollection> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityCollection> _subCollections = new(StringComparer.Ordinal);
    private int _nextPackage = 1;

    public Faspex5State(string docroot)
    {
        Docroot = Path.GetFullPath(docroot);
        foreach (string name in EntityNames)
        {
            _collections[name] = name switch
            {
                "metadata_profiles" => new EntityCollection(name, "profiles"),
                "webhook_events" => new EntityCollection(name, "events"),
                "oauth_clients" => new EntityCollection(name, name, stringId: static () => Guid.NewGuid().ToString()),
                "invitations" => new EntityCollection(name, name, stringId: static () => Guid.NewGuid().ToString()),
                "jobs" => new EntityCollection(name, name, stringId: NewJobId),
                "email_notifications" => new EntityCollection(name, name),
                "contacts" => new EntityCollection(name, name, firstId: 10001),
                _ => new EntityCollection(name, name),
            };
        }
        Configuration = new JsonObject
        {
            ["days_before_deleting_package_records"] = 30,
            ["default_expiration_days"] = 7,
            ["site_name"] = "Faspex",
            ["public_url"] = "",
            ["max_package_size_gb"] = 0,
        };
        foreach (string type in new[] { "package_received", "package_sent", "package_downloaded", "relay_failed", "upload_failed" })
            Collection("email_notifications").Add(new JsonObject { ["id"] = type, ["type"] = type, ["enabled"] = true, ["subject"] = $"Faspex: {type.Replace('_', ' ')}" });
    }

    public Lock Sync { get; } = new();

    /// <summary>Docroot of the node emulator: package files and shared folders are below it.</summary>
    public string Docroot { get; }
    public List<Package> Packages { get; } = [];
    public JsonObject Configuration { get; }
    /// <summary>SMTP configuration, null when not configured.</summary>
    public JsonObject? Smtp { get; set; }
    public Dictionary<int, JsonObject> Preferences { get; } = [];
    public Dictionary<string, PublicLink> PublicLinks { get; } = new(StringComparer.Ordinal);

    public EntityCollection Collection(string name) => _collections[name];

    /// <summary>A collection under one entity (members of a shared inbox, users of a shared folder…), created on first use.</summary>
    public EntityCollection SubCollection(string path, string listKey)
    {
        if (!_subCollections.TryGetValue(path, out var c)) _subCollections[path] = c = new EntityCollection(path, listKey);
        return c;
    }

    private static int _jobs;
    private static string NewJobId() => $"job_{Interlocked.Increment(ref _jobs)}";

    // ---- seeding (builder API) ----

    /// <summary>Adds an account; <paramref name="publicKeyPem"/> is the key its JWT assertions are verified with.</summary>
    public JsonObject AddUser(string name, string? publicKeyPem = null, bool admin = false, string accountType = "local_user", string? firstName = null, string? lastName = null, int? id = null)
    {
        lock (Sync)
        {
            var account = Collection("accounts").Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["email"] = name,
                ["first_name"] = firstName ?? name.Split('@')[0],
                ["last_name"] = lastName ?? "",
                ["account_type"] = accountType,
                ["user_level"] = admin ? "admin" : "user",
                ["status"] = "active",
                ["account_activated"] = true,
                ["user_profile_data_attributes"] = new JsonObject(),
            });
            var prefs = PreferencesOf(account["id"]!.GetValue<int>());
            if (publicKeyPem is not null) prefs["public_key"] = publicKeyPem;
            return account;
        }
    }

    /// <summary>Adds an API client (<c>Admin → Configurations → API clients</c>); a client public key lets its owner act as any user.</summary>
    public JsonObject AddClient(string clientId, bool jwtEnabled = true, string? publicKeyPem = null, string? clientSecret = null, params string[] redirectUris)
    {
        lock (Sync)
        {
            return Collection("oauth_clients").Add(new JsonObject
            {
                ["id"] = clientId,
                ["client_id"] = clientId,
                ["name"] = clientId,
                ["client_secret"] = clientSecret ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                ["jwt_enabled"] = jwtEnabled,
                ["public_key"] = publicKeyPem,
                ["redirect_uris"] = new JsonArray([.. redirectUris.Select(static u => (JsonNode?)JsonValue.Create(u))]),
                ["client_type"] = "confidential",
            });
        }
    }

    public JsonObject AddSharedInbox(string name, params string[] memberNames) => AddGroup("shared_inboxes", null, name, memberNames);

    public JsonObject AddSharedInbox(int id, string name, params string[] memberNames) => AddGroup("shared_inboxes", id, name, memberNames);

    public JsonObject AddWorkgroup(string name, params string[] memberNames) => AddGroup("workgroups", null, name, memberNames);

    public JsonObject AddWorkgroup(int id, string name, params string[] memberNames) => AddGroup("workgroups", id, name, memberNames);

    private JsonObject AddGroup(string kind, int? id, string name, string[] memberNames)
    {
        lock (Sync)
        {
            var group = Collection(kind).Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["description"] = "",
                ["member_count"] = 0,
                ["external_users_enabled"] = false,
            });
            foreach (string member in memberNames) AddMember(kind, group["id"]!.GetValue<int>(), UserId(member), "standard");
            return group;
        }
    }

    /// <summary>Adds a member (access: submit_only, standard, shared_inbox_admin) to a shared inbox or workgroup.</summary>
    public JsonObject AddMember(string kind, int groupId, int userId, string access)
    {
        lock (Sync)
        {
            var group = Collection(kind).Get(groupId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var members = Members(kind, groupId);
            var existing = members.Items.FirstOrDefault(m => m["user_id"]?.GetValue<int>() == userId);
            if (existing is not null) { existing["access"] = access; return existing; }
            var member = members.Add(new JsonObject { ["user_id"] = userId, ["name"] = UserName(userId), ["access"] = access });
            group["member_count"] = members.Items.Count;
            return member;
        }
    }

    public EntityCollection Members(string kind, int groupId) => SubCollection($"{kind}/{groupId}/members", "members");

    /// <summary>Adds a distribution list of the given contacts (user names).</summary>
    public JsonObject AddDistributionList(string name, params string[] userNames)
    {
        lock (Sync)
        {
            return Collection("distribution_lists").Add(new JsonObject
            {
                ["name"] = name,
                ["type"] = "personal",
                ["contacts"] = new JsonArray([.. userNames.Select(n => (JsonNode)new JsonObject { ["id"] = UserId(n), ["name"] = n })]),
            });
        }
    }

    /// <summary>Registers a node in Faspex (the emulator's own node is added by the emulator).</summary>
    public JsonObject AddNode(string name, string url, string? accessKey = null)
    {
        lock (Sync)
            return Collection("nodes").Add(new JsonObject { ["name"] = name, ["url"] = url, ["access_key"] = accessKey, ["status"] = "ok" });
    }

    /// <summary>Adds a shared folder at <paramref name="path"/> (below the docroot, created) of node <paramref name="nodeId"/>.</summary>
    public JsonObject AddSharedFolder(string name, string path, int nodeId = 1, int? id = null)
    {
        lock (Sync)
        {
            Directory.CreateDirectory(Path.Combine(Docroot, path.TrimStart('/')));
            return Collection("shared_folders").Add(new JsonObject { ["id"] = id, ["name"] = name, ["node_id"] = nodeId, ["path"] = "/" + path.Trim('/') });
        }
    }

    /// <summary>Adds a webhook: the events are POSTed as JSON to <paramref name="endpoint"/>.</summary>
    public JsonObject AddWebhook(string endpoint, params string[] events)
    {
        lock (Sync)
        {
            return Collection("webhooks").Add(new JsonObject
            {
                ["name"] = $"webhook {Collection("webhooks").Items.Count + 1}",
                ["endpoint"] = endpoint,
                ["events"] = new JsonArray([.. (events.Length == 0 ? ["package_sent", "package_received"] : events).Select(static e => (JsonNode?)JsonValue.Create(e))]),
                ["enabled"] = true,
            });
        }
    }

    /// <summary>
    /// Adds a released package from <paramref name="sender"/> to the named recipients (users, shared inboxes,
    /// workgroups, distribution lists) with the given files (relative path → content) written to its folder.
    /// </summary>
    public Package AddPackage(string sender, string title, IEnumerable<string> recipients, IReadOnlyDictionary<string, string>? files = null, string? note = null, string? id = null)
    {
        lock (Sync)
        {
            var account = Account(sender) ?? throw new ArgumentException($"no such user: {sender}");
            string displayName = $"{account.Str("first_name")} {account.Str("last_name")}".Trim();
            var package = NewPackage(account["id"]!.GetValue<int>(), displayName.Length > 0 ? displayName : sender, account.Str("email"), title,
                [.. recipients.Select(r => ResolveRecipient(r, null))], account.Str("account_type"), id: id);
            package.Note = note;
            Directory.CreateDirectory(package.ContentsFolder);
            foreach (var (relative, content) in files ?? new Dictionary<string, string>())
            {
                string full = Path.Combine(package.ContentsFolder, relative.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }
            package.Upload = UploadStatus.Completed;
            package.ReleaseDate = package.CreatedTime;
            package.Refresh();
            return package;
        }
    }

    /// <summary>Moves a package to the history box of one user (its recipient: inbox_history; its sender: outbox_history).</summary>
    public void ArchivePackage(string packageId, string user)
    {
        lock (Sync) GetPackage(packageId).View(UserId(user)).Archived = true;
    }

    /// <summary>A public link passcode (the emulator builds the URL).</summary>
    public PublicLink AddPublicLink(string? packageId, string? recipientName, string? recipientType, string? passcode = null)
    {
        lock (Sync)
        {
            var link = new PublicLink(passcode ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(), packageId, recipientName, recipientType);
            PublicLinks[link.Passcode] = link;
            return link;
        }
    }

    // ---- lookups used by the routes (callers hold Sync) ----

    public JsonObject PreferencesOf(int userId)
    {
        if (!Preferences.TryGetValue(userId, out var prefs))
            Preferences[userId] = prefs = new JsonObject { ["preference"] = new JsonObject { ["connect_disabled"] = false, ["time_zone"] = "UTC" } };
        return prefs;
    }

    public JsonObject? Account(string name) => Collection("accounts").FindByName(name);

    public JsonObject? Account(int id) => Collection("accounts").Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int UserId(string name) => Account(name)?["id"]?.GetValue<int>() ?? throw new ArgumentException($"no such user: {name}");

    public string UserName(int id) => Account(id).Str("name");

    public bool IsAdmin(int userId) => Account(userId).Str("user_level") == "admin";

    public bool IsMember(string kind, int groupId, int userId) => Members(kind, groupId).Items.Any(m => m["user_id"]?.GetValue<int>() == userId);

    public Package NewPackage(int? senderId, string senderName, string senderEmail, string title, List<Recipient> recipients, string senderType = "local_user", string? passcode = null, string? id = null)
    {
        id ??= $"pk{_nextPackage++}{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
        if (Packages.Any(p => p.Id == id)) throw new ArgumentException($"package id already used: {id}");
        var package = new Package
        {
            Id = id,
            Title = title,
            SenderId = senderId,
            SenderName = senderName,
            SenderEmail = senderEmail,
            SenderType = senderType,
            Recipients = recipients,
            SentWithPasscode = passcode,
            ContentsFolder = Path.Combine(Docroot, "packages", id + ".asp-package", "contents"),
            ExpirationDate = null,
        };
        Packages.Add(package);
        return package;
    }

    public Package GetPackage(string id) => Packages.FirstOrDefault(p => p.Id == id && p.DeletedAt is null) ?? throw Faspex5Http.NotFound("Package");

    /// <summary>
    /// Resolves a recipient name (and optional type) as Faspex does: a user, a shared inbox, a workgroup,
    /// a distribution list, or an external user (unknown email address).
    /// </summary>
    public Recipient ResolveRecipient(string name, string? type)
    {
        if (type is null or "user" && Account(name) is { } account && account.Str("account_type") != "external_user")
            return new Recipient(account.Str("name"), "user", [account["id"]!.GetValue<int>()], null);
        if (type is null or "shared_inbox" && Collection("shared_inboxes").FindByName(name) is { } inbox)
            return new Recipient(inbox.Str("name"), "shared_inbox", [], inbox["id"]!.GetValue<int>());
        if (type is null or "workgroup" && Collection("workgroups").FindByName(name) is { } wg)
            return new Recipient(wg.Str("name"), "workgroup", [], wg["id"]!.GetValue<int>());
        if (type is null or "distribution_list" && Collection("distribution_lists").FindByName(name) is { } list)
            return new Recipient(list.Str("name"), "distribution_list",
                [.. (list["contacts"] as JsonArray ?? []).Select(c => c?["id"]?.GetValue<int>() ?? 0).Where(static i => i > 0)], null);
        if (type is null or "external_user" && name.Contains('@'))
            return new Recipient(name, "external_user", Account(name) is { } ext ? [ext["id"]!.GetValue<int>()] : [], null);
        throw Faspex5Http.BadRequest($"Recipient not found: {name}");
    }

    /// <summary>What <c>GET contacts</c> lists: users, groups and distribution lists, then stored contacts.</summary>
    public List<JsonObject> Contacts()
    {
        var all = new List<JsonObject>();
        foreach (var a in Collection("accounts").Items)
            all.Add(new JsonObject { ["id"] = a["id"]?.DeepClone(), ["name"] = a.Str("name"), ["type"] = a.Str("account_type") == "external_user" ? "external_user" : "user" });
        foreach (var (kind, type) in new[] { ("shared_inboxes", "shared_inbox"), ("workgroups", "workgroup"), ("distribution_lists", "distribution_list") })
            foreach (var g in Collection(kind).Items)
                all.Add(new JsonObject { ["id"] = g["id"]?.DeepClone(), ["name"] = g.Str("name"), ["type"] = type });
        all.AddRange(Collection("contacts").Items);
        return all;
    }
}
