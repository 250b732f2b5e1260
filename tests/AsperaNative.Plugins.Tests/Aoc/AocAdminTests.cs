using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;

namespace AsperaNative.Plugins.Tests.Aoc;

/// <summary>
/// The admin sub-tree beside the entities, against the emulator: ATS through AoC (the shared ATS set), analytics
/// transfers with <c>--once-only</c> and <c>--notify-to</c>, subscription, usage reports, auth providers, SAML
/// configurations, the singletons, the deprecated <c>resource</c> alias, and their errors in ascli's words.
/// </summary>
public sealed class AocAdminTests(AocFixture fixture) : IClassFixture<AocFixture>
{
    private static JsonNode Json(string text) => JsonNode.Parse(text[text.IndexOfAny(['{', '['])..])!;

    private static void Ok(Config.RunOutput run) => Assert.True(run.Exit == 0, run.Out + run.Err);

    [Fact]
    public void AtsAccessKeysAreManagedThroughAocWithAnAdminUserToken()
    {
        var create = fixture.Run("admin", "ats", "access_key", "create", "--params=@json:{\"name\":\"bucket key\",\"transfer_server_id\":\"aws_us-east-1\",\"storage\":{\"type\":\"aws_s3\",\"bucket\":\"b1\"}}", "--format=json");
        Ok(create);
        string id = Json(create.Out)["id"]!.ToString();
        Assert.Contains(fixture.Aoc.Requests, r => r.Method == "POST" && r.Path == "/api/v1/admin/ats/pub/v1/access_keys" && r.Body.Contains("bucket key"));
        // the ATS calls carry a token of scope admin-user:all
        Assert.Contains(fixture.Aoc.OAuth.Issued, static c => c["scope"]!.ToString() == "admin-user:all");

        var list = fixture.Run("admin", "ats", "access_key", "list", "--format=csv");
        Ok(list);
        Assert.Contains("bucket key," + id, list.Out);
        Assert.Contains(fixture.Aoc.Requests, static r => r.Path == "/api/v1/admin/ats/pub/v1/access_keys" && r.Query.Contains("max_results=1000"));
        var show = fixture.Run("admin", "ats", "access_key", "show", id, "--format=json");
        Assert.Equal("b1", Json(show.Out)["storage"]!["bucket"]!.ToString());
        Ok(fixture.Run("admin", "ats", "access_key", "modify", id, "@json:{\"name\":\"renamed key\"}"));
        Assert.Equal("renamed key", Json(fixture.Run("admin", "ats", "access_key", "show", id, "--format=json").Out)["name"]!.ToString());
        var delete = fixture.Run("admin", "ats", "access_key", "delete", id);
        Ok(delete);
        Assert.Contains($"deleted {id}", delete.Out);

        // as ascli: the same commands as plugin ats, without api_key; --region is mandatory for the trust policy
        var apiKey = fixture.Run("admin", "ats", "api_key", "list");
        Assert.Equal("ERROR: Argument: unknown value for command (Symbol): api_key", apiKey.Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: region", fixture.Run("admin", "ats", "aws_trust_policy").Error);
    }

    [Fact]
    public void AnalyticsTransfersOnceOnlyStartFromTheLastStopAndNotifyEachEvent()
    {
        string org = fixture.Aoc.State.Org["id"]!.ToString();
        string old = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string recent = DateTime.UtcNow.AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        fixture.Aoc.Seed.AddTransferEvent(new JsonObject { ["transfer_id"] = "t-old", ["organization_id"] = org, ["user_id"] = fixture.John["id"]!.ToString(), ["status"] = "completed", ["direction"] = "send", ["stopped_at"] = old });
        fixture.Aoc.Seed.AddTransferEvent(new JsonObject { ["transfer_id"] = "t-new", ["organization_id"] = org, ["user_id"] = fixture.John["id"]!.ToString(), ["status"] = "failed", ["direction"] = "receive", ["stopped_at"] = recent });

        var all = fixture.Run("admin", "analytics", "transfers", "organizations", "--format=csv", "--fields=transfer_id");
        Ok(all);
        Assert.Equal(["t-old", "t-new"], all.Out.Trim().Split('\n'));
        Assert.Contains(fixture.Aoc.Requests, r => r.Path == $"/analytics/v2/organizations/{org}/transfers" && r.Query.Contains("limit=100"));

        // the first once-only run has no start, the next starts where it stopped (the date in the persistency folder)
        var first = fixture.Run("admin", "analytics", "transfers", "organizations", "--once-only=yes", "--format=csv", "--fields=transfer_id");
        Ok(first);
        Assert.Equal(["t-old", "t-new"], first.Out.Trim().Split('\n'));
        string state = Path.Combine(fixture.Home.ConfigFolder, "persist_store", $"aoc_ana_date_myorg_ibmaspera_com_default workspace_organizations_{org}.txt");
        Assert.True(File.Exists(state), string.Join(",", Directory.GetFiles(Path.GetDirectoryName(state)!)));
        string stop = JsonNode.Parse(File.ReadAllText(state))![0]!.ToString();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", stop);
        // right after, the range is under AoC's minimum: the API's error
        Assert.StartsWith("ERROR: ", fixture.Run("admin", "analytics", "transfers", "organizations", "--once-only=yes").Error);
        // as if the last run were a day ago: only the recent event
        File.WriteAllText(state, new JsonArray(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).ToJsonString());
        using var smtp = new SmtpCapture();
        var next = fixture.Run("admin", "analytics", "transfers", "organizations", "--once-only=yes", "--format=csv", "--fields=transfer_id",
            "--notify-to=ops@example.com", "--notify-template=Subject: transfer <%=ev['transfer_id']%>\n\nstatus: <%=ev['status']%>\n",
            $"--smtp=@json:{{\"server\":\"127.0.0.1\",\"port\":{smtp.Port},\"tls\":false,\"from_email\":\"ascli@example.com\"}}");
        Ok(next);
        Assert.Equal("t-new", next.Out.Trim());
        Assert.True(smtp.Received.Wait(TimeSpan.FromSeconds(30)));
        Assert.Contains("RCPT TO:<ops@example.com>", smtp.Commands);
        Assert.Contains("Subject: transfer t-new\n\nstatus: failed\n", smtp.Data);

        // users: the current user's id by default; --notify-to needs a template (none by default for events)
        File.Delete(state);
        var users = fixture.Run("admin", "analytics", "transfers", "users", "--notify-to=ops@example.com", "--format=csv", "--fields=transfer_id");
        Assert.Equal("ERROR: Argument: Missing mandatory option: notify_template", users.Error);
        Assert.Contains(fixture.Aoc.Requests, r => r.Path == $"/analytics/v2/users/{fixture.John["id"]}/transfers");
        var wrong = fixture.Run("admin", "analytics", "transfers", "workspaces");
        Assert.StartsWith("ERROR: Argument: unknown value for resource (Symbol): workspaces", wrong.Error);
    }

    [Fact]
    public void ApplicationEventsSubscriptionAndUsageReports()
    {
        Ok(fixture.Run("admin", "analytics", "application_events", "--format=json"));
        var subscription = fixture.Run("admin", "subscription", "--format=json");
        Ok(subscription);
        Assert.Equal("enterprise", Json(subscription.Out)["plan"]!.ToString());
        Assert.Contains(fixture.Aoc.Requests, static r => r.Path == "/bss/platform/graphql" && r.Body.Contains("bssSubscription"));

        fixture.Aoc.Seed.AddEntity("usage_reports", new JsonObject { ["workspace_id"] = fixture.Workspace["id"]!.ToString(), ["status"] = "completed" });
        var reports = fixture.Run("admin", "usage_reports", "--format=json");
        Ok(reports);
        Assert.Single(Json(reports.Out).AsArray());
        Assert.Contains(fixture.Aoc.Requests, r => r.Path == "/api/v1/usage_reports" && r.Query.Contains($"workspace_id={fixture.Workspace["id"]}"));
    }

    [Fact]
    public void AuthProvidersSamlConfigurationsAndSingletons()
    {
        fixture.Aoc.Seed.AddEntity("admin/auth_providers", new JsonObject { ["name"] = "corporate sso", ["type"] = "saml" });
        var providers = fixture.Run("admin", "auth_providers", "list", "--format=csv", "--fields=name");
        Ok(providers);
        Assert.Equal("Items: 1/1\ncorporate sso", providers.Out.Trim());
        Assert.Equal("ERROR: Other(RuntimeError): not implemented", fixture.Run("admin", "auth_providers", "update").Error);

        var saml = fixture.Run("admin", "saml_configuration", "create", "@json:{\"name\":\"idp\",\"sso_url\":\"https://idp.example.com/sso\"}", "--format=json");
        Ok(saml);
        Assert.Contains("idp", fixture.Run("admin", "saml_configuration", "list", "--format=csv").Out);

        var org = fixture.Run("admin", "organization", "show", "--format=json");
        Ok(org);
        Assert.Equal("myorg", Json(org.Out)["subdomain_name"]!.ToString());
        var modify = fixture.Run("admin", "organization", "modify", "@json:{\"name\":\"My Org renamed\"}", "--format=json");
        Ok(modify);
        Assert.Equal("modified", Json(modify.Out)["status"]!.ToString());
        Assert.Contains(fixture.Aoc.Requests, static r => r.Method == "PUT" && r.Path == "/api/v1/organization/");
        var self = fixture.Run("admin", "self", "show", "--format=json");
        Ok(self);
        Assert.Equal("john.doe@example.com", Json(self.Out)["email"]!.ToString());
        Assert.Equal("ERROR: Argument: unknown value for command (Symbol): list", fixture.Run("admin", "self", "list").Error!.Split('\n')[0]);
    }

    [Fact]
    public void ResourceIsTheDeprecatedFormOfTheAdminObjects()
    {
        var run = fixture.Run("admin", "resource", "user", "list", "--format=csv", "--fields=email");
        Ok(run);
        Assert.Contains("ann@example.com", run.Out);
        Assert.Contains("resource command is deprecated (4.18), directly use the specific command instead", run.Err);
        var show = fixture.Run("admin", "resource", "workspace", "show", "%name:Default Workspace", "--format=json");
        Ok(show);
        Assert.Equal(fixture.Workspace["id"]!.ToString(), Json(show.Out)["id"]!.ToString());
    }
}

/// <summary><c>--auth=web</c>: the login page printed (<c>--ui=text</c>), the browser's part played by the test, the code received on the loopback redirect.</summary>
public sealed class AocWebLoginTests(AocFixture fixture) : IClassFixture<AocFixture>
{
    /// <summary>A standard output that tells when the login URL is written.</summary>
    private sealed class WatchedOutput : StringWriter
    {
        public TaskCompletionSource<string> LoginUrl { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Write(string? value)
        {
            lock (this) base.Write(value);
            if (value?.Split('\n').FirstOrDefault(static l => l.StartsWith("https://", StringComparison.Ordinal)) is { } url) LoginUrl.TrySetResult(url);
        }

        public override string ToString() { lock (this) return base.ToString(); }
    }

