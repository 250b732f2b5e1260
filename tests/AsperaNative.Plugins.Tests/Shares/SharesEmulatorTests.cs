using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Shares;
using AsperaNative.Plugins.Tests.Faspex4;

namespace AsperaNative.Plugins.Tests.Shares;

/// <summary>The Shares emulator over real HTTPS: admin API, the node API of the shares forwarded to a node emulator, transfers.</summary>
public sealed class SharesEmulatorTests
{
    private sealed class Env : IAsyncDisposable
    {
        public string Storage { get; } = Directory.CreateTempSubdirectory("aspn-shares-").FullName;
        public SharesEmulator Shares { get; private set; } = null!;
        public HttpClient Http { get; } = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true });
        public int ProjectX { get; private set; }
        public int Bob { get; private set; }

        public static async Task<Env> Start()
        {
            var env = new Env();
            env.Shares = await SharesEmulator.StartAsync(env.Storage, "/shares");
            env.Shares.AddUser("shares_admin", "Sh4res!", admin: true, firstName: "Sam", lastName: "Admin");
            env.Bob = env.Shares.AddUser("bob", "B0b!pass");
            env.ProjectX = env.Shares.AddShare("project_x", "/projects/x");
            env.Shares.AddShare("secret", "/secret");
            File.WriteAllText(Path.Combine(env.Storage, "projects", "x", "plan.txt"), "the plan");
            return env;
        }

        public async Task<(HttpStatusCode Status, string Body)> Call(HttpMethod method, string path, string? body = null, string user = "shares_admin", string password = "Sh4res!")
        {
            using var request = new HttpRequestMessage(method, Shares.Url + "/" + path);
            if (user.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<JsonNode> Json(HttpMethod method, string path, string? body = null, HttpStatusCode expected = HttpStatusCode.OK, string user = "shares_admin", string password = "Sh4res!")
        {
            var (status, text) = await Call(method, path, body, user, password);
            Assert.True(status == expected, $"{method} {path}: {(int)status} {text}");
            return JsonNode.Parse(text)!;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Shares.DisposeAsync();
            Directory.Delete(Storage, recursive: true);
        }
    }

    [Fact]
    public async Task Admin_api_serves_users_shares_nodes_and_settings_with_shares_error_bodies()
    {
        await using var env = await Env.Start();
        var users = await env.Json(HttpMethod.Get, "api/v1/data/users");
        Assert.Equal(["shares_admin", "bob"], users.AsArray().Select(u => u!["username"]!.ToString()));
        Assert.False(users[0]!["directory_user"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.Unauthorized, """{"error":{"user_message":"API user authentication failed"}}"""),
            await env.Call(HttpMethod.Get, "api/v1/data/users", password: "wrong"));
        Assert.Equal(HttpStatusCode.Forbidden, (await env.Call(HttpMethod.Get, "api/v1/data/users", user: "bob", password: "B0b!pass")).Status);

        var created = await env.Json(HttpMethod.Post, "api/v1/data/local_users", """{"username":"newbie","password":"S3cure!pass","email":"newbie@example.com"}""", HttpStatusCode.Created);
        Assert.Equal("newbie@example.com", created["email"]!.ToString());
        Assert.Null(created["password"]);
        Assert.Equal("Username has already been taken", (await env.Json(HttpMethod.Post, "api/v1/data/local_users", """{"username":"newbie","password":"x"}""", HttpStatusCode.UnprocessableEntity))["error"]!["user_message"]!.ToString());
        var ldap = await env.Json(HttpMethod.Post, "api/v1/data/ldap_users", """{"user":"the_name"}""", HttpStatusCode.Created);
        Assert.True(ldap["directory_user"]!.GetValue<bool>());
        var saml = await env.Json(HttpMethod.Post, "api/v1/data/saml_users/import", """{"id":"the_id","name_id":"the_name2","email":"s@example.com"}""", HttpStatusCode.Created);
        Assert.Equal("the_name2", saml["username"]!.ToString());
        Assert.Equal(["newbie"], (await env.Json(HttpMethod.Get, "api/v1/data/local_users?username=newbie")).AsArray().Select(u => u!["username"]!.ToString()));
        Assert.Equal(5, (await env.Json(HttpMethod.Get, "api/v1/data/users")).AsArray().Count);

        var share = await env.Json(HttpMethod.Get, $"api/v1/data/shares/{env.ProjectX}");
        Assert.Equal(["id", "name", "node_id", "directory", "percent_free", "status", "status_message", "created_at"], share.AsObject().Select(kv => kv.Key));
        Assert.Equal("""{"error":{"user_message":"Node not found"}}""", (await env.Call(HttpMethod.Get, "api/v1/data/nodes/9")).Body);
        Assert.Equal("node1", (await env.Json(HttpMethod.Get, "api/v1/data/nodes")).AsArray().Single()!["name"]!.ToString());

        var newShare = await env.Json(HttpMethod.Post, "api/v1/data/shares", """{"node_id":1,"name":"test1","directory":"test1","create_directory":true}""", HttpStatusCode.Created);
        Assert.True(Directory.Exists(Path.Combine(env.Storage, "test1")));
        var permission = await env.Json(HttpMethod.Post, $"api/v1/data/shares/{newShare["id"]}/user_permissions",
            $$$"""{"user_id":{{{env.Bob}}},"browse_permission":true,"download_permission":true}""", HttpStatusCode.Created);
        Assert.False(permission["delete_permission"]!.GetValue<bool>());
        Assert.Single((await env.Json(HttpMethod.Get, $"api/v1/data/users/{env.Bob}/share_permissions")).AsArray());

        var settings = await env.Json(HttpMethod.Put, "api/v1/data/transfer_settings", """{"target_rate":5000}""");
        Assert.Equal(5000, settings["target_rate"]!.GetValue<int>());
        Assert.NotNull(settings["min_connect_version"]);
        Assert.Equal("""{"target_rate":10000,"min_rate":0,"policy":"fair"}""", (await env.Json(HttpMethod.Get, "api/v1/data/users/2/transfer_settings")).ToJsonString());
        Assert.True((await env.Json(HttpMethod.Put, $"api/v1/data/users/{env.Bob}/app_authorizations", """{"app_login":false}""")).AsObject().ContainsKey("app_login"));

        var group = await env.Json(HttpMethod.Post, "api/v1/data/local_groups", """{"name":"team"}""", HttpStatusCode.Created);
        await env.Json(HttpMethod.Post, $"api/v1/data/local_groups/{group["id"]}/local_users", $$$"""{"user_id":{{{created["id"]}}}}""", HttpStatusCode.Created);
        Assert.Equal(["newbie"], (await env.Json(HttpMethod.Get, $"api/v1/data/groups/{group["id"]}/users")).AsArray().Select(u => u!["username"]!.ToString()));
        Assert.Equal(HttpStatusCode.NoContent, (await env.Call(HttpMethod.Delete, $"api/v1/data/users/{created["id"]}")).Status);
        Assert.Empty((await env.Json(HttpMethod.Get, $"api/v1/data/groups/{group["id"]}/users")).AsArray());
    }

    [Fact]
    public async Task Node_api_shows_shares_as_containers_and_forwards_files_to_the_node_with_share_paths()
    {
        await using var env = await Env.Start();
        Assert.Equal((HttpStatusCode.OK, " "), await env.Call(HttpMethod.Get, "node_api/ping", user: ""));
        Assert.Equal((HttpStatusCode.Unauthorized, """{"error":{"user_message":"API user authentication failed"}}"""), await env.Call(HttpMethod.Get, "node_api/app", user: ""));
        Assert.Contains("(v1.10.2)", (await env.Call(HttpMethod.Get, "login", user: "")).Body);

        var root = await env.Json(HttpMethod.Post, "node_api/files/browse", """{"count":1000,"path":"/"}""");
        Assert.Equal("container", root["self"]!["type"]!.ToString());
        Assert.Equal(["/project_x", "/secret"], root["items"]!.AsArray().Select(i => i!["path"]!.ToString()));
        var folder = await env.Json(HttpMethod.Post, "node_api/files/browse", """{"count":1000,"path":"/project_x"}""");
        Assert.Equal("/project_x", folder["self"]!["path"]!.ToString());
        Assert.Equal(["/project_x/plan.txt"], folder["items"]!.AsArray().Select(i => i!["path"]!.ToString()));
        Assert.Equal((HttpStatusCode.NotFound, """{"error":{"code":404,"reason":"Not Found","user_message":"Share not found or access denied"}}"""),
            await env.Call(HttpMethod.Post, "node_api/files/browse", """{"count":1000,"path":"/nope"}"""));

        var made = await env.Json(HttpMethod.Post, "node_api/files/create", """{"paths":[{"type":"file","path":"/project_x/readme.md","contents":"IyBoZWxsbw=="}]}""");
        Assert.Equal("""{"paths":[{"path":"/project_x/readme.md"}]}""", made.ToJsonString());
        Assert.Equal("# hello", File.ReadAllText(Path.Combine(env.Storage, "projects", "x", "readme.md")));
        await env.Json(HttpMethod.Post, "node_api/files/rename", """{"paths":[{"path":"/project_x","source":"readme.md","destination":"README.md"}]}""");
        Assert.True(File.Exists(Path.Combine(env.Storage, "projects", "x", "README.md")));
        var removed = await env.Json(HttpMethod.Post, "node_api/files/delete", """{"paths":[{"path":"/project_x/README.md"},{"path":"/project_x/absent"}]}""");
        Assert.Null(removed["paths"]![0]!["error"]);
        Assert.NotNull(removed["paths"]![1]!["error"]!["user_message"]);

        // bob sees the share he was granted browse on, and may not delete there
        env.Shares.GrantUser(env.ProjectX, env.Bob, "browse", "download");
        var his = await env.Json(HttpMethod.Post, "node_api/files/browse", """{"path":"/"}""", user: "bob", password: "B0b!pass");
        Assert.Equal(["/project_x"], his["items"]!.AsArray().Select(i => i!["path"]!.ToString()));
        var refused = await env.Json(HttpMethod.Post, "node_api/files/delete", """{"paths":[{"path":"/project_x/plan.txt"}]}""", user: "bob", password: "B0b!pass");
        Assert.Equal("Share not found or access denied", refused["paths"]![0]!["error"]!["user_message"]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await env.Call(HttpMethod.Post, "node_api/files/browse", """{"path":"/secret"}""", "bob", "B0b!pass")).Status);
        Assert.Equal("the plan", (await env.Call(HttpMethod.Get, "node_api/files/" + Uri.EscapeDataString("/project_x/plan.txt") + "/contents", user: "bob", password: "B0b!pass")).Body);
    }

    [Fact]
    public async Task Transfer_setups_come_from_the_node_and_the_stand_in_ascp_moves_the_files()
    {
        await using var env = await Env.Start();
        string local = Directory.CreateTempSubdirectory("aspn-shares-local-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(local, "up.bin"), "uploaded");
            var upload = await env.Json(HttpMethod.Post, "node_api/files/upload_setup", """{"transfer_requests":[{"transfer_request":{"paths":[{"destination":"project_x"}]}}]}""");
            var spec = upload["transfer_specs"]![0]!["transfer_spec"]!.AsObject();
            Assert.Equal(Path.Combine(env.Storage, "projects", "x"), spec["destination_root"]!.ToString());
            Assert.False(string.IsNullOrEmpty(spec["token"]?.ToString()));
            var sent = StandInAscp.Run(spec, [Path.Combine(local, "up.bin")], spec["destination_root"]!.ToString());
            Assert.True(sent.Exit == 0, sent.Output);
            Assert.Equal("uploaded", File.ReadAllText(Path.Combine(env.Storage, "projects", "x", "up.bin")));

            var download = await env.Json(HttpMethod.Post, "node_api/files/download_setup", """{"transfer_requests":[{"transfer_request":{"paths":[{"source":"/project_x/plan.txt"}]}}]}""");
            var back = download["transfer_specs"]![0]!["transfer_spec"]!.AsObject();
            string source = back["paths"]![0]!["source"]!.ToString();
            Assert.Equal(Path.Combine(env.Storage, "projects", "x", "plan.txt"), source);
            var received = StandInAscp.Run(back, [source], local);
            Assert.True(received.Exit == 0, received.Output);
            Assert.Equal("the plan", File.ReadAllText(Path.Combine(local, "plan.txt")));

            var denied = await env.Json(HttpMethod.Post, "node_api/files/upload_setup", """{"transfer_requests":[{"transfer_request":{"paths":[{"destination":"/nope"}]}}]}""");
            Assert.Equal(404, denied["transfer_specs"]![0]!["error"]!["code"]!.GetValue<int>());
        }
        finally { Directory.Delete(local, recursive: true); }
    }
}
