// Emulator of IBM Aspera Faspex 4 (manual "Plugin: faspex: IBM Aspera Faspex v4"): API v3 under
// /aspera/faspex (Basic auth, ATOM feeds, /send, /issue-token…), public links under
// /aspera/faspex/external…, API v4 under /aspera/faspex/api with OAuth at /aspera/faspex/auth/oauth2/token.
// Package files live on a real NodeEmulator, which issues the transfer specs.
using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// A Faspex 4 server on 127.0.0.1 (HTTPS, self-signed): seed accounts, dropboxes, sources and packages
/// with the <c>Add…</c> methods, point ascli at <see cref="Url"/>. Packages are folders of
/// <see cref="Node"/>'s storage under <see cref="PackagesFolder"/>; sending and receiving get their
/// transfer specs from that node, with absolute paths of its storage.
/// </summary>
public sealed class Faspex4Emulator : IAsyncDisposable
{
    public const string BasePath = "/aspera/faspex";
    public const string Version = "4.4.2.178";
    /// <summary>Node folder holding the packages (one sub-folder per sender).</summary>
    public const string PackagesFolder = "/faspex_packages";

    private EmulatorHost _host = null!;
    private readonly NodeLink _node;
    private readonly bool _ownsNode;

    public Faspex4Store Store { get; } = new();
    /// <summary>Base URL for <c>--url</c>: <c>https://127.0.0.1:P/aspera/faspex</c>.</summary>
    public string Url => _host.Url + BasePath;
    /// <summary>The HTTP host (requests received, port).</summary>
    public EmulatorHost Host => _host;
    /// <summary>The node storing the packages and issuing transfer specs.</summary>
    public NodeEmulator Node => _node.Node;
    /// <summary>Whether <c>login/new</c> lists SAML beside password login.</summary>
    public bool SamlLogin { get; set; }

    internal NodeLink NodeLink => _node;

    private Faspex4Emulator(NodeEmulator node, bool ownsNode)
    {
        _node = new NodeLink(node);
        _ownsNode = ownsNode;
    }

    /// <summary>Starts a Faspex 4 emulator and its own node emulator serving <paramref name="storageRoot"/>.</summary>
    public static async Task<Faspex4Emulator> StartAsync(string storageRoot)
        => await Start(await NodeEmulator.StartAsync(storageRoot), ownsNode: true);

    /// <summary>Starts a Faspex 4 emulator storing its packages on an existing node emulator (not disposed with it).</summary>
    public static Task<Faspex4Emulator> StartAsync(NodeEmulator node) => Start(node, ownsNode: false);

    private static async Task<Faspex4Emulator> Start(NodeEmulator node, bool ownsNode)
    {
        var emulator = new Faspex4Emulator(node, ownsNode);
        emulator._host = await EmulatorHost.StartAsync(app =>
        {
            V3Routes.Map(app, emulator);
            PublicLinkRoutes.Map(app, emulator);
            V4Routes.Map(app, emulator);
            app.MapFallback(static ctx => Pages.NotFound(ctx));
        });
        return emulator;
    }

    // ---- seeding ----

    public Faspex4User AddUser(string name, string password, string? email = null, string firstName = "", string lastName = "", bool admin = false)
    {
        lock (Store.Lock)
        {
            var user = new Faspex4User { Id = Store.NextUserId(), Name = name, Password = password, Email = email ?? $"{name}@example.com", FirstName = firstName, LastName = lastName, IsAdmin = admin };
            Store.Users.Add(user);
            return user;
        }
    }

    public Faspex4Group AddDropbox(string name, string description = "", params Faspex4User[] members) => AddGroup(GroupKind.Dropbox, name, description, members);

    public Faspex4Group AddWorkgroup(string name, string description = "", params Faspex4User[] members) => AddGroup(GroupKind.Workgroup, name, description, members);

    private Faspex4Group AddGroup(GroupKind kind, string name, string description, Faspex4User[] members)
    {
        lock (Store.Lock)
        {
            var group = new Faspex4Group { Id = Store.NextGroupId(), Kind = kind, Name = name, Description = description, Email = $"{name}@example.com" };
            Store.Groups.Add(group);
            foreach (var user in members) AddMember(group, user);
            return group;
        }
    }

    public Membership AddMember(Faspex4Group group, Faspex4User user, bool canRead = true, bool canWrite = true)
    {
        lock (Store.Lock)
        {
            var membership = new Membership { Id = Store.NextMembershipId(), User = user, CanRead = canRead, CanWrite = canWrite };
            group.Members.Add(membership);
            return membership;
        }
    }

    /// <summary>A remote source mapped to a folder of the node (created if absent).</summary>
    public Faspex4Source AddSource(string name, string nodePath)
    {
        Directory.CreateDirectory(_node.Absolute(nodePath));
        lock (Store.Lock)
        {
            var source = new Faspex4Source { Id = Store.NextSourceId(), Name = name, NodePath = nodePath };
            Store.Sources.Add(source);
            return source;
        }
    }

    public MetadataProfile AddMetadataProfile(string name, params string[] requiredFields)
    {
        lock (Store.Lock)
        {
            var profile = new MetadataProfile { Id = Store.NextProfileId(), Name = name };
            profile.RequiredFields.AddRange(requiredFields);
            Store.MetadataProfiles.Add(profile);
            return profile;
        }
    }