    [Fact]
    public async Task WebLoginExchangesTheCodeReceivedOnTheRedirectUri()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        string redirect = $"http://127.0.0.1:{port}/callback";
        var output = new WatchedOutput();
        var terminal = new Core.Terminal.Terminal(new StringReader(""), output, new StringWriter(), false, false);
        var environment = new System.Collections.Hashtable { ["HOME"] = fixture.Home.Home };
        string[] argv = ["aoc", $"--url={fixture.Aoc.OrgUrl}", "--auth=web", $"--redirect-uri={redirect}", "--ui=text",
            $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "user", "profile", "show", "--format=json"];
        var run = Task.Run(() => Cli.Application.CliApplication.RunAsync(argv, terminal, environment));

        // the browser: the login page (the emulator logs its first user in) sends it to the redirect URI with a code
        string login = await output.LoginUrl.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.StartsWith($"https://{AsperaNative.Emulators.Aoc.AocEmulator.ApiHost}/api/v1/oauth2/myorg/authorize?", login);
        Assert.Contains("response_type=code", login);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(redirect), login);
        using var browser = fixture.Aoc.CreateClient();
        using var page = await browser.GetAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        using var direct = new HttpClient();
        using var back = await direct.GetAsync(page.Headers.Location!);
        int exit = await run.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, output + terminal.Err.ToString());
        string text = output.ToString();
        Assert.StartsWith("USER ACTION: please enter this url in a browser:\n", text);
        Assert.Equal("john.doe@example.com", JsonNode.Parse(text[text.IndexOf('{')..])!["email"]!.ToString());
        Assert.Contains(fixture.Aoc.Requests, static r => r.Path == "/api/v1/oauth2/myorg/token" && r.Body.Contains("grant_type=authorization_code"));
    }

    [Fact]
    public void WebLoginNeedsAnHttpRedirectUri()
    {
        var run = fixture.Home.Run("aoc", $"--url={fixture.Aoc.OrgUrl}", "--auth=web", "--redirect-uri=ftp://127.0.0.1:1/callback",
            $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "user", "profile", "show");
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: redirect_uri scheme must be http or https", run.Error);
        var none = fixture.Home.Run("aoc", $"--url={fixture.Aoc.OrgUrl}", "--auth=web", $"--http-proxy={fixture.Aoc.ProxyUrl}", "--insecure=yes", "user", "profile", "show");
        Assert.Equal("ERROR: Other(ArgumentError): Missing mandatory option: redirect_uri", none.Error);
    }
}
