using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Core.Logging;
using AsperaNative.Emulators.Faspex5;
using AsperaNative.Plugins.Faspex5.Servers;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Faspex5;

/// <summary>
/// ascli faspex5 run in-process against the Faspex 5 emulator: JWT, boot and public link authentication, packages
/// (list, show, browse, status, send and receive of real files with the stand-in ascp, --once-only), admin entities
/// (bulk, %name: lookups, members, invitations of external collaborators, SMTP test job), and ascli's error lines.
/// </summary>
public sealed class Faspex5PluginTests : IAsyncLifetime
{
    private const string ClientId = "aspera_cli_f5";
    private const string Admin = "admin@example.com", Alice = "alice@example.com", Bob = "bob@example.com";
    private static readonly RSA AliceKey = RSA.Create(2048);

    private readonly string _work = Directory.CreateTempSubdirectory("f5plugin-").FullName;
    private readonly CliHome _home = new();
    private Faspex5Emulator _f5 = null!;
    private string _keyFile = "";

    public async Task InitializeAsync()
    {
        _keyFile = Path.Combine(_work, "alice.pem");
        await File.WriteAllTextAsync(_keyFile, AliceKey.ExportRSAPrivateKeyPem());
        _f5 = await Faspex5Emulator.StartAsync(Path.Combine(_work, "storage"), s =>
        {
            s.AddClient(ClientId);
            s.AddUser(Admin, admin: true, firstName: "Ad", lastName: "Min");
            s.AddUser(Alice, AliceKey.ExportSubjectPublicKeyInfoPem(), admin: true);
            s.AddUser(Bob, firstName: "Bob", lastName: "Stone");
            s.AddSharedInbox(41, "Legal", Bob);
            s.AddWorkgroup(51, "Engineering", Alice);
            s.AddPackage(Admin, "Report", [Alice], new Dictionary<string, string> { ["a.txt"] = "alpha", ["d/b.txt"] = "beta" }, id: "pk1XyZ");
            s.AddPackage(Admin, "Draft", [Alice], new Dictionary<string, string> { ["c.txt"] = "gamma" }, id: "pk2XyZ");
            s.AddSharedFolder("Marketing", "/mkt", id: 3);
            Directory.CreateDirectory(Path.Combine(s.Docroot, "mkt", "2024"));
        });
    }

    public async Task DisposeAsync()
    {
        await _f5.DisposeAsync();
        _home.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private RunOutput Jwt(params string[] args)
        => _home.Run(["faspex5", $"--url={_f5.Url}", "--insecure=yes", "--auth=jwt", $"--client-id={ClientId}", $"--username={Alice}", $"--private-key=@file:{_keyFile}", .. args]);

    private RunOutput Boot(string user, params string[] args)
        => _home.Run(["faspex5", $"--url={_f5.Url}", "--insecure=yes", "--auth=boot", $"--password={_f5.BootToken(user)}", .. args]);

    private static void Ok(RunOutput run) => Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Err}\n{run.Out}");

    [Fact]
    public void Jwt_login_caches_the_token_and_bearer_token_prints_it()
    {
        var profile = Jwt("user", "profile", "show", "--format=json");
        Ok(profile);
        var token = Jwt("bearer_token");
        Ok(token);
        Assert.StartsWith("Bearer ey", token.Out.Trim());
        // one grant for both runs: the second took the cached token
        Assert.Single(_f5.RequestLines(), static l => l.StartsWith("POST /aspera/faspex/auth/token", StringComparison.Ordinal));
        string cache = Path.Combine(_home.ConfigFolder, "persist_store");
        // https URLs are reduced to their host, as ascli names its cache files
        Assert.Contains(Directory.GetFiles(cache), static f => Path.GetFileName(f).StartsWith("token_127_0_0_1_jwt_", StringComparison.Ordinal) && f.EndsWith("alice@example_com.txt", StringComparison.Ordinal));
        var account = Jwt("user", "account", "--format=json");
        Ok(account);
        Assert.Contains(Alice, account.Out);
    }

    [Fact]
    public void Jwt_with_a_key_that_is_not_pem_is_refused_in_asclis_words()
    {
        var run = _home.Run("faspex5", $"--url={_f5.Url}", "--insecure=yes", $"--client-id={ClientId}", $"--username={Alice}", $"--private-key={_keyFile}", "version");
        Assert.Equal(1, run.Exit);
        Assert.StartsWith("ERROR: Other(OpenSSL::PKey::RSAError): Neither PUB key nor PRIV key", run.Error);
        Assert.Contains("--private-key=@file:", run.Err);
    }

