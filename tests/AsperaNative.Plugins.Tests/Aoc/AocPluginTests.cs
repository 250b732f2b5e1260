using System.Text.Json.Nodes;
using AsperaNative.Emulators.Aoc;

namespace AsperaNative.Plugins.Tests.Aoc;

/// <summary>The aoc plugin in-process against the AoC emulator: JWT login, user, workspace, files, packages, admin.</summary>
public sealed class AocPluginTests(AocFixture fixture) : IClassFixture<AocFixture>
{
    private static JsonNode Json(string text) => JsonNode.Parse(text[text.IndexOfAny(['{', '['])..])!;

    [Fact]
    public void JwtLoginReadsTheOrganizationAndCachesTheTokenPerOrganizationAndUser()
    {
        var run = fixture.Run("organization", "--format=json");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("myorg", Json(run.Out)["subdomain_name"]!.ToString());
        string cache = Path.Combine(fixture.Home.ConfigFolder, "persist_store", "token_api_ibmaspera_com_jwt_myorg_john_doe@example_com_user_all.txt");
        Assert.True(File.Exists(cache), string.Join(",", Directory.GetFiles(Path.GetDirectoryName(cache)!)));
        var token = fixture.Run("bearer_token");
        Assert.StartsWith("Bearer ", token.Out);
        string payload = token.Out.Trim()["Bearer ".Length..].Split('.')[1];
        var claims = JsonNode.Parse(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')))!;
        Assert.Contains(fixture.Aoc.OAuth.Issued, c => c["jti"]!.ToString() == claims["jti"]!.ToString() && c["scope"]!.ToString() == "user:all");
    }

    [Fact]
    public void BadKeyGivesTheRecordedInvalidGrantError()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        string key = fixture.Home.PathOf("other.pem");
        File.WriteAllText(key, other.ExportPkcs8PrivateKeyPem());
        var run = fixture.Home.Run("aoc", $"--url={fixture.Aoc.OrgUrl}", "--username=john.doe@example.com", $"--private-key=@file:{key}",
            $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "--cache-tokens=no", "organization");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Rest: invalid_grant", run.Error);
        Assert.Contains("Invalid JWT signature or public key not set in profile", run.Err);
    }

    [Fact]
    public void MissingOptionsAreReportedBeforeAnyCall()
    {
        var noUrl = fixture.Home.Run("aoc", "organization");
        Assert.Equal("ERROR: Tool: Missing option: url", noUrl.Error);
        var noKey = fixture.Home.Run("aoc", $"--url={fixture.Aoc.OrgUrl}", "--username=john.doe@example.com", $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "organization");
        Assert.Equal("ERROR: Other(ArgumentError): Missing mandatory option: private_key", noKey.Error);
    }

    [Fact]
    public void UserProfileAndWorkspaces()
    {
        var profile = fixture.Run("user", "profile", "show", "--format=json");
        Assert.True(profile.Exit == 0, profile.Err);
        Assert.Equal("john.doe@example.com", Json(profile.Out)["email"]!.ToString());
        var list = fixture.Run("user", "workspaces", "list", "--format=csv");
        Assert.Contains("Default Workspace", list.Out);
        Assert.StartsWith("Items: 1/1", list.Out);
        var current = fixture.Run("user", "workspaces", "current", "--format=json");
        Assert.Equal(fixture.Workspace["id"]!.ToString(), Json(current.Out)["id"]!.ToString());
        var named = fixture.Run("user", "workspaces", "current", "--workspace=Default Workspace", "--format=json");
        Assert.Equal("Default Workspace", Json(named.Out)["name"]!.ToString());
        var unknown = fixture.Run("user", "workspaces", "current", "--workspace=Nowhere");
        Assert.Equal("ERROR: Other(RuntimeError): No such workspaces: \"Nowhere\"", unknown.Error);
    }

