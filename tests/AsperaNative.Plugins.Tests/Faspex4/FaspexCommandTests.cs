using System.Text.Json.Nodes;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Faspex4;

/// <summary>The faspex plugin against the Faspex 4 emulator: feeds and paging, receive (once-only, ALL, INIT, links), send, sources, v4, user commands.</summary>
public sealed class FaspexCommandTests(FaspexFixture fixture) : IClassFixture<FaspexFixture>
{
    private static JsonNode Json(RunOutput r)
    {
        Assert.True(r.Exit == 0, r.Err);
        return JsonNode.Parse(r.Out)!;
    }

    [Fact]
    public void Package_list_reads_every_page_of_the_feed_and_honours_max_and_pmax()
    {
        var all = Json(fixture.Run("package", "list", "--format=json")).AsArray();
        // 12 packages for jdoe and the dropbox's one (not his delivery, dropped), 10 per page:
        // newest page first (the dropbox's, 12 … 4), each page oldest first, then 1 … 3
        Assert.Equal(12, all.Count);
        Assert.Equal(fixture.DeliveryOf(fixture.Packages[3]), all[0]!["package_id"]!.ToString());
        Assert.Equal(fixture.DeliveryOf(fixture.Packages[11]), all[8]!["package_id"]!.ToString());
        Assert.Equal(fixture.DeliveryOf(fixture.Packages[0]), all[9]!["package_id"]!.ToString());
        Assert.Equal(fixture.DeliveryOf(fixture.Packages[2]), all[11]!["package_id"]!.ToString());
        Assert.Equal("P4", all[0]!["metadata"]!["Project"]!.ToString());
        Assert.Equal(2, all[0]!["items"]!.GetValue<int>());
        Assert.Equal(9, Json(fixture.Run("package", "list", "--query=@json:{\"pmax\":1}", "--format=json")).AsArray().Count);
        Assert.Equal(3, Json(fixture.Run("package", "list", "--query=@json:{\"max\":3}", "--format=json")).AsArray().Count);
        Assert.Equal(3, Json(fixture.Run("package", "list", "--query=@json:{\"count\":4,\"pmax\":1}", "--format=json")).AsArray().Count);
        var table = fixture.Run("package", "list");
        Assert.Contains("| package_id | title", table.Out);
        Assert.StartsWith("ERROR: Other(Aspera::AssertError): assertion failed: query: supported params: [\"max\", \"pmax\", \"page\", \"count\", \"startIndex\"]",
            fixture.Run("package", "list", "--query=@json:{\"foo\":1}").Error);
        Assert.StartsWith("ERROR: Other(Aspera::AssertError): assertion failed: query: startIndex and page are exclusive",
            fixture.Run("package", "list", "--query=@json:{\"page\":1,\"startIndex\":2}").Error);
        var dropbox = Json(fixture.Run("package", "list", "--recipient=*Legal", "--format=json")).AsArray();
        Assert.Single(dropbox);
        Assert.Equal("For legal", dropbox[0]!["title"]!.ToString());
        var sent = Json(fixture.RunAs("alice", "Al1ce!", "package", "list", "--box=sent", "--format=json")).AsArray();
        Assert.Equal(13, sent.Count);
    }

    [Fact]
    public void Package_show_finds_one_package()
    {
        string id = fixture.DeliveryOf(fixture.Packages[4]);
        var shown = Json(fixture.Run("package", "show", id, "--format=json"));
        Assert.Equal("Package 5", shown["title"]!.ToString());
    }