    [Fact]
    public void Boot_has_no_oauth_token_and_mandatory_options_are_named()
    {
        var token = Boot(Alice, "bearer_token");
        Assert.Equal(1, token.Exit);
        Assert.StartsWith("ERROR: Other(Aspera::AssertError): assertion failed: no OAuth defined", token.Error);
        var noUrl = _home.Run("faspex5", "version");
        Assert.Equal("ERROR: Argument: Missing mandatory option: url", noUrl.Error);
        var noPassword = _home.Run("faspex5", $"--url={_f5.Url}", "--auth=boot", "version");
        Assert.Equal("ERROR: Argument: Missing mandatory option: password", noPassword.Error);
    }

    [Fact]
    public void Version_and_health()
    {
        var version = Boot(Alice, "version", "--format=json");
        Ok(version);
        Assert.Contains("5.0.10", version.Out);
        var health = Boot(Alice, "health", "--format=nagios");
        Assert.Contains("OK", health.Out);
    }

    [Fact]
    public void Packages_list_show_status_browse_and_box_errors()
    {
        var list = Boot(Alice, "packages", "list", "--format=csv", "--fields=id,title");
        Ok(list);
        Assert.Contains("pk1XyZ,Report", list.Out);
        Assert.Contains("pk2XyZ,Draft", list.Out);
        _f5.Host.Requests.Clear();
        var paged = Boot(Alice, "packages", "list", "--format=csv", "--fields=id", "--query=@json:{\"limit\":1}");
        Ok(paged);
        Assert.Equal(2, paged.Out.Trim().Split('\n').Length);
        Assert.Contains(_f5.RequestLines(), static l => l.Contains("inbox/packages?limit=1&offset=1", StringComparison.Ordinal));
        var show = Boot(Alice, "packages", "show", "pk1XyZ", "--format=json");
        Ok(show);
        Assert.Contains("Report", show.Out);
        var status = Boot(Alice, "packages", "status", "pk1XyZ", "--format=json");
        Ok(status);
        Assert.Contains("\"id\":\"pk1XyZ\"", status.Out);
        var browse = Boot(Alice, "packages", "browse", "pk1XyZ", "/", "--format=csv", "--fields=basename", "--query=@json:{\"recursive\":true}");
        Ok(browse);
        Assert.Contains("b.txt", browse.Out);
        var badBox = Boot(Alice, "packages", "browse", "pk1XyZ", "--box=pending");
        Assert.Equal("ERROR: Other(RuntimeError): Browse only available for inbox and outbox", badBox.Error);
        var selector = Boot(Alice, "packages", "show", "%name:x");
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", selector.Error);
        var group = Boot(Bob, "packages", "list", "--box=Nowhere");
        Assert.Equal("ERROR: Other(RuntimeError): No shared_inboxes with name = Nowhere", group.Error);
    }

    [Fact]
    public void Public_link_shows_its_package_without_an_id()
    {
        var run = _home.Run("faspex5", $"--url={_f5.PublicPackageLink("pk1XyZ")}", "--insecure=yes", "packages", "show", "--format=json");
        Ok(run);
        Assert.Contains("pk1XyZ", run.Out);
    }

    [Fact]
    public void Send_then_receive_real_files_and_once_only_skips_what_was_received()
    {
        string source = Path.Combine(_work, "report.txt");
        File.WriteAllText(source, "quarterly numbers\n");
        var send = Jwt("packages", "send", $"@json:{{\"title\":\"sent by ascli\",\"recipients\":[\"{Bob}\"]}}", source, $"--ascp-path={StandInAscp()}");
        Ok(send);
        Assert.Contains(_f5.RequestLines(), static l => l.StartsWith("GET /aspera/faspex/api/v5/contacts?context=packages&type[]=user", StringComparison.Ordinal));
        string id = _f5.State.Packages.Single(p => p.Title == "sent by ascli").Id;

        string into = Path.Combine(_work, "received");
        Directory.CreateDirectory(into);
        string[] receive = ["packages", "receive", "ALL", "--once-only=yes", $"--username={Bob}", $"--to-folder={into}", $"--ascp-path={StandInAscp()}", "--format=csv"];
        var first = Boot(Bob, receive);
        Ok(first);
        Assert.Contains($"{id},success", first.Out);
        Assert.Equal("quarterly numbers\n", File.ReadAllText(Path.Combine(into, "report.txt")));
        string state = Directory.GetFiles(Path.Combine(_home.ConfigFolder, "persist_store"), "faspex_recv_*").Single();
        Assert.EndsWith("_bob@example_com_inbox.txt", state);
        Assert.Equal($"[\"{id}\"]", File.ReadAllText(state));
        var second = Boot(Bob, receive);
        Ok(second);
        Assert.DoesNotContain(id, second.Out);

        var init = Boot(Alice, "packages", "receive", "INIT", "--once-only=yes", $"--username={Alice}");
        Ok(init);
        Assert.Equal("Initialized skip for 2 package(s)", init.Out.Trim());
        var noOnce = Boot(Alice, "packages", "receive", "INIT");
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: Only with option once_only", noOnce.Error);
    }

