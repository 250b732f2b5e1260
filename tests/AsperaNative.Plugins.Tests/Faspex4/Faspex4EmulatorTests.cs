using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AsperaNative.Emulators.Faspex4;

namespace AsperaNative.Plugins.Tests.Faspex4;

/// <summary>The Faspex 4 emulator over real HTTPS: feeds and their paging, sending through the node, tokens, public links, API v4.</summary>
public sealed class Faspex4EmulatorTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>An emulator on a temporary storage folder and a client trusting its certificate.</summary>
    private sealed class Env : IAsyncDisposable
    {
        public string Storage { get; } = Directory.CreateTempSubdirectory("aspn-f4-").FullName;
        public Faspex4Emulator Faspex { get; private set; } = null!;
        public HttpClient Http { get; } = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true });
        public Faspex4User Jdoe { get; private set; } = null!;
        public Faspex4User Alice { get; private set; } = null!;

        public static async Task<Env> Start()
        {
            var env = new Env();
            env.Faspex = await Faspex4Emulator.StartAsync(env.Storage);
            env.Jdoe = env.Faspex.AddUser("jdoe", "F4spex!", firstName: "John", lastName: "Doe", admin: true);
            env.Alice = env.Faspex.AddUser("alice", "Al1ce!", firstName: "Alice", lastName: "Liddell");
            return env;
        }

        public HttpRequestMessage Request(HttpMethod method, string path, Faspex4User? user = null, string? password = null)
        {
            var request = new HttpRequestMessage(method, path.StartsWith("http", StringComparison.Ordinal) ? path : Faspex.Url + "/" + path);
            if (user is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Name}:{password ?? user.Password}")));
            return request;
        }

        public async Task<XElement> Xml(string path, Faspex4User user)
        {
            using var response = await Http.SendAsync(Request(HttpMethod.Get, path, user));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        }

        public async Task<JsonNode> Json(HttpMethod method, string path, Faspex4User? user, JsonNode? body = null, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var request = Request(method, path, user);
            if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await Http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
            return JsonNode.Parse(text)!;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Faspex.DisposeAsync();
            Directory.Delete(Storage, recursive: true);
        }
    }

    private static List<string> Titles(XElement feed) => [.. feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)];

    private static string? Next(XElement feed) => feed.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "next")?.Attribute("href")?.Value;

    private static string Href(XElement entry, string rel) => entry.Elements(Atom + "link").First(l => (string?)l.Attribute("rel") == rel).Attribute("href")!.Value;

    [Fact]
    public async Task Inbox_feed_is_newest_first_and_paged_by_next_links()
    {
        await using var env = await Env.Start();
        var start = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        for (int i = 1; i <= 12; i++) env.Faspex.AddPackage(env.Alice, $"P{i}", ["jdoe"], created: start.AddDays(i));

        var first = await env.Xml("inbox.atom", env.Jdoe);
        Assert.Equal([.. Enumerable.Range(3, 10).Reverse().Select(i => $"P{i}")], Titles(first));
        Assert.Equal(env.Faspex.Url + "/inbox.atom?page=2", Next(first));
        var second = await env.Xml(Next(first)!, env.Jdoe);
        Assert.Equal(["P2", "P1"], Titles(second));
        Assert.Null(Next(second));

        var small = await env.Xml("inbox.atom?count=5&page=2", env.Jdoe);
        Assert.Equal(["P7", "P6", "P5", "P4", "P3"], Titles(small));
        Assert.Equal(env.Faspex.Url + "/inbox.atom?page=3&count=5", Next(small));
        // startIndex counts from the oldest package
        var oldest = await env.Xml("inbox.atom?startIndex=0&count=5", env.Jdoe);
        Assert.Equal(["P5", "P4", "P3", "P2", "P1"], Titles(oldest));
        Assert.Equal(env.Faspex.Url + "/inbox.atom?startIndex=5&count=5", Next(oldest));

        // the entry: package link first, the user's delivery id in "to", metadata with _note, the sender's delivery id
        var entry = first.Elements(Atom + "entry").First();
        Assert.Equal("package", entry.Elements(Atom + "link").First().Attribute("rel")!.Value);
        var to = entry.Element(Atom + "to")!;
        Assert.Equal("jdoe", to.Element(Atom + "name")!.Value);
        Assert.Matches("^30[0-9]{2}$", to.Element(Atom + "recipient_delivery_id")!.Value);
        Assert.Equal("_note", entry.Element(Atom + "metadata")!.Element(Atom + "field")!.Attribute("name")!.Value);
        Assert.Matches("^20[0-9]{2}$", entry.Element(Atom + "delivery_id")!.Value);
        Assert.Empty(Titles(await env.Xml("sent.atom", env.Jdoe)));
        Assert.Equal(10, Titles(await env.Xml("sent.atom", env.Alice)).Count);
    }

    [Fact]
    public async Task Dropbox_packages_reach_members_under_the_dropbox_name_and_archive_has_its_box()
    {
        await using var env = await Env.Start();
        var bob = env.Faspex.AddUser("bob", "B0b!");
        env.Faspex.AddDropbox("Legal", "Legal dropbox", env.Jdoe);
        var package = env.Faspex.AddPackage(env.Alice, "Contract", ["*Legal"]);
        env.Faspex.AddPackage(env.Alice, "Direct", ["jdoe"]);

        var inbox = await env.Xml("inbox.atom", env.Jdoe);
        var legal = inbox.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == "Contract");
        Assert.Equal("Legal", legal.Element(Atom + "to")!.Element(Atom + "name")!.Value);
        Assert.Empty(Titles(await env.Xml("inbox.atom", bob)));
        var dropboxes = await env.Json(HttpMethod.Get, "dropboxes", env.Jdoe);
        Assert.Equal("""{"items":[{"name":"Legal","id":1,"description":"Legal dropbox","can_read":true,"can_write":true,"members":1}]}""", dropboxes.ToJsonString());

        env.Faspex.Archive(package, env.Jdoe);
        Assert.Equal(["Direct"], Titles(await env.Xml("inbox.atom", env.Jdoe)));
        Assert.Equal(["Contract"], Titles(await env.Xml("archive.atom", env.Jdoe)));
    }

    [Fact]
    public async Task Send_hands_the_transfer_to_the_node_and_the_recipient_downloads_with_an_issued_token()
    {
        await using var env = await Env.Start();
        string local = Directory.CreateTempSubdirectory("aspn-f4-local-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(local, "a.txt"), "alpha");
            File.WriteAllText(Path.Combine(local, "b.txt"), "bravo");
            var delivery = JsonNode.Parse("""{"delivery":{"title":"Quarterly","recipients":["jdoe"],"note":"see","metadata":{"Project":"P1"},"sources":[{"paths":["a.txt","b.txt"]}]}}""");
            var sent = await env.Json(HttpMethod.Post, "send", env.Alice, delivery);
            var spec = sent["xfer_sessions"]!.AsArray().Single()!.AsObject();
            Assert.Equal("send", spec["direction"]!.ToString());
            Assert.False(string.IsNullOrEmpty(spec["token"]?.ToString()));
            string root = spec["destination_root"]!.ToString();
            Assert.StartsWith(env.Faspex.Node.Store.Docroot + Faspex4Emulator.PackagesFolder + "/alice/", root);
            Assert.EndsWith("/PKG - Quarterly", root);
            Assert.Equal("Quarterly", spec["tags"]!["aspera"]!["faspex"]!["metadata"]!["_pkg_name"]!.ToString());
            Assert.StartsWith(env.Faspex.Url + "/sent/", sent["links"]!["status"]!.ToString());

            var upload = StandInAscp.Run(spec, [Path.Combine(local, "a.txt"), Path.Combine(local, "b.txt")], root);
            Assert.True(upload.Exit == 0, upload.Output);
            Assert.Equal("bravo", File.ReadAllText(Path.Combine(root, "b.txt")));

            var entry = (await env.Xml("inbox.atom", env.Jdoe)).Element(Atom + "entry")!;
            Assert.Equal(2, entry.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") == "enclosure"));
            string id = entry.Element(Atom + "to")!.Element(Atom + "recipient_delivery_id")!.Value;
            var single = await env.Xml("received/" + id, env.Jdoe);
            Assert.Equal("entry", single.Name.LocalName);
            string link = Href(single, "package");
            Assert.StartsWith("faspe://xfer@127.0.0.1:33001/", link);
            Assert.DoesNotContain("token=", link);
            Assert.Equal("P1", (await env.Xml("sent/" + entry.Element(Atom + "delivery_id")!.Value, env.Alice)).Element(Atom + "metadata")!
                .Elements(Atom + "field").Single(f => f.Attribute("name")!.Value == "Project").Value);

            var issue = env.Request(HttpMethod.Post, "issue-token?direction=down", env.Jdoe);
            issue.Content = new StringContent(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><url-list xmlns=\"http://schemas.asperasoft.com/xml/url-list\"><url href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"/></url-list>",
                Encoding.UTF8, "application/vnd.aspera.url-list+xml");
            using var token = await env.Http.SendAsync(issue);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(await token.Content.ReadAsStringAsync()));
            var outsider = env.Request(HttpMethod.Post, "issue-token?direction=down", env.Faspex.AddUser("eve", "Ev3!"));
            outsider.Content = new StringContent($"<url-list><url href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"/></url-list>", Encoding.UTF8, "application/vnd.aspera.url-list+xml");
            using var refused = await env.Http.SendAsync(outsider);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

            // the link's path is where the stand-in ascp reads the package from
            string download = Path.Combine(local, "down");
            Directory.CreateDirectory(download);
            string source = Uri.UnescapeDataString(new Uri(link).AbsolutePath);
            var received = StandInAscp.Run(new JsonObject { ["direction"] = "receive", ["remote_user"] = "xfer", ["remote_host"] = "127.0.0.1" }, [source], download);
            Assert.True(received.Exit == 0, received.Output);
            Assert.Equal("alpha", File.ReadAllText(Path.Combine(download, "PKG - Quarterly", "a.txt")));
        }
        finally { Directory.Delete(local, recursive: true); }
    }

    [Fact]
    public async Task Send_errors_are_http_200_with_an_error_object_and_bad_credentials_get_the_rails_refusal()
    {
        await using var env = await Env.Start();
        var profile = env.Faspex.AddMetadataProfile("legal", "Case");
        env.Faspex.AddDropbox("Legal", "", env.Alice).MetadataProfile = profile;
        env.Faspex.AddDropbox("HR");
        async Task<string> Refused(string delivery)
        {
            var answer = await env.Json(HttpMethod.Post, "send", env.Alice, JsonNode.Parse(delivery));
            Assert.NotNull(answer["error"]?["internal_message"]);
            return answer["error"]!["user_message"]!.ToString();
        }
        Assert.Equal("Title can't be blank", await Refused("""{"delivery":{"recipients":["jdoe"]}}"""));
        Assert.Equal("Please specify at least one recipient", await Refused("""{"delivery":{"title":"t","recipients":[]}}"""));
        Assert.Equal("Recipient not found: nobody", await Refused("""{"delivery":{"title":"t","recipients":["nobody"]}}"""));
        Assert.Equal("You are not allowed to send to dropbox HR", await Refused("""{"delivery":{"title":"t","recipients":["*HR"]}}"""));
        Assert.Equal("Missing required metadata field: Case", await Refused("""{"delivery":{"title":"t","recipients":["*Legal"]}}"""));
        Assert.Equal("Missing delivery information", await Refused("""{"title":"t"}"""));
        Assert.Empty(env.Faspex.Store.Packages);

        using var denied = await env.Http.SendAsync(env.Request(HttpMethod.Get, "inbox.atom", env.Jdoe, "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("HTTP Basic: Access denied.\n", await denied.Content.ReadAsStringAsync());
        using var missing = await env.Http.SendAsync(env.Request(HttpMethod.Get, "received/9999", env.Jdoe));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("text/html", missing.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Remote_source_send_is_copied_by_the_node_and_answers_the_status_link_only()
    {
        await using var env = await Env.Start();
        var source = env.Faspex.AddSource("Main storage", "/sources/main");
        File.WriteAllText(Path.Combine(env.Storage, "sources", "main", "big.bin"), "payload");
        var sources = await env.Json(HttpMethod.Get, "source_shares", env.Alice);
        Assert.Equal("""{"items":[{"id":1,"name":"Main storage","type":"node"}]}""", sources.ToJsonString());

        var sent = await env.Json(HttpMethod.Post, "send", env.Alice,
            JsonNode.Parse($$$"""{"delivery":{"title":"From source","recipients":["jdoe"],"sources":[{"paths":["big.bin"],"id":{{{source.Id}}}}]}}"""));
        Assert.Null(sent["xfer_sessions"]);
        Assert.NotNull(sent["links"]!["status"]);
        var package = env.Faspex.Store.Packages.Single();
        Assert.Equal("payload", File.ReadAllText(Path.Combine(env.Storage + package.Folder, "big.bin")));
        Assert.Equal("Source not found", (await env.Json(HttpMethod.Post, "send", env.Alice,
            JsonNode.Parse("""{"delivery":{"title":"x","recipients":["jdoe"],"sources":[{"paths":["a"],"id":99}]}}""")))["error"]!["user_message"]!.ToString());
    }

    [Fact]
    public async Task Public_links_deliver_with_a_token_and_submissions_answer_javascript()
    {
        await using var env = await Env.Start();
        var package = env.Faspex.AddPackage(env.Alice, "For outsider", ["partner@ext.example.com"], new Dictionary<string, string> { ["doc.txt"] = "d" });
        string link = env.Faspex.PublicLink(package);
        Assert.Matches("/aspera/faspex/external_deliveries/[0-9]+\\?passcode=[0-9a-f]+$", link);
        using (var response = await env.Http.GetAsync(link))
        {
            string xml = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("<?xml ", xml);
            var entry = XDocument.Parse(xml).Root!;
            Assert.Contains("token=", Href(entry, "package"));
            Assert.True(entry.Elements(Atom + "link").Count() >= 2);
        }
        using (var wrong = await env.Http.GetAsync(link[..^4] + "0000"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.StartsWith("<!DOCTYPE html>", await wrong.Content.ReadAsStringAsync());
        }

        string submission = env.Faspex.SubmissionLink(env.Jdoe);
        string passcode = submission[(submission.IndexOf("passcode=", StringComparison.Ordinal) + 9)..];
        var post = new HttpRequestMessage(HttpMethod.Post, env.Faspex.Url + "/external/submissions")
        {
            Content = new StringContent($$"""{"delivery":{"title":"From outside","transfer_type":"connect","source_paths_list":"x.txt\r\ny.txt"},"passcode":"{{passcode}}"}""", Encoding.UTF8, "application/json"),
        };
        using var created = await env.Http.SendAsync(post);
        string script = await created.Content.ReadAsStringAsync();
        Assert.StartsWith("text/javascript", created.Content.Headers.ContentType!.ToString());
        var spec = AscliJavascriptExtraction(script);
        Assert.Equal("send", spec["direction"]!.ToString());
        Assert.Equal("""[{"source":"x.txt"},{"source":"y.txt"}]""", spec["paths"]!.ToJsonString());
        Assert.Contains(env.Faspex.Store.Packages, p => p.Title == "From outside" && p.Recipients.Single().User == env.Jdoe);
    }

    /// <summary>The extraction ascli applies to the submission answer (manual: public link send).</summary>
    private static JsonObject AscliJavascriptExtraction(string script)
    {
        string s = script.Replace("\n", "", StringComparison.Ordinal);
        s = System.Text.RegularExpressions.Regex.Replace(s, "^[^\"]+\\(\"\\{", "{");
        s = System.Text.RegularExpressions.Regex.Replace(s, "\"\\);[^\"]+$", "\"");
        s = System.Text.RegularExpressions.Regex.Replace(s, "\\}\", *\"", "},\"");
        s = s.Replace("\\\"", "\"", StringComparison.Ordinal);
        return JsonNode.Parse("[" + s + "]")![0]!.AsObject();
    }

    [Fact]
    public async Task V4_api_takes_a_password_grant_token_with_admin_scope()
    {
        await using var env = await Env.Start();
        async Task<HttpResponseMessage> Token(Faspex4User user, string password)
        {
            var request = env.Request(HttpMethod.Post, "auth/oauth2/token", user, password);
            request.Content = new FormUrlEncodedContent([new("scope", "admin"), new("grant_type", "password")]);
            return await env.Http.SendAsync(request);
        }
        using (var refused = await Token(env.Alice, env.Alice.Password))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid_scope", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!.ToString());
        }
        using (var wrong = await Token(env.Jdoe, "bad"))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var ok = await Token(env.Jdoe, env.Jdoe.Password);
        var token = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        Assert.Equal("bearer", token["token_type"]!.ToString());
        Assert.Equal("admin", token["scope"]!.ToString());

        async Task<(HttpStatusCode Status, JsonNode? Body)> V4(HttpMethod method, string path, string? body = null, string? bearer = null)
        {
            var request = new HttpRequestMessage(method, env.Faspex.Url + "/api/" + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? token["access_token"]!.ToString());
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await env.Http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }
        var user = await V4(HttpMethod.Post, "users", """{"name":"cking","email":"cking@example.com","first_name":"Carl","last_name":"King"}""");
        Assert.Equal(HttpStatusCode.Created, user.Status);
        Assert.Equal("cking", user.Body!["name"]!.ToString());
        var dropbox = await V4(HttpMethod.Post, "admin/dropboxes", """{"dropbox":{"e_wg_name":"test1","e_wg_desc":"test1"}}""");
        Assert.Equal(HttpStatusCode.Created, dropbox.Status);
        string dropboxId = dropbox.Body!["id"]!.ToString();
        var member = await V4(HttpMethod.Post, "dropbox_memberships", $$$"""{"dropbox_id":{{{dropboxId}}},"user_id":{{{user.Body["id"]}}}}""");
        Assert.Equal(HttpStatusCode.Created, member.Status);
        Assert.Equal("test1", (await V4(HttpMethod.Get, "admin/dropboxes")).Body!.AsArray().Single()!["e_wg_name"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await V4(HttpMethod.Put, "admin/dropboxes/" + dropboxId, """{"e_wg_desc":"changed"}""")).Status);
        Assert.Equal("changed", (await V4(HttpMethod.Get, "admin/dropboxes/" + dropboxId)).Body!["e_wg_desc"]!.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await V4(HttpMethod.Post, "users", """{"email":"x@example.com"}""")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await V4(HttpMethod.Delete, "admin/dropboxes/" + dropboxId)).Status);
        var gone = await V4(HttpMethod.Get, "admin/dropboxes/" + dropboxId);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("Not found", gone.Body!["user_message"]!.ToString());
        env.Faspex.AddPackage(env.Alice, "Mine", ["jdoe"]);
        Assert.Equal("Mine", (await V4(HttpMethod.Get, $"users/{env.Jdoe.Id}/packages")).Body!.AsArray().Single()!["title"]!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await V4(HttpMethod.Get, "users", bearer: "forged")).Status);
    }

    [Fact]
    public async Task Json_and_xrds_reads_have_the_product_shapes()
    {
        await using var env = await Env.Start();
        Assert.Equal("jdoe", (await env.Json(HttpMethod.Get, "me", env.Jdoe))["name"]!.ToString());
        var book = await env.Json(HttpMethod.Get, "address-book?format=json&count=100000", env.Jdoe);
        Assert.Equal(2, book["totalResults"]!.GetValue<int>());
        Assert.Equal("Alice Liddell", book["entry"]![1]!["displayName"]!.ToString());
        Assert.Equal("true", book["entry"]![0]!["emails"]![0]!["primary"]!.ToString());
        var methods = await env.Xml("login/new", env.Jdoe);
        Assert.Equal("password", methods.Element("XRD")!.Element("Service")!.Element("Type")!.Value);
        using var detect = await env.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, env.Faspex.Url) { Content = new StringContent("", Encoding.UTF8, "text/plain") });
        string xrds = await detect.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml", xrds);
        Assert.Equal(Faspex4Emulator.Version, XDocument.Parse(xrds).Root!.Element("XRD")!.Element("application")!.Element("version")!.Value);
    }
}
