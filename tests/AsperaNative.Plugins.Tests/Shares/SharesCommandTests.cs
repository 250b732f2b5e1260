using System.Text.Json.Nodes;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Shares;

/// <summary>The shares plugin against the Shares emulator: admin entities, settings singletons, directories, files (with real transfers), health.</summary>
public sealed class SharesCommandTests(SharesFixture fixture) : IClassFixture<SharesFixture>
{
    private static JsonNode Json(RunOutput r)
    {
        Assert.True(r.Exit == 0, r.Err);
        return JsonNode.Parse(r.Out)!;
    }

    [Fact]
    public void Nodes_and_shares_with_their_default_fields_and_errors()
    {
        var nodes = Json(fixture.Run("admin", "node", "list", "--format=json")).AsArray();
        Assert.Equal("node1", nodes[0]!["name"]!.ToString());
        var share = fixture.Run("admin", "share", "show", fixture.ProjectX.ToString());
        Assert.Equal(0, share.Exit);
        Assert.Contains("| percent_free | 42.5", share.Out);
        Assert.DoesNotContain("status_message", share.Out);
        var created = Json(fixture.Run("admin", "share", "create", "@json:{\"node_id\":1,\"name\":\"test1\",\"directory\":\"/test1\"}", "--format=json"));
        Assert.Equal("test1", created["name"]!.ToString());
        string id = created["id"]!.ToString();
        Assert.Equal("modified", fixture.Run("admin", "share", "modify", id, "@json:{\"name\":\"test2\"}").Out.Trim());
        Assert.Equal("test2", Json(fixture.Run("admin", "share", "show", id, "--format=json"))["name"]!.ToString());
        Assert.Contains("deleted", fixture.Run("admin", "share", "delete", id).Out);
        var missing = fixture.Run("admin", "node", "show", "99");
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("ERROR: Rest: ", missing.Error);
        Assert.Contains("404 Not Found", missing.Err);
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", fixture.Run("admin", "node", "show", "%name:node1").Error);
        Assert.Equal("ERROR: Rest: API user authentication failed", fixture.RunAs(SharesFixture.Admin, "wrong", "admin", "user", "all", "list").Error);
    }

    [Fact]
    public void Share_permissions_of_users_and_groups()
    {
        string share = fixture.ProjectX.ToString();
        var created = Json(fixture.Run("admin", "share", "user_permissions", share, "create", $"@json:{{\"user_id\":{fixture.Bob},\"browse_permission\":true,\"download_permission\":true}}", "--format=json"));
        Assert.Equal(fixture.Bob.ToString(), created["user_id"]!.ToString());
        var list = Json(fixture.Run("admin", "share", "user_permissions", share, "list", "--format=json")).AsArray();
        Assert.Contains(list, p => p!["user_id"]!.ToString() == fixture.Bob.ToString());
        var perms = Json(fixture.Run("admin", "user", "all", "share_permissions", fixture.Bob.ToString(), "list", "--format=json")).AsArray();
        Assert.NotEmpty(perms);
        Assert.Equal(0, fixture.Run("admin", "share", "group_permissions", share, "list").Exit);
        // bob now browses the share
        var browse = fixture.RunAs("bob", "B0b!pass", "files", "browse", "/project_x", "--format=json");
        Assert.Contains("plan.txt", browse.Out);
    }

    [Fact]
    public void Users_all_local_and_settings_singletons()
    {
        var all = fixture.Run("admin", "user", "all", "list");
        Assert.Equal(0, all.Exit);
        // ascli's directory_user column (a Ruby symbol) is always empty in tables
        Assert.Contains("directory_user", all.Out);
        Assert.DoesNotContain("true", all.Out.Split('\n').First(l => l.Contains("bob")));
        var created = fixture.Run("admin", "user", "local", "create", "@json:{\"username\":\"newbie\",\"password\":\"S3cure!pass\",\"email\":\"newbie@example.com\"}");
        Assert.Equal(0, created.Exit);
        Assert.Contains("| username   | newbie", created.Out);
        string id = Json(fixture.Run("admin", "user", "local", "list", "--format=json")).AsArray().First(u => u!["username"]!.ToString() == "newbie")!["id"]!.ToString();
        Assert.Equal("modified", fixture.Run("admin", "user", "local", "modify", id, "@json:{\"first_name\":\"New\"}").Out.Trim());
        Assert.Equal("New", Json(fixture.Run("admin", "user", "local", "show", id, "--format=json"))["first_name"]!.ToString());

        var settings = Json(fixture.Run("admin", "user", "all", "transfer_settings", id, "show", "--format=json"));
        Assert.IsType<JsonObject>(settings);
        Assert.Equal("modified", fixture.Run("admin", "user", "all", "transfer_settings", id, "modify", "@json:{\"target_rate\":5000}").Out.Trim());
        Assert.Equal("5000", Json(fixture.Run("admin", "user", "all", "transfer_settings", id, "list", "--format=json"))["target_rate"]!.ToString());
        Assert.Equal("ERROR: Other(RuntimeError): cannot create singleton", fixture.Run("admin", "user", "all", "app_authorizations", id, "create").Error);
        Assert.Equal("ERROR: Other(RuntimeError): cannot delete singleton", fixture.Run("admin", "user", "all", "app_authorizations", id, "delete").Error);
        Assert.Equal("modified", fixture.Run("admin", "user", "all", "app_authorizations", id, "modify", "@json:{\"app_login\":true}").Out.Trim());

        Assert.Equal(0, fixture.Run("admin", "transfer_settings", "show").Exit);
        Assert.Equal("modified", fixture.Run("admin", "transfer_settings", "modify", "@json:{\"target_rate\":100000}").Out.Trim());
        Assert.Contains("deleted", fixture.Run("admin", "user", "local", "delete", id).Out);
    }

