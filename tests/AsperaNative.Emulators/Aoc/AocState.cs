using System.Globalization;
using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// Everything the emulated organization holds: entity tables by API path, the organization object,
/// per-user preferences, package recipient states, url tokens (public links), events, analytics.
/// One lock guards it all (<see cref="Lock"/>); route handlers take it for each request.
/// </summary>
public sealed class AocState
{
    private long _nextId = 1000;

    public Lock Lock { get; } = new();
    public string Organization { get; }
    public JsonObject Org { get; }
    public JsonObject TierRestrictions { get; }
    public Dictionary<string, EntityTable> Tables { get; } = new(StringComparer.Ordinal);
    /// <summary>users/&lt;id&gt;/user_interaction_preferences.</summary>
    public Dictionary<string, JsonObject> Preferences { get; } = new(StringComparer.Ordinal);
    /// <summary>Public links: url token value → token object (<c>id, purpose, data, password</c>).</summary>
    public Dictionary<string, JsonObject> UrlTokens { get; } = new(StringComparer.Ordinal);
    /// <summary>Per-recipient package state (<c>archived</c>, <c>deleted</c>): key <c>&lt;package id&gt;|&lt;user id&gt;</c>.</summary>
    public Dictionary<string, JsonObject> PackageStates { get; } = new(StringComparer.Ordinal);
    /// <summary>aspera.pub short link code → target URL.</summary>
    public Dictionary<string, string> ShortUrls { get; } = new(StringComparer.Ordinal);
    /// <summary>Events posted by clients (<c>POST /api/v1/events</c>), e.g. permission.created.</summary>
    public List<JsonObject> Events { get; } = [];
    /// <summary>E-mail addresses <c>organization_reminders</c> was called for.</summary>
    public List<string> Reminders { get; } = [];
    /// <summary>Analytics transfer events (<c>/analytics/v2/…/transfers</c>).</summary>
    public List<JsonObject> TransferEvents { get; } = [];
    public List<JsonObject> ApplicationEvents { get; } = [];
    /// <summary>Authorization codes of the web grant: code → user id.</summary>
    public Dictionary<string, string> AuthorizationCodes { get; } = new(StringComparer.Ordinal);
    /// <summary>The <c>bssSubscription</c> object answered by the BSS GraphQL API.</summary>
    public JsonObject Subscription { get; }

    public AocState(string organization)
    {
        Organization = organization;
        Org = new JsonObject
        {
            ["id"] = NewId(), ["name"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(organization) + " Org", ["subdomain_name"] = organization,
            ["http_gateway_enabled"] = false, ["created_at"] = Now(), ["logo_url"] = null,
        };
        TierRestrictions = new JsonObject { ["id"] = Org["id"]!.ToString(), ["tier"] = "enterprise", ["max_workspaces"] = 1000, ["max_users"] = 100000, ["shared_inboxes"] = true, ["automation"] = true };
        Subscription = new JsonObject
        {
            ["aocVersion"] = "4", ["startDate"] = "2024-01-01", ["endDate"] = "2026-12-31", ["termMonths"] = 36, ["plan"] = "enterprise", ["trial"] = false, ["termType"] = "committed",
            ["aocOrganizations"] = new JsonArray(new JsonObject { ["id"] = Org["id"]!.ToString() }),
        };
        foreach (string path in new[]
        {
            "users", "groups", "group_memberships", "clients", "contacts", "dropboxes", "dropbox_memberships", "nodes", "operations",
            "packages", "saml_configurations", "workspaces", "workspace_memberships", "short_links", "admin/apps_new",
            "admin/client_registration_tokens", "admin/client_access_keys", "integrations/kms_profiles", "admin/auth_providers",
            "usage_reports", "workflow_instances", "automation/workflows", "automation/steps", "automation/actions", "ats/access_keys",
        })
            Tables[path] = new EntityTable(path);
        foreach (string path in new[] { "groups", "workspaces", "dropboxes", "nodes", "clients", "saml_configurations", "automation/workflows" }) Tables[path].UniqueName = true;
        // ATS takes the key's own id in a modification (ascli sends it)
        Tables["ats/access_keys"].ReadOnlyFields.Remove("id");
        Tables["users"].RequiredFields.Add("email");
        foreach (string path in new[] { "groups", "workspaces", "dropboxes", "nodes", "clients" }) Tables[path].RequiredFields.Add("name");
        Tables["groups"].ReadOnlyFields.UnionWith(["manager", "owner", "system_group", "system_group_type", "member_count", "queued_operation_count", "running_operation_count", "stopped_operation_count"]);
        Tables["users"].ReadOnlyFields.UnionWith(["organization_id", "last_login_at"]);
        Tables["workspaces"].ReadOnlyFields.UnionWith(["home_file_id", "home_container_file_id"]);
    }

    public EntityTable this[string path] => Tables[path];

    /// <summary>A new numeric id, unique in the organization.</summary>
    public string NewId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>A new package-style id: 10 letters/digits, unique (a counter through a bijection of 57^10).</summary>
    public string NewPackageId()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        const long space = 362_033_331_456_891_249; // 57^10
        long n = (long)((UInt128)(ulong)Interlocked.Increment(ref _nextId) * 1_000_003UL % (UInt128)space);
        var chars = new char[10];
        for (int i = chars.Length - 1; i >= 0; i--, n /= alphabet.Length) chars[i] = alphabet[(int)(n % alphabet.Length)];
        return new string(chars);
    }

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    // ---- relations used by several routes ----

    public JsonObject? User(string? id) => id is null ? null : Tables["users"].Find(id);

    public JsonObject? UserByEmail(string email)
        => Tables["users"].All().FirstOrDefault(u => string.Equals(u["email"]?.ToString(), email, StringComparison.OrdinalIgnoreCase));

    public bool IsAdmin(string? userId) => User(userId)?["organization_admin"]?.GetValue<bool>() == true;

    /// <summary>Ids of the groups the user belongs to.</summary>
    public HashSet<string> GroupsOf(string userId)
        => [.. Tables["group_memberships"].All().Where(m => m["member_type"]?.ToString() == "user" && m["member_id"]?.ToString() == userId).Select(m => m["group_id"]!.ToString())];

    /// <summary>Whether the user is a member of the workspace, directly or through a group.</summary>
    public bool InWorkspace(string userId, string workspaceId)
    {
        var groups = GroupsOf(userId);
        return Tables["workspace_memberships"].All().Any(m => m["workspace_id"]?.ToString() == workspaceId
            && (m["member_type"]?.ToString() == "user" && m["member_id"]?.ToString() == userId
                || m["member_type"]?.ToString() == "group" && groups.Contains(m["member_id"]?.ToString() ?? "")));
    }

    /// <summary>Whether the user is a member of the shared inbox, directly or through a group.</summary>
    public bool InDropbox(string userId, string dropboxId)
    {
        var groups = GroupsOf(userId);
        return Tables["dropbox_memberships"].All().Any(m => m["dropbox_id"]?.ToString() == dropboxId
            && (m["member_type"]?.ToString() == "user" && m["member_id"]?.ToString() == userId
                || m["member_type"]?.ToString() == "group" && groups.Contains(m["member_id"]?.ToString() ?? "")));
    }
}
