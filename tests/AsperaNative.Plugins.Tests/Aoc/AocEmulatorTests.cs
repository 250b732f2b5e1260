using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Aoc;

namespace AsperaNative.Plugins.Tests.Aoc;

/// <summary>
/// The AoC emulator over real HTTPS through its CONNECT proxy, driven the way ascli drives AoC:
/// JWT bearer grant, paged admin lists, a package sent and its states, node access with the AoC
/// node token, error bodies, web redirects and public links.
/// </summary>
public sealed class AocEmulatorTests : IAsyncLifetime
{
    private readonly string _storage = Directory.CreateTempSubdirectory("aspn-aoc-").FullName;
    private readonly RSA _johnKey = RSA.Create(2048);
    private AocEmulator _aoc = null!;
    private HttpClient _http = null!;
    private JsonObject _john = null!, _ann = null!, _workspace = null!;

    public async Task InitializeAsync()
    {
        _aoc = await AocEmulator.StartAsync(_storage);
        _john = _aoc.Seed.AddUser("john.doe@example.com", "John Doe", _johnKey.ExportSubjectPublicKeyInfoPem(), admin: true);
        _ann = _aoc.Seed.AddUser("ann@example.com", "Ann Lee");
        _workspace = _aoc.Seed.AddWorkspace("Default Workspace", _john, _ann);
        _http = _aoc.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _aoc.DisposeAsync();
        Directory.Delete(_storage, recursive: true);
    }

    [Fact]
    public async Task JwtGrantGivesATokenThatReadsTheOrganization()
    {
        var token = await Token("user:all");
        Assert.Equal("bearer", token["token_type"]!.ToString());
        Assert.Equal(3600, token["expires_in"]!.GetValue<long>());

        using var org = await Get($"{_aoc.ApiUrl}/organization", token);
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        Assert.Equal("myorg", (await Json(org))["subdomain_name"]!.ToString());
        Assert.Contains(_aoc.Requests, r => r.Host == AocEmulator.ApiHost && r.Path == "/api/v1/organization");
        using var self = await Get($"{_aoc.ApiUrl}/self", token);
        Assert.Equal(_john["id"]!.ToString(), (await Json(self))["id"]!.ToString());
    }

    [Fact]
    public async Task JwtSignedWithAnotherKeyIsRefusedWithInvalidGrant()
    {
        using var other = RSA.Create(2048);
        using var answer = await _http.PostAsync($"https://{AocEmulator.ApiHost}/api/v1/oauth2/myorg/token", Form("user:all", Jwt(other, "john.doe@example.com")));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("""{"error":"invalid_grant","error_description":"Invalid JWT signature or public key not set in profile"}""", await answer.Content.ReadAsStringAsync());

        using var unknown = await _http.PostAsync($"https://{AocEmulator.ApiHost}/api/v1/oauth2/myorg/token", Form("user:all", Jwt(_johnKey, "nobody@example.com")));
        Assert.Equal("invalid_grant", (await Json(unknown))["error"]!.ToString());
        // a non-admin user cannot get the admin scope
        _aoc.Seed.AddUser("key@example.com", "Key Owner", _johnKey.ExportSubjectPublicKeyInfoPem());
        using var scope = await _http.PostAsync($"https://{AocEmulator.ApiHost}/api/v1/oauth2/myorg/token", Form("admin:all", Jwt(_johnKey, "key@example.com")));
        Assert.Equal("invalid_scope", (await Json(scope))["error"]!.ToString());
    }