    [Fact]
    public void Receive_once_only_transfers_each_package_once()
    {
        string target = fixture.Home.PathOf("inbox");
        Directory.CreateDirectory(target);
        string id = fixture.DeliveryOf(fixture.Packages[0]);
        var first = fixture.Run("package", "recv", id, "--once-only=yes", $"--to-folder={target}", $"--ascp-path={fixture.Ascp}", "--format=json");
        var rows = Json(first).AsArray();
        Assert.Equal("success", rows[0]!["status"]!.ToString());
        Assert.Equal("content 1", File.ReadAllText(Directory.EnumerateFiles(target, "file1.txt", SearchOption.AllDirectories).Single()));
        var again = fixture.Run("package", "receive", id, "--once-only=yes", $"--to-folder={target}", $"--ascp-path={fixture.Ascp}");
        Assert.Equal("no new package", again.Out.Trim());
        var persisted = Directory.EnumerateFiles(Path.Combine(fixture.Home.ConfigFolder, "persist_store")).Single(f => f.Contains("faspex_recv"));
        Assert.Contains($"\"{id}\"", File.ReadAllText(persisted));

        var init = fixture.RunAs("alice", "Al1ce!", "package", "receive", "INIT", "--box=sent", "--once-only=yes");
        Assert.Equal("Initialized skip for 13 package(s)", init.Out.Trim());
        Assert.StartsWith("ERROR: Other(Aspera::AssertError): assertion failed: Only with option once_only", fixture.Run("package", "receive", "INIT").Error);
        Assert.Equal("ERROR: Other(RuntimeError): empty id", fixture.Run("package", "receive", "").Error);
    }

    [Fact]
    public void Receive_all_and_links()
    {
        string target = fixture.Home.PathOf("all");
        Directory.CreateDirectory(target);
        var all = fixture.Run("package", "receive", "ALL", "--query=@json:{\"max\":2}", $"--to-folder={target}", $"--ascp-path={fixture.Ascp}", "--format=json");
        Assert.Equal(2, Json(all).AsArray().Count);
        string publicTarget = fixture.Home.PathOf("public");
        Directory.CreateDirectory(publicTarget);
        string link = fixture.Faspex.PublicLink(fixture.Packages[5]);
        var pub = fixture.Home.Run("faspex", $"--link={link}", "package", "receive", "--insecure=yes", $"--to-folder={publicTarget}", $"--ascp-path={fixture.Ascp}", "--format=json");
        Assert.True(pub.Exit == 0, pub.Err);
        Assert.Equal("content 6", File.ReadAllText(Directory.EnumerateFiles(publicTarget, "file6.txt", SearchOption.AllDirectories).Single()));
        Assert.Equal("ERROR: Argument: Pub link is external/other. Expecting external_deliveries/",
            fixture.Home.Run("faspex", $"--link={fixture.Faspex.Url}/external/other", "package", "receive").Error);
        Assert.Equal("ERROR: Argument: Public link does not match Faspex format", fixture.Home.Run("faspex", "--link=https://host/nothing", "package", "receive").Error);
    }

    [Fact]
    public void Send_transfers_files_into_a_new_package()
    {
        string file = fixture.Home.PathOf("report.txt");
        File.WriteAllText(file, "quarterly");
        var sent = fixture.Run("package", "send", file, "--delivery-info=@json:{\"title\":\"Sent by test\",\"recipients\":[\"alice\"]}", $"--ascp-path={fixture.Ascp}");
        Assert.True(sent.Exit == 0, sent.Err);
        var alice = Json(fixture.RunAs("alice", "Al1ce!", "package", "list", "--format=json")).AsArray();
        Assert.Contains(alice, p => p!["title"]!.ToString() == "Sent by test");
        Assert.Single(Directory.EnumerateFiles(fixture.Storage, "report.txt", SearchOption.AllDirectories));
        Assert.Equal("ERROR: Argument: Missing mandatory option: delivery_info", fixture.Run("package", "send", file).Error);
        var unknown = fixture.Run("package", "send", file, "--delivery-info=@json:{\"title\":\"x\",\"recipients\":[\"alice\"]}", "--remote-source=%name:Nope");
        Assert.Equal("ERROR: Tool: No such Faspex source: \"Nope\" in [\"Main storage\"]", unknown.Error);
        var remote = fixture.Run("package", "send", "catalog.txt", "--delivery-info=@json:{\"title\":\"From source\",\"recipients\":[\"alice\"]}", "--remote-source=%name:Main storage");
        Assert.True(remote.Exit == 0, remote.Err);
        var submitted = fixture.Home.Run("faspex", $"--link={fixture.Faspex.SubmissionLink(fixture.Jdoe)}", "--insecure=yes", "package", "send", file,
            "--delivery-info=@json:{\"title\":\"Outsider\",\"recipients\":[\"jdoe\"],\"sender_name\":\"Out Sider\",\"sender_email\":\"out@example.com\"}", $"--ascp-path={fixture.Ascp}");
        Assert.True(submitted.Exit == 0, submitted.Err);
    }