    [Fact]
    public void Send_without_files_and_with_unknown_recipient_fail_as_ascli()
    {
        var unknown = Boot(Alice, "packages", "send", "@json:{\"title\":\"t\",\"recipients\":[\"nobody@nowhere\"]}", "x");
        Assert.Equal("ERROR: Other(RuntimeError): No such contacts: \"nobody@nowhere\"", unknown.Error);
        var noFile = Boot(Alice, "packages", "send", $"@json:{{\"title\":\"t\",\"recipients\":[\"{Bob}\"]}}");
        Assert.Equal("ERROR: Argument: missing argument: source file list", noFile.Error);
    }

    [Fact]
    public void Delete_packages_in_bulk_and_ids_must_be_strings()
    {
        var wrong = Boot(Admin, "packages", "delete", "--bulk=yes", "@json:[1]");
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: Package id(s) shall be String, but have: Integer", wrong.Error);
        var run = Boot(Admin, "packages", "delete", "--bulk=yes", "@json:[\"pk1XyZ\",\"pk2XyZ\"]");
        Ok(run);
        Assert.Equal("Package(s) deleted", run.Out.Trim());
    }

    [Fact]
    public void Admin_entities_bulk_create_lookup_and_delete()
    {
        var created = Boot(Admin, "admin", "accounts", "create", "--bulk=yes", "--format=csv",
            "@json:[{\"email\":\"c1@example.com\",\"account_type\":\"local_user\"},{\"email\":\"c2@example.com\",\"account_type\":\"local_user\"}]");
        Ok(created);
        Assert.Equal(2, created.Out.Trim().Split('\n').Count(static l => l.EndsWith(",created", StringComparison.Ordinal)));
        var show = Boot(Admin, "admin", "accounts", "show", "%name:c1@example.com", "--format=json");
        Ok(show);
        Assert.Contains("c1@example.com", show.Out);
        var list = Boot(Admin, "admin", "accounts", "list", "--format=csv", "--fields=name");
        Ok(list);
        Assert.Contains("c2@example.com", list.Out);
        var missing = Boot(Admin, "admin", "accounts", "show", "%name:zz@example.com");
        Assert.Equal("ERROR: Other(RuntimeError): No accounts with name = zz@example.com", missing.Error);
        var notName = Boot(Admin, "admin", "accounts", "show", "%email:zz@example.com");
        Assert.StartsWith("ERROR: Other(Aspera::AssertError): assertion failed: Default query is on name only", notName.Error);
        var reset = Boot(Admin, "admin", "accounts", "reset_password", "%name:c1@example.com");
        Ok(reset);
        Assert.Equal("password reset, user shall check email", reset.Out.Trim());
        var deprecated = Boot(Admin, "admin", "resource", "accounts", "list", "--format=csv", "--fields=name");
        Ok(deprecated);
        Assert.Contains("resource command is deprecated (4.18), directly use the specific command instead", deprecated.Err);
    }

