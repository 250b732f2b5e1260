using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Node;

/// <summary>The node plugin against the emulated Node API over HTTPS: gen3, gen4 with a bearer token, node agent, errors.</summary>
public sealed class NodeCommandTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    // a partial list is preceded by its "Items: n/total" line
    private static JsonArray Json(RunOutput r) => JsonNode.Parse(r.Out.StartsWith("Items:", StringComparison.Ordinal) ? r.Out[(r.Out.IndexOf('\n') + 1)..] : r.Out)!.AsArray();

    [Fact]
    public void Browse_reads_pages_past_1000_items()
    {
        string big = Path.Combine(fixture.Docroot, "big");
        Directory.CreateDirectory(big);
        for (int i = 0; i < 1500; i++) File.WriteAllText(Path.Combine(big, $"f{i:D4}"), "x");
        var r = fixture.Run("browse", "/big", "--format=json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(1500, Json(r).Count);
        Assert.Equal("/big/f1499", Json(r)[^1]!["path"]!.ToString());
        var limited = fixture.Run("browse", "/big", "--format=json", "--query=@json:{\"max\":10}");
        Assert.Equal(10, Json(limited).Count);
    }

    [Fact]
    public void File_commands_change_the_tree_and_report_errors_in_ascli_words()
    {
        Assert.Equal(0, fixture.Run("mkdir", "/ops").Exit);
        Assert.Contains("created", fixture.Run("mkfile", "/ops/a.txt", "hello").Out);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(fixture.Docroot, "ops", "a.txt")));
        Assert.Contains("moved", fixture.Run("rename", "/ops", "a.txt", "b.txt").Out);
        Assert.True(File.Exists(Path.Combine(fixture.Docroot, "ops", "b.txt")));
        Assert.Contains("/ops/b.txt", fixture.Run("search", "/ops").Out);
        Assert.Contains("bytes_free", fixture.Run("space", "/").Out);
        Assert.Contains("file.created", fixture.Run("events").Out);
        var download = fixture.Run("http_node_download", "/ops/b.txt", $"--to-folder={fixture.Home.Home}");
        Assert.Equal(0, download.Exit);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(fixture.Home.Home, "b.txt")));
        Assert.Contains("deleted", fixture.Run("delete", "/ops/b.txt").Out);
        Assert.False(File.Exists(Path.Combine(fixture.Docroot, "ops", "b.txt")));

        var missing = fixture.Run("browse", "/nope");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("ERROR: Rest: File not found", missing.Error);
        Assert.Contains($"{new Uri(fixture.Node.Url).Authority} 404 Not Found", missing.Err);
        Assert.Equal("ERROR: Other(RuntimeError): /nothing: No such file or directory", fixture.Run("delete", "/nothing").Error);
        Assert.Equal("ERROR: Rest: API user authentication failed", fixture.RunAs("node_admin", "bad", "info").Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: password", fixture.Home.Run("node", "--url=https://127.0.0.1:1", "info").Error);
    }

    [Fact]
    public void Info_license_health_and_api_details()
    {
        Assert.Contains("4.4.5.1234", fixture.Run("info").Out);
        Assert.Contains("IBM Aspera High-Speed Transfer Server", fixture.Run("license").Out);
        var health = fixture.Run("health", "--format=nagios");
        Assert.Equal(0, health.Exit);
        Assert.StartsWith("OK - [node api:accessible", health.Out);
        Assert.Contains("basic", fixture.Run("api_details").Out);
        Assert.Contains("Basic ", fixture.Run("basic_token").Out);
    }

    [Fact]
    public void Gen4_through_an_access_key_with_a_bearer_token()
    {
        var created = fixture.Run("access_keys", "create", "@json:{\"id\":\"ak_bt\",\"secret\":\"S3cret\",\"storage\":{\"type\":\"local\",\"path\":\"/ak_bt\"}}");
        Assert.Equal(0, created.Exit);
        string root = Path.Combine(fixture.Docroot, "ak_bt");
        Directory.CreateDirectory(Path.Combine(root, "many"));
        for (int i = 0; i < 1100; i++) File.WriteAllText(Path.Combine(root, "many", $"g{i:D4}"), "y");
        using var rsa = RSA.Create(2048);
        string keyFile = fixture.Home.PathOf("org.pem");
        File.WriteAllText(keyFile, rsa.ExportRSAPrivateKeyPem());
        Assert.Equal(0, fixture.Run("access_keys", "set_bearer_key", "ak_bt", $"@file:{keyFile}").Exit);
        var permission = fixture.Run("access_keys", "do", "ak_bt", "--secret=S3cret", "permission", "/", "create", "@json:{\"access_type\":\"user\",\"access_id\":\"666\"}");
        Assert.Equal(0, permission.Exit);
        var token = fixture.RunAs("ak_bt", "S3cret", "bearer_token", $"@file:{keyFile}", "@json:{\"user_id\":\"666\"}", "--format=text");
        Assert.Equal(0, token.Exit);
        string bearer = "Bearer " + token.Out.Trim().Trim('"');
        string rootId = fixture.Node.Store.IdOf(root);

        var listing = fixture.RunAs("ak_bt", bearer, "--root-id=" + rootId, "access_keys", "do", "self", "browse", "/many", "--format=json");
        Assert.Equal(0, listing.Exit);
        Assert.Equal(1100, Json(listing).Count);
        Assert.Contains("created: sub", fixture.RunAs("ak_bt", bearer, "--root-id=" + rootId, "access_keys", "do", "self", "mkdir", "/sub").Out);
        Assert.Contains("renamed to sub2", fixture.RunAs("ak_bt", bearer, "--root-id=" + rootId, "access_keys", "do", "self", "rename", "/sub", "sub2").Out);
        Assert.True(Directory.Exists(Path.Combine(root, "sub2")));
        var find = fixture.RunAs("ak_bt", bearer, "--root-id=" + rootId, "access_keys", "do", "self", "find", "/", "g000*", "--format=json");
        Assert.Equal(10, Json(find).Count);
        Assert.Contains("deleted", fixture.RunAs("ak_bt", bearer, "--root-id=" + rootId, "access_keys", "do", "self", "delete", "/sub2").Out);
        Assert.Equal("ERROR: Rest: API user authentication failed", fixture.RunAs("ak_bt", "Bearer forged", "--root-id=" + rootId, "access_keys", "do", "self", "browse", "/").Error);
        Assert.Equal("ERROR: Other(RuntimeError): entry not found: [\"nothing\"]", fixture.Run("access_keys", "do", "ak_bt", "--secret=S3cret", "show", "/nothing").Error);
        Assert.Contains("ak_bt", fixture.Run("access_keys", "do", "ak_bt", "--secret=S3cret", "v3", "access_keys", "show", "%id:self").Out);
    }

    [Fact]
    public void Node_agent_transfer_moves_files_on_the_node()
    {
        File.WriteAllText(Path.Combine(fixture.Docroot, "to_send.txt"), "payload");
        var r = fixture.Run("upload", "to_send.txt", "--to-folder=/received", "--transfer=node", "--progress-bar=no");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("payload", File.ReadAllText(Path.Combine(fixture.Docroot, "received", "to_send.txt")));
        var list = fixture.Run("transfer", "list", "--format=json");
        Assert.Contains(Json(list), t => t!["status"]!.ToString() == "completed");
        var failed = fixture.Run("upload", "absent.txt", "--to-folder=/received", "--transfer=node", "--progress-bar=no");
        Assert.Equal(1, failed.Exit);
        Assert.StartsWith("ERROR: Transfer: status: failed. code: 2.", failed.Error);
    }
}