    [Fact]
    public void Sources_and_their_node()
    {
        Assert.Contains("Main storage", fixture.Run("source", "list").Out);
        var info = Json(fixture.Run("source", "info", "%name:Main storage", fixture.StorageOption, "--format=json"));
        Assert.Equal("/sources/main", info["path"]!.ToString());
        var browse = fixture.Run("source", "node", fixture.Source.Id.ToString(), "browse", "/", fixture.StorageOption, "--format=json");
        Assert.Contains("/catalog.txt", browse.Out);
        Assert.Equal("ERROR: Tool: No such storage in config file: \"Main storage\" in [Other]",
            fixture.Run("source", "info", "1", "--storage=@json:{\"Other\":{\"node\":{},\"path\":\"/\"}}").Error);
        Assert.Equal("ERROR: Tool: assertion failed: storage 'Other' must have a 'path'", fixture.Run("source", "info", "1", "--storage=@json:{\"Other\":{\"node\":{}}}").Error);
        Assert.Equal("ERROR: Other(RuntimeError): No such source", fixture.Run("source", "info", "77", fixture.StorageOption).Error);
        Assert.Equal("ERROR: Argument: assertion failed: only name as selector, or give id", fixture.Run("source", "info", "%id:1", fixture.StorageOption).Error);
    }

    [Fact]
    public void User_information_address_book_and_login_methods()
    {
        Assert.Contains("jdoe", fixture.Run("me").Out);
        var dropboxes = fixture.Run("dropbox", "list");
        Assert.Contains("Legal", dropboxes.Out);
        var book = fixture.Run("address_book", "--format=json");
        Assert.StartsWith("users: ", book.Out);
        Assert.Contains("Liddell", book.Out);
        Assert.Contains("password", fixture.Run("login_methods").Out);
        Assert.Equal("OK - [faspex api:accessible]", fixture.Run("health", "--format=nagios").Out.Trim());
        Assert.Contains("critical", fixture.RunAs("jdoe", "bad", "health", "--format=json").Out);
    }

    [Fact]
    public void V4_entities_with_the_admin_token()
    {
        var created = fixture.Run("v4", "user", "create", "@json:{\"name\":\"cking\",\"email\":\"cking@example.com\",\"first_name\":\"Carl\",\"last_name\":\"King\"}");
        Assert.True(created.Exit == 0, created.Err);
        Assert.Contains("| name       | cking", created.Out);
        var users = Json(fixture.Run("v4", "user", "list", "--format=json")).AsArray();
        Assert.Contains(users, u => u!["name"]!.ToString() == "cking");
        Assert.Equal(0, fixture.Run("v4", "dropbox", "list").Exit);
        Assert.Equal(0, fixture.Run("v4", "workgroup", "list").Exit);
        Assert.Equal(0, fixture.Run("v4", "metadata_profile", "list").Exit);
        Assert.Equal(0, fixture.Run("v4", "package", "users", fixture.Jdoe.Id.ToString(), "list").Exit);
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", fixture.Run("v4", "user", "show", "%name:cking").Error);
        Assert.StartsWith("ERROR: Rest: ", fixture.RunAs("alice", "Al1ce!", "v4", "user", "list").Error);
    }
}