    [Fact]
    public void FilesBrowseFindMkdirRenameDelete()
    {
        var browse = fixture.Run("files", "browse", "/", "--format=csv", "--fields=name");
        Assert.True(browse.Exit == 0, browse.Err);
        Assert.StartsWith("Workspace: Default Workspace", browse.Out);
        Assert.Contains("todo.txt", browse.Out);
        var find = fixture.Run("files", "find", "/", "*.txt", "--format=csv");
        Assert.Contains("/photos/notes.txt", find.Out);
        Assert.Contains("/todo.txt", find.Out);
        var mkdir = fixture.Run("files", "mkdir", "/made");
        Assert.Contains("created: made", mkdir.Out);
        Assert.True(Directory.Exists(Path.Combine(fixture.HomeFolder, "made")));
        var rename = fixture.Run("files", "rename", "/made", "renamed");
        Assert.Contains("renamed to renamed", rename.Out);
        Assert.True(Directory.Exists(Path.Combine(fixture.HomeFolder, "renamed")));
        var delete = fixture.Run("files", "delete", "/renamed");
        Assert.True(delete.Exit == 0, delete.Err);
        Assert.False(Directory.Exists(Path.Combine(fixture.HomeFolder, "renamed")));
        var missing = fixture.Run("files", "browse", "/missing");
        Assert.Equal("ERROR: Other(RuntimeError): entry not found: [\"missing\"]", missing.Error);
        // the node calls carry the AoC node token of the access key
        Assert.Contains(fixture.Aoc.Requests, r => r.Host.StartsWith(fixture.Aoc.Options.NodeHost, StringComparison.Ordinal) && r.Authorization.StartsWith("Bearer ", StringComparison.Ordinal));
    }

    [Fact]
    public void FilesNodeInfoGivesTheNodeTokenAndPermissionsTellAoc()
    {
        var info = fixture.Run("files", "node_info", "/", "--format=json", "--show-secrets=yes");
        Assert.True(info.Exit == 0, info.Err);
        var data = Json(info.Out);
        Assert.Equal(fixture.Aoc.Options.NodeAccessKey, data["username"]!.ToString());
        Assert.StartsWith("Bearer ", data["password"]!.ToString());
        var create = fixture.Run("files", "permission", "/photos", "create", "@json:{\"access_type\":\"user\",\"access_id\":\"" + fixture.Ann["id"] + "\"}", "--format=json");
        Assert.True(create.Exit == 0, create.Err);
        Assert.Contains(fixture.Aoc.Requests, r => r.Method == "POST" && r.Path == "/api/v1/events" && r.Body.Contains("permission.created"));
        var list = fixture.Run("files", "permission", "/photos", "list", "--format=csv", "--fields=access_id");
        Assert.Contains(fixture.Ann["id"]!.ToString(), list.Out);
    }

    [Fact]
    public void PrivateShortLinkOnAFolder()
    {
        var create = fixture.Run("files", "short_link", "/photos", "private", "create", "--format=json");
        Assert.True(create.Exit == 0, create.Err);
        Assert.Equal("shared_folder_auth_link", Json(create.Out)["purpose"]!.ToString());
        var list = fixture.Run("files", "short_link", "/photos", "private", "list", "--format=json");
        Assert.True(list.Exit == 0, list.Err);
        Assert.Contains(Json(create.Out)["id"]!.ToString(), list.Out);
    }

    [Fact]
    public void PackagesListShowAndOnceOnlyReceiveInit()
    {
        var list = fixture.Run("packages", "list", "--format=csv");
        Assert.True(list.Exit == 0, list.Err);
        Assert.Contains("NDA", list.Out);
        string id = fixture.Package["id"]!.ToString();
        var show = fixture.Run("packages", "show", id, "--format=json");
        Assert.Equal("NDA", Json(show.Out)["name"]!.ToString());
        var browse = fixture.Run("packages", "browse", id, "/", "--format=csv", "--fields=name");
        Assert.Contains("nda.txt", browse.Out);
        var init = fixture.Run("packages", "receive", "INIT", "--once-only=yes");
        Assert.True(init.Exit == 0, init.Err);
        Assert.Contains("Initialized skip for 1 package(s)", init.Out);
        var again = fixture.Run("packages", "receive", "ALL", "--once-only=yes");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("found 0 package(s).", again.Out);
        var noOnce = fixture.Run("packages", "receive", "INIT");
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: Only with option once_only", noOnce.Error);
    }

