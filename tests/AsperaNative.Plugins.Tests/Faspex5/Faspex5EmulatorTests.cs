using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Faspex5;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Plugins.Tests.Faspex5;

/// <summary>
/// The Faspex 5 emulator over real HTTPS, driven as ascli drives Faspex 5 (docs/products/faspex5.md): JWT
/// grant, offset paging, a package sent and received through the stand-in ascp with its per-recipient
/// boxes and webhooks, browse with iteration tokens, error bodies, admin entities.
/// </summary>
public sealed class Faspex5EmulatorTests : IAsyncLifetime
{
    private const string ClientId = "aspera_cli_f5";
    private const string Admin = "admin@example.com", Alice = "alice@example.com", Bob = "bob@example.com", Carol = "carol@example.com";

    private readonly string _work = Path.Combine(Path.GetTempPath(), "f5emu-" + Guid.NewGuid().ToString("N"));
    // shared by the tests: generating RSA keys is slow on a busy machine
    private static readonly RSA AliceKey = RSA.Create(2048);
    private readonly RSA _aliceKey = AliceKey;
    private readonly HttpClient _http = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true, AllowAutoRedirect = false });
    private Faspex5Emulator _f5 = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _f5 = await Faspex5Emulator.StartAsync(Path.Combine(_work, "storage"), s =>
        {
            s.AddClient(ClientId, redirectUris: "http://127.0.0.1:12345/callback");
            s.AddUser(Admin, admin: true);
            s.AddUser(Alice, _aliceKey.ExportSubjectPublicKeyInfoPem());
            s.AddUser(Bob);
            s.AddUser(Carol);
            s.AddSharedInbox("Legal", Carol);
        });
    }

    public async Task DisposeAsync()
    {
        await _f5.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Jwt_grant_with_the_users_registered_key_gives_a_working_token()
    {
        var token = await Grant(Jwt(_aliceKey, Alice));
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal("Bearer", token.Body.Str("token_type"));
        Assert.Equal("not_supported", token.Body.Str("refresh_token"));
        Assert.Equal(3600, token.Body["expires_in"]!.GetValue<long>());
        // the access token is a JWS whose payload carries the expiry (ascli reads it for its cache)
        var payload = JsonNode.Parse(TokenService.FromBase64Url(token.Body.Str("access_token").Split('.')[1]))!;
        Assert.True(payload["exp"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var account = await Call(HttpMethod.Get, "account", "Bearer " + token.Body.Str("access_token"));
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Equal(Alice, account.Body.Str("name"));
        Assert.Contains("POST /aspera/faspex/auth/token", _f5.RequestLines());
    }

    [Fact]
    public async Task Jwt_grant_signed_by_another_key_or_expired_is_refused_with_the_faspex_error_body()
    {
        using var other = RSA.Create(2048);
        var forged = await Grant(Jwt(other, Alice));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        AssertErrorBody(forged.Body, "Unauthorized", "1003", "JWT signature verification failed");

        var expired = await Grant(Jwt(_aliceKey, Alice, expiresIn: -3600));
        AssertErrorBody(expired.Body, "Unauthorized", "1003", "Signature has expired");

        var wrongAudience = await Grant(Jwt(_aliceKey, Alice, audience: "another"));
        AssertErrorBody(wrongAudience.Body, "Unauthorized", "1003", "Invalid JWT issuer or audience");

        // Bob has no public key registered: his assertion cannot be verified
        var noKey = await Grant(Jwt(_aliceKey, Bob));
        AssertErrorBody(noKey.Body, "Unauthorized", "1003", "JWT signature verification failed");
    }

    [Fact]
    public async Task Offset_paging_serves_limit_sized_pages_until_total_count()
    {
        for (int i = 0; i < 5; i++) _f5.State.AddUser($"user{i}@example.com");
        string admin = _f5.BootToken(Admin);
        var names = new List<string>();
        int offset = 0, total;
        var lines = new List<string>();
        do
        {
            var page = await Call(HttpMethod.Get, $"accounts?limit=3&offset={offset}", admin);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            total = page.Body["total_count"]!.GetValue<int>();
            var items = page.Body["accounts"]!.AsArray();
            Assert.True(items.Count <= 3);
            names.AddRange(items.Select(static a => a.Str("name")));
            offset += items.Count;
        }
        while (offset < total);
        Assert.Equal(9, total);
        Assert.Equal(9, names.Distinct().Count());
        // a lookup as ascli does it for %name: (q filters, then exact match on the client)
        var lookup = await Call(HttpMethod.Get, "accounts?limit=100&q=user3&offset=0", admin);
        Assert.Equal(["user3@example.com"], lookup.Body["accounts"]!.AsArray().Select(static a => a.Str("name")));
        Assert.Equal(1, lookup.Body["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Package_sent_with_the_stand_in_ascp_lands_in_each_recipients_box_and_is_received()
    {
        var webhookBodies = new List<JsonObject>();
        await using var receiver = await EmulatorHost.StartAsync(app => app.MapPost("/processing/hook", async ctx =>
        {
            var hook = (JsonObject)(await EmulatorHost.Body(ctx))!;
            lock (webhookBodies) webhookBodies.Add(hook);
            await EmulatorHost.Json(ctx, new JsonObject { ["status"] = "success" });
        }), https: false);
        _f5.State.AddWebhook(receiver.Url + "/processing/hook", "package_sent", "package_downloaded");
        string alice = _f5.BootToken(Alice), bob = _f5.BootToken(Bob), carol = _f5.BootToken(Carol);

        var created = await Call(HttpMethod.Post, "packages", alice, new JsonObject
        {
            ["title"] = "Quarterly report",
            ["recipients"] = new JsonArray(new JsonObject { ["name"] = Bob, ["recipient_type"] = "user" }, new JsonObject { ["name"] = "Legal" }),
            ["note"] = "see attached",
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        string id = created.Body.Str("id");
        Assert.Equal("created", created.Body.Str("state"));
        Assert.Equal([id], await Box("pending", alice));
        Assert.Empty(await Box("inbox", bob));

        string source = Path.Combine(_work, "report.txt");
        await File.WriteAllTextAsync(source, "quarterly numbers\n");
        var upload = await Call(HttpMethod.Post, $"packages/{id}/transfer_spec/upload?transfer_type=connect", alice, new JsonObject { ["paths"] = new JsonArray(source) });
        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal("send", upload.Body.Str("direction"));
        Assert.Equal("token", upload.Body.Str("authentication"));
        await Ascp("--mode", "send", "-d", "--host", upload.Body.Str("remote_host"), "--user", upload.Body.Str("remote_user"), source, upload.Body.Str("destination_root"));

        Assert.Equal([id], await Box("inbox", bob));
        Assert.Empty(await Box("inbox", carol));
        Assert.Equal([id], await Box("inbox_all", carol));
        Assert.Equal([id], await Box("outbox", alice));
        Assert.Empty(await Box("pending", alice));
        var legal = (await Call(HttpMethod.Get, "shared_inboxes?limit=100&all=true&offset=0", _f5.BootToken(Admin))).Body["shared_inboxes"]![0]!;
        Assert.Equal([id], (await Call(HttpMethod.Get, $"shared_inboxes/{legal.Str("id")}/packages?limit=100&offset=0", carol)).Body["packages"]!.AsArray().Select(static p => p.Str("id")));
        var details = await Call(HttpMethod.Get, $"packages/{id}/upload_details", alice);
        Assert.Equal("completed", details.Body.Str("upload_status"));
        Assert.Equal(18, details.Body["bytes_total"]!.GetValue<long>());

        var download = await Call(HttpMethod.Post, $"packages/{id}/transfer_spec/download?type=received&transfer_type=connect", bob, new JsonObject());
        Assert.Equal("receive", download.Body.Str("direction"));
        string received = Path.Combine(_work, "received");
        var sources = download.Body["paths"]!.AsArray().Select(static p => p.Str("source")).ToList();
        await Ascp(["--mode", "recv", "-d", .. sources, received]);
        Assert.Equal("quarterly numbers\n", await File.ReadAllTextAsync(Path.Combine(received, "report.txt")));

        // a user who is neither sender nor recipient does not see it
        var foreign = await Call(HttpMethod.Get, $"packages/{id}", EveToken());
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);

        // per-recipient state: archiving and deleting act on one user's view only
        _f5.State.ArchivePackage(id, Bob);
        Assert.Empty(await Box("inbox", bob));
        Assert.Equal([id], await Box("inbox_history", bob));
        Assert.Equal(HttpStatusCode.NoContent, (await Call(HttpMethod.Delete, "packages", bob, new JsonObject { ["ids"] = new JsonArray(id) })).Status);
        Assert.Empty(await Box("inbox_history", bob));
        Assert.Equal([id], await Box("inbox_all", carol));
        Assert.Equal([id], await Box("outbox", alice));

        await _f5.Webhooks.WaitAsync();
        Assert.Equal(["package_downloaded", "package_sent"], webhookBodies.Select(static b => b.Str("event")).Order());
        var sent = webhookBodies.Single(static b => b.Str("event") == "package_sent");
        Assert.Equal(id, sent.Str("faspex_pkg_id"));
        Assert.Equal("Quarterly report", sent.Str("faspex_pkg_name"));
        Assert.Equal($"{Bob},Legal", sent.Str("faspex_recipient_list"));
    }

    [Fact]
    public async Task Send_from_a_shared_folder_copies_on_the_server_and_completes_after_the_remote_transfer()
    {
        var folder = _f5.State.AddSharedFolder("Marketing", "/mkt");
        await File.WriteAllTextAsync(Path.Combine(_f5.State.Docroot, "mkt", "brochure.pdf"), "brochure");
        _f5.RemoteTransferDelay = TimeSpan.FromMilliseconds(300);
        string alice = _f5.BootToken(Alice);
        var shared = await Call(HttpMethod.Get, "shared_folders?limit=100&q=Marketing&offset=0", alice);
        Assert.Equal(folder["id"]!.GetValue<int>(), shared.Body["shared_folders"]![0]!["id"]!.GetValue<int>());
        string id = (await Call(HttpMethod.Post, "packages", alice, JsonNode.Parse($$"""{"title":"from share","recipients":[{"name":"{{Bob}}"}]}"""))).Body.Str("id");

        var started = await Call(HttpMethod.Post, $"packages/{id}/remote_transfer", alice, JsonNode.Parse($$"""{"shared_folder_id":{{folder["id"]}},"paths":["/brochure.pdf"]}"""));
        Assert.Equal("in_progress", started.Body.Str("status"));
        Assert.Equal("uploading", (await Call(HttpMethod.Get, $"packages/{id}/upload_details", alice)).Body.Str("upload_status"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var done = await Call(HttpMethod.Get, $"packages/{id}/upload_details", alice);
        Assert.Equal(("completed", 8L), (done.Body.Str("upload_status"), done.Body["bytes_total"]!.GetValue<long>()));
        Assert.Equal([id], await Box("inbox", _f5.BootToken(Bob)));

        var again = await Call(HttpMethod.Post, $"packages/{id}/remote_transfer", alice, JsonNode.Parse($$"""{"shared_folder_id":{{folder["id"]}},"paths":["/brochure.pdf"]}"""));
        AssertErrorBody(again.Body, "Bad Request", "1002", "Package already uploaded");
        string other = (await Call(HttpMethod.Post, "packages", alice, JsonNode.Parse($$"""{"title":"none","recipients":["{{Bob}}"]}"""))).Body.Str("id");
        var missing = await Call(HttpMethod.Post, $"packages/{other}/remote_transfer", alice, JsonNode.Parse($$"""{"shared_folder_id":{{folder["id"]}},"paths":["/none.pdf"]}"""));
        AssertErrorBody(missing.Body, "Not Found", "1005", "File not found: /none.pdf");
    }

    [Fact]
    public async Task Browse_pages_follow_the_iteration_token_header()
    {
        var package = _f5.State.AddPackage(Alice, "Design assets", [Bob], new Dictionary<string, string>
        {
            ["a.txt"] = "a", ["b.txt"] = "bb", ["c.txt"] = "ccc", ["fonts/x.ttf"] = "x", ["e.txt"] = "e",
        });
        _f5.BrowsePageSize = 2;
        string bob = _f5.BootToken(Bob);
        var body = new JsonObject { ["path"] = "/", ["filters"] = new JsonObject { ["basenames"] = new JsonArray() } };
        var paths = new List<string>();
        string? token = null;
        int calls = 0;
        do
        {
            var page = await Call(HttpMethod.Post, $"packages/{package.Id}/files/received" + (token is null ? "" : $"?iteration_token={token}"), bob, body);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            paths.AddRange(page.Body["items"]!.AsArray().Select(static i => i.Str("path")));
            token = page.Headers.TryGetValues("X-Aspera-Next-Iteration-Token", out var values) ? values.Single() : null;
            calls++;
        }
        while (token is not null);
        Assert.Equal(3, calls);
        Assert.Equal(["/a.txt", "/b.txt", "/c.txt", "/e.txt", "/fonts"], paths);

        var sub = await Call(HttpMethod.Post, $"packages/{package.Id}/files/received", bob, new JsonObject { ["path"] = "/fonts" });
        var item = sub.Body["items"]![0]!;
        Assert.Equal(("/fonts/x.ttf", "x.ttf", "file", 1L), (item.Str("path"), item.Str("basename"), item.Str("type"), item["size"]!.GetValue<long>()));

        var bad = await Call(HttpMethod.Post, $"packages/{package.Id}/files/received?iteration_token=bogus", bob, body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        AssertErrorBody(bad.Body, "Bad Request", "1002", "Invalid iteration token");
    }

    [Fact]
    public async Task Errors_have_the_faspex_body_shape()
    {
        var missing = await Call(HttpMethod.Get, "packages/nope", _f5.BootToken(Alice));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        AssertErrorBody(missing.Body, "Not Found", "1005", "Package not found");

        var anonymous = await Call(HttpMethod.Get, "account", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        AssertErrorBody(anonymous.Body, "Unauthorized", "1003", "Authorization required");

        var notAdmin = await Call(HttpMethod.Get, "accounts", _f5.BootToken(Alice));
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.Status);
        AssertErrorBody(notAdmin.Body, "Forbidden", "1004", "You do not have permission to perform this action");
    }

    [Theory]
    [InlineData("accounts", "accounts", """{"email":"dave@example.com","first_name":"Dave"}""")]
    [InlineData("contacts", "contacts", """{"name":"ext@partner.com"}""")]
    [InlineData("workgroups", "workgroups", """{"name":"Engineering"}""")]
    [InlineData("shared_inboxes", "shared_inboxes", """{"name":"Finance"}""")]
    [InlineData("nodes", "nodes", """{"name":"other","url":"https://10.0.0.1:9092"}""")]
    [InlineData("registrations", "registrations", """{"name":"r1","email":"r1@example.com"}""")]
    [InlineData("saml_configs", "saml_configs", """{"name":"idp"}""")]
    [InlineData("webhooks", "webhooks", """{"name":"hook","endpoint":"http://127.0.0.1:1/x","events":["package_sent"]}""")]
    [InlineData("configuration/metadata_profiles", "profiles", """{"name":"the profile","default":false}""")]
    [InlineData("configuration/alternate_addresses", "alternate_addresses", """{"name":"alt","address":"f5.example.org"}""")]
    [InlineData("account/distribution_lists", "distribution_lists", """{"name":"test4","contacts":[{"name":"bob@example.com"}]}""")]
    [InlineData("jobs", "jobs", """{"name":"job","type":"email"}""")]
    public async Task Admin_entities_support_create_list_show_modify_delete(string path, string listKey, string creation)
    {
        string admin = _f5.BootToken(Admin);
        var created = await Call(HttpMethod.Post, path, admin, JsonNode.Parse(creation));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        string id = created.Body["id"]!.ToString();
        string name = created.Body.Str("name");

        var list = await Call(HttpMethod.Get, path + "?all=true", admin);
        Assert.Contains(list.Body[listKey]!.AsArray(), e => e!["id"]!.ToString() == id);
        Assert.NotNull(list.Body["total_count"]);
        var show = await Call(HttpMethod.Get, $"{path}/{id}", admin);
        Assert.Equal(name, show.Body.Str("name"));
        var modified = await Call(HttpMethod.Put, $"{path}/{id}", admin, new JsonObject { ["description"] = "changed" });
        Assert.Equal(HttpStatusCode.OK, modified.Status);
        Assert.Equal("changed", (await Call(HttpMethod.Get, $"{path}/{id}", admin)).Body.Str("description"));
        var deleted = path == "account/distribution_lists"
            ? await Call(HttpMethod.Delete, path, admin, new JsonObject { ["ids"] = new JsonArray(JsonNode.Parse(id)) })
            : await Call(HttpMethod.Delete, $"{path}/{id}", admin);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"{path}/{id}", admin)).Status);
    }

    [Fact]
    public async Task Oauth_clients_live_under_the_auth_base()
    {
        string admin = _f5.BootToken(Admin);
        using var request = new HttpRequestMessage(HttpMethod.Get, _f5.Url + "/auth/oauth_clients");
        request.Headers.TryAddWithoutValidation("Authorization", admin);
        using var response = await _http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(ClientId, body["oauth_clients"]![0].Str("client_id"));
    }

    [Fact]
    public async Task Members_external_collaborators_and_smtp_test_job()
    {
        string admin = _f5.BootToken(Admin);
        var inbox = (await Call(HttpMethod.Get, "shared_inboxes?all=true&q=Legal", admin)).Body["shared_inboxes"]![0]!;
        string members = $"shared_inboxes/{inbox.Str("id")}/members";
        int bobId = _f5.State.UserId(Bob);
        var added = await Call(HttpMethod.Post, members, admin, JsonNode.Parse($$"""{"user":[{"id":{{bobId}},"access":"submit_only"}]}"""));
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal((bobId, "submit_only"), (added.Body["user_id"]!.GetValue<int>(), added.Body.Str("access")));
        var invited = await Call(HttpMethod.Post, $"shared_inboxes/{inbox.Str("id")}/external_collaborator", admin, new JsonObject { ["email_address"] = "partner@ext.com" });
        Assert.Equal("Invitation sent to partner@ext.com", invited.Body.Str("message"));
        var list = await Call(HttpMethod.Get, members + "?limit=100&offset=0", admin);
        Assert.Equal([Carol, Bob, "partner@ext.com"], list.Body["members"]!.AsArray().Select(static m => m.Str("name")));
        Assert.Equal(3, list.Body["total_count"]!.GetValue<int>());

        var noSmtp = await Call(HttpMethod.Get, "configuration/smtp", admin);
        Assert.Equal(HttpStatusCode.NotFound, noSmtp.Status);
        Assert.Equal(HttpStatusCode.Created, (await Call(HttpMethod.Post, "configuration/smtp", admin, new JsonObject { ["host"] = "smtp.example.com", ["port"] = 587 })).Status);
        var job = await Call(HttpMethod.Post, "configuration/smtp/test", admin, new JsonObject { ["test_email_recipient"] = Admin });
        string jobId = job.Body.Str("job_id");
        Assert.Equal("queued", (await Call(HttpMethod.Get, $"jobs/{jobId}?type=formatted", admin)).Body.Str("status"));
        await Task.Delay(_f5.JobDuration + TimeSpan.FromMilliseconds(100));
        var done = await Call(HttpMethod.Get, $"jobs/{jobId}?type=formatted", admin);
        Assert.Equal("success", done.Body.Str("status"));
        Assert.Equal(Admin, JsonNode.Parse(done.Body.Str("serialized_args"))!.Str("recipient"));
    }

    [Fact]
    public async Task Public_link_gives_the_package_with_the_passcode_header()
    {
        var package = _f5.State.AddPackage(Alice, "Contract draft", [Bob], new Dictionary<string, string> { ["contract.pdf"] = "pdf" });
        string link = _f5.PublicPackageLink(package.Id);
        using (var page = await _http.GetAsync(link))
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var context = JsonNode.Parse(Convert.FromBase64String(link[(link.IndexOf("context=", StringComparison.Ordinal) + 8)..]))!;
        Assert.Equal(package.Id, context.Str("package_id"));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_f5.ApiUrl}/packages/{package.Id}");
        request.Headers.Add("Passcode", context.Str("passcode"));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Contract draft", JsonNode.Parse(await response.Content.ReadAsStringAsync()).Str("title"));
    }

    [Fact]
    public async Task Web_authorization_code_is_exchanged_for_a_token()
    {
        _f5.WebLoginUser = Alice;
        using var authorize = await _http.GetAsync($"{_f5.Url}/auth/authorize?client_id={ClientId}&response_type=code&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:12345/callback")}&state=s1");
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1:12345/callback?code=", location.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("&state=s1", location.ToString(), StringComparison.Ordinal);
        string code = Uri.UnescapeDataString(location.Query.Split('&')[0][6..]);
        using var form = new FormUrlEncodedContent([new("client_id", ClientId), new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", "http://127.0.0.1:12345/callback")]);
        using var response = await _http.PostAsync(_f5.Url + "/auth/token", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string token = JsonNode.Parse(await response.Content.ReadAsStringAsync()).Str("access_token");
        Assert.Equal(Alice, (await Call(HttpMethod.Get, "account", "Bearer " + token)).Body.Str("name"));
    }

    // ---- helpers ----

    private string EveToken()
    {
        _f5.State.AddUser("eve@example.com");
        return _f5.BootToken("eve@example.com");
    }

    private static void AssertErrorBody(JsonNode body, string status, string code, string message)
    {
        Assert.Equal(status, body.Str("status"));
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(message, body.Str("message"));
        Assert.True(Guid.TryParse(body.Str("trace"), out _));
        Assert.Equal(4, body.AsObject().Count);
    }

    private async Task<List<string>> Box(string box, string token)
    {
        var page = await Call(HttpMethod.Get, $"{box}/packages?limit=100&offset=0", token);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return [.. page.Body["packages"]!.AsArray().Select(static p => p.Str("id"))];
    }

    private static string Jwt(RSA key, string user, int expiresIn = 3600, string? audience = null) => TokenService.Assertion(key, ClientId, user, expiresIn, audience);

    private async Task<(HttpStatusCode Status, JsonNode Body)> Grant(string assertion)
    {
        using var form = new FormUrlEncodedContent([new("client_id", ClientId), new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", assertion)]);
        using var response = await _http.PostAsync(_f5.Url + "/auth/token", form);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseHeaders Headers)> Call(HttpMethod method, string path, string? authorization, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, $"{_f5.ApiUrl}/{path}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!, response.Headers);
    }

    /// <summary>Runs the stand-in ascp (copied beside the tests) and checks it succeeded.</summary>
    private async Task Ascp(params string[] args)
    {
        string dir = AppContext.BaseDirectory;
        string apphost = Path.Combine(dir, "ascp");
        var psi = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(dir, "ascp.dll") } };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.WorkingDirectory = _work;
        psi.RedirectStandardError = true;
        psi.RedirectStandardOutput = true;
        using var process = Process.Start(psi)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"stand-in ascp failed ({process.ExitCode}): {error}");
    }
}

internal static class JsonTestExtensions
{
    public static string Str(this JsonNode? node, string key) => node?[key]?.ToString() ?? "";
}