    [Fact]
    public void Groups_members_and_directories()
    {
        var group = Json(fixture.Run("admin", "group", "local", "create", "@json:{\"name\":\"team\"}", "--format=json"));
        string gid = group["id"]!.ToString();
        Assert.Equal(0, fixture.Run("admin", "group", "local", "users", gid, "create", $"@json:{{\"user_id\":{fixture.Bob}}}").Exit);
        Assert.Contains("bob", fixture.Run("admin", "group", "all", "users", gid, "list").Out);
        Assert.Contains("team", fixture.Run("admin", "group", "all", "list").Out);

        var ldap = Json(fixture.Run("admin", "user", "ldap", "add", "--bulk=yes", "@json:[\"ldap1\",\"ldap2\"]", "--format=json")).AsArray();
        Assert.Equal(2, ldap.Count);
        Assert.All(ldap, r => Assert.Equal("added", r!["status"]!.ToString()));
        Assert.Equal(0, fixture.Run("admin", "group", "ldap", "add", "ldap_team").Exit);

        var saml = fixture.Run("admin", "user", "saml", "import", "@json:{\"id\":\"the_id\",\"Name ID\":\"the_name\",\"email\":\"s@example.com\"}", "--format=json");
        Assert.Equal("imported", Json(saml)["status"]!.ToString());
        Assert.Equal("ERROR: Other(RuntimeError): missing mandatory field: name_id", fixture.Run("admin", "user", "saml", "import", "@json:{\"id\":\"x\"}").Error);
        Assert.Equal("ERROR: Other(RuntimeError): unsupported field: phone, use: email,given_name,surname,id,name_id",
            fixture.Run("admin", "group", "saml", "import", "@json:{\"id\":\"x\",\"name_id\":\"y\",\"phone\":\"1\"}").Error);
        var tolerant = Json(fixture.Run("admin", "user", "saml", "import", "--bulk=yes", "--bfail=no", "@json:[{\"id\":\"x\"}]", "--format=json")).AsArray();
        Assert.Equal("missing mandatory field: name_id", tolerant[0]!["status"]!.ToString());
    }

    [Fact]
    public void Files_of_the_shares_with_real_transfers()
    {
        Assert.Contains("project_x", fixture.Run("files", "browse", "/").Out);
        Assert.Contains("plan.txt", fixture.Run("repository", "browse", "/project_x").Out);
        Assert.Contains("created", fixture.Run("files", "mkdir", "/project_x/sub").Out);
        Assert.Contains("created", fixture.Run("files", "mkfile", "/project_x/sub/a.txt", "hello").Out);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(fixture.Storage, "projects", "x", "sub", "a.txt")));
        Assert.Contains("moved", fixture.Run("files", "rename", "/project_x/sub", "a.txt", "b.txt").Out);
        Assert.Contains("bytes_free", fixture.Run("files", "space", "/project_x").Out);
        string local = fixture.Home.PathOf("down");
        Directory.CreateDirectory(local);
        var http = fixture.Run("files", "http_node_download", "/project_x/sub/b.txt", $"--to-folder={local}");
        Assert.Equal("downloaded: b.txt", http.Out.Trim());
        Assert.Equal("hello", File.ReadAllText(Path.Combine(local, "b.txt")));

        string upload = fixture.Home.PathOf("up.bin");
        File.WriteAllBytes(upload, [1, 2, 3, 4, 5]);
        var sent = fixture.Run("files", "upload", "--to-folder=/project_x/sub", upload, $"--ascp-path={fixture.Ascp}");
        Assert.True(sent.Exit == 0, sent.Err);
        Assert.Equal([1, 2, 3, 4, 5], File.ReadAllBytes(Path.Combine(fixture.Storage, "projects", "x", "sub", "up.bin")));
        string back = fixture.Home.PathOf("back");
        Directory.CreateDirectory(back);
        var received = fixture.Run("files", "download", "/project_x/plan.txt", $"--to-folder={back}", $"--ascp-path={fixture.Ascp}");
        Assert.True(received.Exit == 0, received.Err);
        Assert.Equal("the plan", File.ReadAllText(Path.Combine(back, "plan.txt")));

        Assert.Contains("deleted", fixture.Run("files", "delete", "/project_x/sub").Out);
        Assert.False(Directory.Exists(Path.Combine(fixture.Storage, "projects", "x", "sub")));
        var missing = fixture.Run("files", "browse", "/nope");
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("ERROR: Rest: ", missing.Error);
        Assert.Contains("/shares/node_api", Json(fixture.Run("files", "api_details", "--format=json"))["base_url"]!.ToString());
        Assert.Equal("ERROR: Other(NoMethodError): undefined method `transport_params' for an instance of Aspera::Rest", fixture.Run("files", "transport").Error);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: option not declared: sync_info", fixture.Run("files", "sync", "start").Error);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: option not declared: sync_info", fixture.Run("files", "sync", "admin", "status").Error);
    }

    [Fact]
    public void Health_and_mandatory_options()
    {
        var ok = fixture.Run("health", "--format=nagios");
        Assert.Equal("OK - [shares api:accessible]", ok.Out.Trim());
        var down = fixture.Home.Run("shares", "--url=https://127.0.0.1:1/shares", "health", "--format=json");
        Assert.Contains("critical", down.Out);
        Assert.Equal("ERROR: Argument: Missing mandatory option: username", fixture.Home.Run("shares", $"--url={fixture.Shares.Url}", "admin", "node", "list").Error);
    }
}