    [Fact]
    public void Shared_inbox_members_invitations_and_workgroup_lookup()
    {
        var add = Boot(Admin, "admin", "shared_inboxes", "members", "%name:Legal", "create", $"%name:{Alice}", "submit_only", "--format=json");
        Ok(add);
        Assert.Contains("created", add.Out);
        var members = Boot(Admin, "admin", "shared_inboxes", "members", "41", "list", "--format=csv", "--fields=name,access");
        Ok(members);
        Assert.Contains($"{Alice},submit_only", members.Out);
        var badLevel = Boot(Admin, "admin", "shared_inboxes", "members", "41", "create", "7", "boss");
        Assert.StartsWith("ERROR: Argument:", badLevel.Error);
        var invite = Boot(Admin, "admin", "workgroups", "invite_external_collaborator", "%name:Engineering", "partner@ext.com", "--format=json");
        Ok(invite);
        Assert.Contains("partner@ext.com", invite.Out);
        var workgroups = Boot(Admin, "admin", "workgroup", "list", "--format=csv", "--fields=id,name", "--query=@json:{\"all\":true}");
        Ok(workgroups);
        Assert.Contains("51,Engineering", workgroups.Out);
    }

    [Fact]
    public void Configuration_smtp_test_events_and_shared_folders()
    {
        var configuration = Boot(Admin, "admin", "configuration", "show", "--format=json");
        Ok(configuration);
        Assert.Contains("days_before_deleting_package_records", configuration.Out);
        var smtp = Boot(Admin, "admin", "smtp", "test", "admin@example.com", "--format=json");
        Ok(smtp);
        Assert.Contains("admin@example.com", smtp.Out);
        var hashTest = Boot(Admin, "admin", "smtp", "test", "@json:{}");
        Assert.Equal("ERROR: Argument: Argument Email or test data, see API (String) is a Hash but must be String", hashTest.Error);
        var clean = Boot(Admin, "admin", "clean_deleted", "--format=json");
        Ok(clean);
        var events = Boot(Admin, "admin", "events", "application", "--format=json");
        Ok(events);
        var folders = Boot(Alice, "shared_folders", "list", "--format=csv", "--fields=id,name");
        Ok(folders);
        Assert.Contains("3,Marketing", folders.Out);
        var browse = Boot(Alice, "shared_folders", "browse", "%name:Marketing", "/", "--format=csv", "--fields=basename");
        Ok(browse);
        Assert.Contains("2024", browse.Out);
        var plainId = Boot(Alice, "shared_folders", "browse", "3");
        Assert.Equal("ERROR: Other(RuntimeError): No such shared folder id 3", plainId.Error);
        var nodeBrowse = Boot(Admin, "admin", "nodes", "browse", "1", "/mkt", "--format=csv", "--fields=basename");
        Ok(nodeBrowse);
        Assert.Contains("2024", nodeBrowse.Out);
    }

    [Fact]
    public async Task Postprocessing_runs_the_script_named_by_the_webhook_with_its_values()
    {
        string scripts = Path.Combine(_work, "scripts");
        Directory.CreateDirectory(scripts);
        string output = Path.Combine(_work, "hook.out");
        string script = Path.Combine(scripts, "hook.sh");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$faspex_pkg_name:$faspex_pkg_total_files\" > '{output}'\nexit 3\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var log = new AppLog("warn", new StringWriter());
        var settings = PostProcessingSettings.From(new JsonObject { ["script_folder"] = scripts }, "/processing");
        var handler = new PostProcessing(settings, log);
        var answer = await handler.HandleAsync(new WebRequest("POST", "/processing/hook.sh", "{\"faspex_pkg_name\":\"Report\",\"faspex_pkg_total_files\":2}"), CancellationToken.None);
        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answer.Json!["exit_code"]!.GetValue<int>());
        Assert.Equal("Report:2\n", File.ReadAllText(output));
        var failing = new PostProcessing(settings with { FailOnError = true }, log);
        var failed = await failing.HandleAsync(new WebRequest("POST", "/processing/hook.sh", "{}"), CancellationToken.None);
        Assert.Equal(500, failed.Status);
        Assert.Equal($"script {script} failed with code 3", failed.Json!["message"]!.GetValue<string>());
        Assert.Equal(400, (await handler.HandleAsync(new WebRequest("POST", "/other/x", "{}"), CancellationToken.None)).Status);
        Assert.Equal(400, (await handler.HandleAsync(new WebRequest("POST", "/processing/hook.sh", null), CancellationToken.None)).Status);
        Assert.Throws<AsperaNative.Core.Errors.CliException>(() => PostProcessingSettings.From(new JsonObject { ["bad"] = 1 }, "/"));
    }

    /// <summary>A launcher for the stand-in ascp (with the bypass key an SDK carries beside it).</summary>
    private string StandInAscp() => Shares.StandInAscpLauncher.Create(Path.Combine(_work, "bin"));
}