    [Fact]
    public async Task AdminUserListPagesWithTotalCountOverFiftyThousandUsers()
    {
        long first = _aoc.Seed.GenerateUsers(50_000);
        var admin = await Token("admin:all");

        using var page50 = await Get($"{_aoc.ApiUrl}/users?per_page=1000&page=50", admin);
        var users = (JsonArray)(await Json(page50));
        Assert.Equal("50002", page50.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(1000, users.Count);
        // John and Ann come first, then the generated users in id order
        Assert.Equal((first + 48_998).ToString(System.Globalization.CultureInfo.InvariantCulture), users[0]!["id"]!.ToString());

        using var beyond = await Get($"{_aoc.ApiUrl}/users?per_page=1000&page=52", admin);
        Assert.Empty((JsonArray)(await Json(beyond)));
        Assert.Equal("50002", beyond.Headers.GetValues("X-Total-Count").Single());

        using var found = await Get($"{_aoc.ApiUrl}/users?q=user4242@&per_page=2&page=1", admin);
        Assert.Equal("1", found.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("User 4242", (await Json(found))[0]!["name"]!.ToString());

        // the user scope may not list the organization's users
        using var forbidden = await Get($"{_aoc.ApiUrl}/users", await Token("user:all"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task PackageSentToAUserIsReceivedOnceItsContentIsOnTheNode()
    {
        var token = await Token("user:all");
        using var created = await Send(HttpMethod.Post, $"{_aoc.ApiUrl}/packages", token, new JsonObject
        {
            ["name"] = "NDA", ["workspace_id"] = _workspace["id"]!.ToString(),
            ["recipients"] = new JsonArray(new JsonObject { ["id"] = _ann["id"]!.ToString(), ["type"] = "user" }),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var package = (JsonObject)(await Json(created));
        string id = package["id"]!.ToString();
        Assert.Equal(_aoc.NodeEntity["id"]!.ToString(), package["node_id"]!.ToString());
        Assert.False(package["completed"]!.GetValue<bool>());

        using var sent = await Send(HttpMethod.Put, $"{_aoc.ApiUrl}/packages/{id}", token, new JsonObject { ["sent"] = true, ["transfers_expected"] = 1 });
        Assert.True((await Json(sent))["sent"]!.GetValue<bool>());

        // the node accepts the AoC node token on the package's contents folder
        string contents = package["contents_file_id"]!.ToString();
        var nodeToken = await Token($"node.{_aoc.Options.NodeAccessKey}:user:all");
        using var folder = await Get($"{_aoc.NodeUrl}/files/{contents}", nodeToken, accessKey: _aoc.Options.NodeAccessKey);
        Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
        Assert.Equal("contents", (await Json(folder))["name"]!.ToString());
        using var refused = await Get($"{_aoc.NodeUrl}/files/{contents}", token, accessKey: _aoc.Options.NodeAccessKey);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        string received = $"{_aoc.ApiUrl}/packages?archived=false&has_content=true&received=true&completed=true&workspace_id={_workspace["id"]}&exclude_dropbox_packages=true&per_page=1000&page=1";
        var annToken = await Token("user:all", Jwt(RegisterKey(_ann), "ann@example.com"));
        using (var before = await Get(received, annToken)) Assert.Empty((JsonArray)(await Json(before)));

        // what a transfer into the package does: files land in the contents folder
        await File.WriteAllTextAsync(Path.Combine(_aoc.PathOfFile(contents)!, "nda.pdf"), "signed");
        using var after = await Get(received, annToken);
        var list = (JsonArray)(await Json(after));
        Assert.Equal("1", after.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(id, list[0]!["id"]!.ToString());
        Assert.Equal(6, list[0]!["bytes_transferred"]!.GetValue<long>());
        Assert.True(list[0]!["completed"]!.GetValue<bool>());

        // archived for Ann only; John (the sender) does not receive it
        using (await Send(HttpMethod.Put, $"{_aoc.ApiUrl}/packages/{id}", annToken, new JsonObject { ["archived"] = true })) { }
        using (var archived = await Get(received, annToken)) Assert.Empty((JsonArray)(await Json(archived)));
        using (var johns = await Get(received, token)) Assert.Empty((JsonArray)(await Json(johns)));
    }

    [Fact]
    public async Task FilesHomeIsBrowsedOnTheNodeWithTheNodeScopeToken()
    {
        // ascli's `files browse /`: self → workspace (home) → node → node token → gen4 listing
        var token = await Token("user:all");
        using var self = await Get($"{_aoc.ApiUrl}/self", token);
        string wsId = (await Json(self))["default_workspace_id"]!.ToString();
        using var ws = await Get($"{_aoc.ApiUrl}/workspaces/{wsId}", token);
        var workspace = await Json(ws);
        string homeId = workspace["home_file_id"]!.ToString();
        await File.WriteAllTextAsync(Path.Combine(_aoc.PathOfFile(homeId)!, "todo.txt"), "42");
        using var node = await Get($"{_aoc.ApiUrl}/nodes/{workspace["home_node_id"]}", token);
        var nodeInfo = await Json(node);
        Assert.Equal(_aoc.NodeUrl, nodeInfo["url"]!.ToString());

        var nodeToken = await Token($"node.{nodeInfo["access_key"]}:user:all");
        using var listing = await Get($"{nodeInfo["url"]}/files/{homeId}/files", nodeToken, accessKey: nodeInfo["access_key"]!.ToString());
        var entries = (JsonArray)(await Json(listing));
        Assert.Equal("todo.txt", Assert.Single(entries)!["name"]!.ToString());
        Assert.Contains(_aoc.Requests, r => r.Host == _aoc.Options.NodeHost && r.Path == $"/files/{homeId}/files");
        using var info = await Get($"{nodeInfo["url"]}/info", nodeToken, accessKey: nodeInfo["access_key"]!.ToString());
        Assert.Equal("xfer", (await Json(info))["transfer_user"]!.ToString());
    }

    [Fact]
    public async Task SharedInboxPackagesAreListedForItsMembers()
    {
        var inbox = _aoc.Seed.AddDropbox(_workspace, "Legal Inbox", _john);
        _aoc.Seed.AddPackage(_workspace, _ann, "Contract", [inbox], new Dictionary<string, string> { ["contract.pdf"] = "v1" });
        _aoc.Seed.AddPackage(_workspace, _ann, "Direct", [_john], new Dictionary<string, string> { ["a.txt"] = "a" });
        var token = await Token("user:all");

        using var memberships = await Get($"{_aoc.ApiUrl}/dropbox_memberships?embed[]=dropbox&aggregate_permissions_by_dropbox=true&sort=dropbox_name&workspace_id={_workspace["id"]}&per_page=1000&page=1", token);
        Assert.Equal("Legal Inbox", (await Json(memberships))[0]!["dropbox"]!["name"]!.ToString());
        using var lookup = await Get($"{_aoc.ApiUrl}/dropboxes?q=Legal+Inbox", token);
        Assert.Equal(inbox["id"]!.ToString(), (await Json(lookup))[0]!["id"]!.ToString());

        string Base(bool exclude) => $"{_aoc.ApiUrl}/packages?archived=false&has_content=true&received=true&completed=true&workspace_id={_workspace["id"]}&exclude_dropbox_packages={(exclude ? "true" : "false")}";
        using var inInbox = await Get($"{Base(false)}&dropbox_id={inbox["id"]}&per_page=1000&page=1", token);
        Assert.Equal("Contract", Assert.Single((JsonArray)(await Json(inInbox)))!["name"]!.ToString());
        using var mine = await Get($"{Base(true)}&per_page=1000&page=1", token);
        Assert.Equal("Direct", Assert.Single((JsonArray)(await Json(mine)))!["name"]!.ToString());
    }

    [Fact]
    public async Task ErrorsHaveAocBodies()
    {
        var admin = await Token("admin:all");
        using var missing = await Get($"{_aoc.ApiUrl}/groups/4242", admin);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = (await Json(missing))["error"]!;
        Assert.Equal("not_found", error["code"]!.ToString());
        Assert.Equal("Record not found", error["user_message"]!.ToString());
        Assert.NotNull(error["request_id"]);

        using var unpermitted = await Send(HttpMethod.Post, $"{_aoc.ApiUrl}/groups", admin, new JsonObject { ["name"] = "g1", ["manager"] = false, ["owner"] = false });
        Assert.Equal((HttpStatusCode)422, unpermitted.StatusCode);
        Assert.Equal("found unpermitted parameters: :manager, :owner", (await Json(unpermitted))["error"]!["user_message"]!.ToString());

        using var noToken = await _http.GetAsync($"{_aoc.ApiUrl}/organization");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("invalid_token", (await Json(noToken))["error"]!["code"]!.ToString());
    }

    [Fact]
    public async Task OrgSiteRedirectsToLoginAndNamesLookUpByQ()
    {
        using var home = await _http.GetAsync(_aoc.OrgUrl);
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.Equal("https://myorg.ibmaspera.com/oauth2/myorg/login?state=%2F&redirect_uri=https%3A%2F%2Fmyorg.ibmaspera.com%2Fauth%2Fcallback", home.Headers.Location!.ToString());

        var admin = await Token("admin:all");
        _aoc.Seed.AddGroup("Engineering", _ann);
        using var lookup = await Get($"{_aoc.ApiUrl}/groups?q=engineer", admin);
        Assert.Equal("Engineering", (await Json(lookup))[0]!["name"]!.ToString());
    }

    [Fact]
    public async Task PublicLinkGrantsAUrlTokenScopedToItsFolder()
    {
        var (url, token) = _aoc.Seed.AddPublicLink("view_shared_file", new JsonObject { ["workspace_id"] = _workspace["id"]!.ToString(), ["node_id"] = _aoc.NodeEntity["id"]!.ToString(), ["file_id"] = "1" }, createdBy: _john);
        using var page = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://{AocEmulator.ApiHost}/api/v1/oauth2/token?grant_type=url_token&scope=user%3Aall")
        {
            Content = new StringContent(new JsonObject { ["url_token"] = token }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AocOAuth.GlobalClientId}:{AocOAuth.GlobalClientSecret}")));
        using var granted = await _http.SendAsync(request);
        var linkToken = (JsonObject)(await Json(granted));
        using var tokens = await Get($"{_aoc.ApiUrl}/url_tokens", linkToken);
        Assert.Equal("view_shared_file", (await Json(tokens))[0]!["purpose"]!.ToString());
    }

    [Fact]
    public async Task PrivateShortLinkLeadsToTheLoginPageWithTheFolderInState()
    {
        var token = await Token("user:all");
        using var created = await Send(HttpMethod.Post, $"{_aoc.ApiUrl}/short_links", token, new JsonObject
        {
            ["purpose"] = "shared_folder_auth_link", ["user_selected_name"] = null,
            ["data"] = new JsonObject { ["workspace_id"] = _workspace["id"]!.ToString(), ["node_id"] = _aoc.NodeEntity["id"]!.ToString(), ["file_id"] = "12" },
        });
        string shortUrl = (await Json(created))["short_url"]!.ToString();
        Assert.StartsWith("https://aspera.pub/", shortUrl, StringComparison.Ordinal);

        // what ascli's link analysis follows: short link → Files page → login page
        using var first = await _http.GetAsync(shortUrl);
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        using var second = await _http.GetAsync(first.Headers.Location);
        var login = second.Headers.Location!;
        Assert.Equal("/oauth2/myorg/login", login.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(login.Query);
        Assert.Equal($"/files/workspaces/{_workspace["id"]}/all/{_aoc.NodeEntity["id"]}:12?short_link_url={Uri.EscapeDataString(shortUrl)}", query["state"]);
        Assert.Equal("https://myorg.ibmaspera.com/auth/callback", query["redirect_uri"]);

        using var list = await Get($"{_aoc.ApiUrl}/short_links?json_query={Uri.EscapeDataString(new JsonObject { ["workspace_id"] = _workspace["id"]!.ToString(), ["file_id"] = "12" }.ToJsonString())}&purpose=shared_folder_auth_link&edit_access=true&sort=-created_at&per_page=1000&page=1", token);
        Assert.Equal(shortUrl, Assert.Single((JsonArray)(await Json(list)))!["short_url"]!.ToString());
    }

    [Fact]
    public async Task WebGrantExchangesTheCodeOfTheAuthorizePage()
    {
        using var authorize = await _http.GetAsync($"https://{AocEmulator.ApiHost}/api/v1/oauth2/myorg/authorize?scope=user%3Aall&client_id={AocOAuth.GlobalClientId}&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A12345&state=s1");
        var back = authorize.Headers.Location!;
        Assert.Equal("localhost:12345", back.Authority);
        var query = System.Web.HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("s1", query["state"]);
        using var answer = await _http.PostAsync($"https://{AocEmulator.ApiHost}/api/v1/oauth2/myorg/token", new FormUrlEncodedContent(
        [
            new("scope", "user:all"), new("client_id", AocOAuth.GlobalClientId), new("client_secret", AocOAuth.GlobalClientSecret),
            new("grant_type", "authorization_code"), new("code", query["code"]!), new("redirect_uri", "http://localhost:12345"),
        ]));
        using var self = await Get($"{_aoc.ApiUrl}/self", (JsonObject)(await Json(answer)));
        Assert.Equal("john.doe@example.com", (await Json(self))["email"]!.ToString());
    }

    [Fact]
    public async Task WorkflowLaunchMakesAnInstanceAndSubscriptionAnswersGraphql()
    {
        var token = await Token("user:all");
        using var wf = await Send(HttpMethod.Post, $"https://{AocEmulator.ApiHost}/automation/v1/workflows", token, new JsonObject { ["name"] = "Notify" });
        string id = (await Json(wf))["id"]!.ToString();
        using var launched = await Send(HttpMethod.Post, $"https://{AocEmulator.ApiHost}/automation/v1/workflows/{id}/launch", token, []);
        Assert.Equal(id, (await Json(launched))["workflow_id"]!.ToString());
        using var instances = await Get($"{_aoc.ApiUrl}/workflow_instances", token);
        Assert.Single((JsonArray)(await Json(instances)));
        using var missing = await Send(HttpMethod.Post, $"https://{AocEmulator.ApiHost}/automation/v1/workflows/nope/launch", token, []);
        Assert.Equal("""{"error":"Workflow not found"}""", await missing.Content.ReadAsStringAsync());

        using var graphql = await Send(HttpMethod.Post, $"https://{AocEmulator.ApiHost}/bss/platform/graphql", token, new JsonObject
        {
            ["query"] = "query ($organization_id: ID!) { aoc (organization_id: $organization_id) { bssSubscription { plan } } }",
            ["variables"] = new JsonObject { ["organization_id"] = _aoc.State.Org["id"]!.ToString() },
        });
        Assert.Equal("enterprise", (await Json(graphql))["data"]!["aoc"]!["bssSubscription"]!["plan"]!.ToString());
    }

    // ---- helpers: what ascli sends ----

    private async Task<JsonObject> Token(string scope, string? assertion = null)
    {
        using var answer = await _http.PostAsync($"https://{AocEmulator.ApiHost}/api/v1/oauth2/myorg/token", Form(scope, assertion ?? Jwt(_johnKey, "john.doe@example.com")));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (JsonObject)(await Json(answer));
    }

    private static FormUrlEncodedContent Form(string scope, string assertion) => new(
    [
        new("scope", scope), new("client_id", AocOAuth.GlobalClientId),
        new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", assertion),
    ]);

    /// <summary>A JWT as ascli builds it: header <c>{"alg":"RS256"}</c>, claims exp nbf iat jti iss sub aud org.</summary>
    private static string Jwt(RSA key, string subject)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["exp"] = now + 3600, ["nbf"] = now - 300, ["iat"] = now - 299, ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = AocOAuth.GlobalClientId, ["sub"] = subject, ["aud"] = AocOAuth.JwtAudience, ["org"] = "myorg",
        };
        string signed = B64("""{"alg":"RS256"}"""u8.ToArray()) + "." + B64(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return signed + "." + B64(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private RSA RegisterKey(JsonObject user)
    {
        var key = RSA.Create(2048);
        lock (_aoc.State.Lock) user["public_key"] = key.ExportSubjectPublicKeyInfoPem();
        return key;
    }

    private Task<HttpResponseMessage> Get(string url, JsonObject token, string? accessKey = null) => Send(HttpMethod.Get, url, token, null, accessKey);

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, JsonObject token, JsonObject? body, string? accessKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token["access_token"]!.ToString());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (accessKey is not null) request.Headers.Add("X-Aspera-AccessKey", accessKey);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await _http.SendAsync(request);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