    [Fact]
    public void AdminUsersPageWithTotalAndLookupByName()
    {
        var list = fixture.Run("admin", "user", "list", "--query=@json:{\"per_page\":1}", "--format=csv");
        Assert.True(list.Exit == 0, list.Err);
        Assert.StartsWith("Items: 2/2", list.Out);
        Assert.Contains(fixture.Aoc.Requests, r => r.Path == "/api/v1/users" && r.Query.Contains("page=3"));
        var show = fixture.Run("admin", "workspace", "show", "%name:Default Workspace", "--format=json");
        Assert.True(show.Exit == 0, show.Err);
        Assert.Equal(fixture.Workspace["id"]!.ToString(), Json(show.Out)["id"]!.ToString());
        var none = fixture.Run("admin", "group", "show", "%name:Nobody");
        Assert.Equal("ERROR: Other(RuntimeError): No such groups: \"Nobody\"", none.Error);
    }

    [Fact]
    public void AdminBulkCreateAndDeleteGroups()
    {
        var create = fixture.Run("admin", "group", "create", "--bulk=yes", "@json:[{\"name\":\"g1\"},{\"name\":\"g2\"}]", "--format=json");
        Assert.True(create.Exit == 0, create.Err);
        var created = Json(create.Out).AsArray();
        Assert.Equal(2, created.Count);
        Assert.All(created, c => Assert.Equal("created", c!["status"]!.ToString()));
        var ids = new JsonArray([.. created.Select(c => (JsonNode)c!["id"]!.ToString())]);
        var delete = fixture.Run("admin", "group", "delete", "--bulk=yes", "@json:" + ids.ToJsonString(), "--format=json");
        Assert.True(delete.Exit == 0, delete.Err);
        Assert.All(Json(delete.Out).AsArray(), c => Assert.Equal("deleted", c!["status"]!.ToString()));
        // admin calls use an admin:all token
        Assert.Contains(fixture.Aoc.Requests, r => r.Path.EndsWith("/token", StringComparison.Ordinal) && r.Body.Contains("scope=admin%3Aall"));
    }

    [Fact]
    public void ReminderAndServersNeedNoLogin()
    {
        var reminder = fixture.Home.Run("aoc", "reminder", "--username=john.doe@example.com", $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes");
        Assert.True(reminder.Exit == 0, reminder.Err);
        Assert.Equal("List of organizations user is member of, has been sent by e-mail to john.doe@example.com", reminder.Out.Trim());
        var servers = fixture.Home.Run("aoc", "servers", $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "--format=json");
        Assert.True(servers.Exit == 0, servers.Err);
    }

    [Fact]
    public void PublicLinkToASharedFolderNeedsNoLogin()
    {
        string home = fixture.Aoc.Seed.HomeFileId(fixture.Workspace, fixture.John)!;
        var (url, _) = fixture.Aoc.Seed.AddPublicLink("view_shared_file", new JsonObject
        {
            ["node_id"] = fixture.Aoc.NodeEntity["id"]!.ToString(),
            ["file_id"] = home,
            ["workspace_id"] = fixture.Workspace["id"]!.ToString(),
        }, createdBy: fixture.John);
        var run = fixture.Home.Run("aoc", $"--url={url}", $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "files", "browse", "/", "--format=csv", "--fields=name");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("todo.txt", run.Out);
        Assert.Contains(fixture.Aoc.Requests, static r => r.Path == "/api/v1/oauth2/token" && r.Query.Contains("grant_type=url_token"));
        var send = fixture.Home.Run("aoc", $"--url={url}", $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "packages", "send", "@json:{\"name\":\"x\"}", "a.txt");
        Assert.StartsWith("ERROR: Other(Aspera::AssertError): assertion failed: public link type: expecting one of", send.Error);
    }

    [Fact]
    public void AdminModifyGivesTheIdAndStatus()
    {
        var create = fixture.Run("admin", "group", "create", "@json:{\"name\":\"to modify\"}", "--format=json");
        Assert.True(create.Exit == 0, create.Err);
        var created = Json(create.Out);
        Assert.Equal("created", created["status"]!.ToString());
        string id = created["id"]!.ToString();
        var modify = fixture.Run("admin", "group", "modify", id, "@json:{\"description\":\"changed\"}", "--format=json");
        Assert.True(modify.Exit == 0, modify.Err);
        Assert.Equal("modified", Json(modify.Out)["status"]!.ToString());
        var show = fixture.Run("admin", "group", "show", id, "--format=json");
        Assert.Equal("changed", Json(show.Out)["description"]!.ToString());
        fixture.Run("admin", "group", "delete", id);
    }
}