    /// <summary>
    /// A delivered package: recipients are user names or e-mails, <c>*Name</c> for a dropbox or workgroup;
    /// <paramref name="files"/> (relative path → text) are written into its folder on the node.
    /// </summary>
    public Faspex4Package AddPackage(Faspex4User from, string title, IEnumerable<string> recipients, IReadOnlyDictionary<string, string>? files = null,
        string note = "", IEnumerable<KeyValuePair<string, string>>? metadata = null, DateTime? created = null)
    {
        Faspex4Package package;
        lock (Store.Lock)
        {
            var resolved = ResolveRecipients(from, recipients, checkRights: false, out string? error) ?? throw new ArgumentException(error);
            package = CreatePackage(from, title, note, metadata ?? [], resolved, created ?? DateTime.UtcNow);
        }
        string folder = _node.Absolute(package.Folder);
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files ?? new Dictionary<string, string>())
        {
            string path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return package;
    }

    /// <summary>Moves a user's delivery of a package to his archive box.</summary>
    public void Archive(Faspex4Package package, Faspex4User user)
    {
        lock (Store.Lock)
            foreach (var r in package.Recipients.Where(r => Faspex4Store.Reads(user, r))) r.Archived = true;
    }

    /// <summary>The public link of a package (<c>external_deliveries/&lt;id&gt;?passcode=…</c>), created on first call.</summary>
    public string PublicLink(Faspex4Package package)
    {
        lock (Store.Lock) package.ExternalDelivery ??= (Store.NextExternalId(), Guid.NewGuid().ToString("N"));
        var (id, passcode) = package.ExternalDelivery.Value;
        return $"{Url}/external_deliveries/{id}?passcode={passcode}";
    }

    /// <summary>The public submission link of a user: outsiders send packages to him.</summary>
    public string SubmissionLink(Faspex4User user) => $"{Url}/external/submissions/new?passcode={user.SubmissionPasscode}";

    /// <summary>The public submission link of a dropbox.</summary>
    public string SubmissionLink(Faspex4Group dropbox) => $"{Url}/external/dropbox_submissions/new?passcode={dropbox.SubmissionPasscode}";

    // ---- shared by seeding and the send routes (callers hold Store.Lock) ----

    /// <summary>The recipients named, or null with the error Faspex gives.</summary>
    internal List<Recipient>? ResolveRecipients(Faspex4User? sender, IEnumerable<string> names, bool checkRights, out string? error)
    {
        var list = new List<Recipient>();
        error = null;
        foreach (string name in names)
        {
            if (name.StartsWith('*'))
            {
                var group = Store.GroupByName(name[1..]);
                if (group is null) { error = $"Recipient not found: {name}"; return null; }
                if (checkRights && sender is not null && group.MemberOf(sender) is not { CanWrite: true })
                {
                    error = $"You are not allowed to send to {(group.Kind == GroupKind.Dropbox ? "dropbox" : "workgroup")} {group.Name}";
                    return null;
                }
                list.Add(new Recipient { DeliveryId = Store.NextRecipientDeliveryId(), Name = group.Name, Email = group.Email, Group = group });
                continue;
            }
            var user = Store.UserByNameOrEmail(name);
            if (user is null && !name.Contains('@')) { error = $"Recipient not found: {name}"; return null; }
            list.Add(new Recipient { DeliveryId = Store.NextRecipientDeliveryId(), Name = user?.Name ?? name, Email = user?.Email ?? name, User = user });
        }
        if (list.Count == 0) error = "Please specify at least one recipient";
        return error is null ? list : null;
    }

    internal Faspex4Package CreatePackage(Faspex4User sender, string title, string note, IEnumerable<KeyValuePair<string, string>> metadata, List<Recipient> recipients, DateTime created)
    {
        int id = Store.NextPackageId();
        string safeTitle = title.Replace('/', '_');
        var package = new Faspex4Package
        {
            Id = id, DeliveryId = Store.NextDeliveryId(), Uuid = Guid.NewGuid().ToString(), Title = title, Note = note, Sender = sender, Created = created,
            Folder = $"{PackagesFolder}/{sender.Name}/{created.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{id}.aspera-package/PKG - {safeTitle}",
        };
        package.Metadata.AddRange(metadata);
        package.Recipients.AddRange(recipients);
        Store.Packages.Add(package);
        return package;
    }

    /// <summary>Transfer tags Faspex puts on package transfers (what notification templates read).</summary>
    internal static JsonObject Tags(Faspex4Package package)
    {
        var metadata = new JsonObject { ["_pkg_uuid"] = package.Uuid, ["_pkg_name"] = package.Title, ["_pkg_note"] = package.Note };
        foreach (var (k, v) in package.Metadata) metadata[k] = v;
        var recipients = new JsonArray([.. package.Recipients.Select(static r => (JsonNode)new JsonObject { ["email"] = r.Email, ["name"] = r.Name })]);
        return new JsonObject { ["aspera"] = new JsonObject { ["faspex"] = new JsonObject { ["metadata"] = metadata, ["recipients"] = recipients, ["package_id"] = package.Uuid } } };
    }

    internal static string Cookie(Faspex4Package package) => $"aspera.faspex:{package.Uuid}";

    /// <summary>The internal user of Basic credentials, or null.</summary>
    internal Faspex4User? Authenticate(HttpContext ctx)
    {
        if (EmulatorHost.Basic(ctx) is not { } credentials) return null;
        lock (Store.Lock) return Store.UserByName(credentials.User) is { } u && u.Password == credentials.Password ? u : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _node.Dispose();
        if (_ownsNode) await _node.Node.DisposeAsync();
    }
}
