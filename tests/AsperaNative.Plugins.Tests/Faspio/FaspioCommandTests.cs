using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspio;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Faspio;

/// <summary><c>ascli faspio bridges|health</c> against the faspio Gateway emulator, with Basic and JWT authentication.</summary>
public sealed class FaspioCommandTests : IAsyncLifetime
{
    private const string User = "fio_admin", Password = "F4spio!", ClientId = "fio-client";
    private readonly CliHome _home = new();
    private readonly RSA _key = RSA.Create(2048);
    private FaspioEmulator _gw = null!;

    public async Task InitializeAsync()
    {
        _gw = await FaspioEmulator.StartAsync();
        _gw.AddUser(User, Password).AddClient(ClientId, _key.ExportSubjectPublicKeyInfoPem());
        _gw.AddBridge("tcp-to-fasp", "3000", "10.0.0.7");
    }

    private RunOutput Run(params string[] args)
        => _home.Run(["faspio", $"--url={_gw.Url}", "--insecure=yes", "--auth=basic", $"--username={User}", $"--password={Password}", .. args]);

    private RunOutput RunJwt(params string[] args)
    {
        string pem = _home.PathOf("client.pem");
        File.WriteAllText(pem, _key.ExportPkcs8PrivateKeyPem());
        return _home.Run(["faspio", $"--url={_gw.Url}", "--insecure=yes", "--auth=jwt", $"--client-id={ClientId}", $"--private-key=@file:{pem}", .. args]);
    }

    private static JsonNode Json(RunOutput run)
    {
        Assert.True(run.Exit == 0, run.Err);
        return JsonNode.Parse(run.Out)!;
    }

    [Fact]
    public void Bridges_create_list_show_modify_delete()
    {
        var created = Json(Run("bridges", "create", "--format=json",
            "@json:{\"name\":\"test1\",\"local\":{\"protocol\":\"tcp\",\"tls_enabled\":false,\"port\":\"3001\",\"bind_address\":\"\"},\"forward\":{\"protocol\":\"fasp\",\"tls_enabled\":false,\"port\":\"3994\",\"bind_address\":\"\",\"host\":[\"10.0.0.8\"]}}"));
        Assert.Equal("b2", created["id"]!.ToString());
        Assert.Equal("created", created["status"]!.ToString());
        Assert.Equal("0.0.0.0", created["local"]!["bind_address"]!.ToString());

        var list = Json(Run("bridges", "list", "--format=json")).AsArray();
        Assert.Equal(["b1", "b2"], list.Select(static b => b!["id"]!.ToString()));
        var filtered = Json(Run("bridges", "list", "--format=json", "--query=@json:{\"name\":\"test1\"}")).AsArray();
        Assert.Equal("b2", Assert.Single(filtered)!["id"]!.ToString());

        Assert.Equal("tcp-to-fasp", Json(Run("bridges", "show", "b1", "--format=json"))["name"]!.ToString());
        var modified = Run("bridges", "modify", "b1", "@json:{\"name\":\"renamed\"}");
        Assert.Equal(0, modified.Exit);
        Assert.Equal("modified", modified.Out.Trim());
        Assert.Equal("renamed", _gw.Bridges()[0]["name"]!.ToString());

        var deleted = Run("bridges", "delete", "--bulk=yes", "@json:[\"b1\",\"b2\"]", "--format=csv");
        Assert.Equal(0, deleted.Exit);
        Assert.Equal("b1,deleted\nb2,deleted\n", deleted.Out);
        Assert.Empty(_gw.Bridges());
    }

    [Fact]
    public void Errors_in_ascli_words()
    {
        var missing = Run("bridges", "delete", "b9");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("ERROR: Rest: bridge b9 not found", missing.Error);
        var percent = Run("bridges", "show", "%name:x");
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", percent.Error);
        var noAuth = _home.Run("faspio", $"--url={_gw.Url}", "bridges", "list");
        Assert.Equal("ERROR: Argument: Missing mandatory option: auth", noAuth.Error);
        var noUrl = _home.Run("faspio", "--auth=basic", "bridges", "list");
        Assert.Equal("ERROR: Argument: Missing mandatory option: url", noUrl.Error);
        var badPassword = _home.Run("faspio", $"--url={_gw.Url}", "--insecure=yes", "--auth=basic", $"--username={User}", "--password=wrong", "bridges", "list");
        Assert.Equal(1, badPassword.Exit);
        Assert.StartsWith("ERROR: Rest: Unauthorized", badPassword.Error);
    }

    [Fact]
    public void Bulk_create_with_bfail_no_keeps_going()
    {
        var run = Run("bridges", "create", "--bulk=yes", "--bfail=no", "--format=csv",
            "@json:[{\"name\":\"tcp-to-fasp\",\"local\":{\"protocol\":\"tcp\",\"port\":\"3005\"},\"forward\":{\"protocol\":\"fasp\",\"port\":\"3994\",\"host\":[\"h\"]}},{\"name\":\"other\",\"local\":{\"protocol\":\"tcp\",\"port\":\"3006\"},\"forward\":{\"protocol\":\"fasp\",\"port\":\"3994\",\"host\":[\"h\"]}}]");
        Assert.Equal(0, run.Exit);
        // the first fails (duplicate name, its error as status), the second is created
        Assert.Single(run.Out.Split('\n'), static l => l.EndsWith(",created", StringComparison.Ordinal));
        Assert.StartsWith("b2,", run.Out.Split('\n').Single(static l => l.EndsWith(",created", StringComparison.Ordinal)));
        Assert.Equal(2, _gw.Bridges().Count);
    }

    [Fact]
    public void Health_ok_then_critical()
    {
        var ok = Run("health", "--format=nagios");
        Assert.Equal(0, ok.Exit);
        Assert.Equal("OK - [api:answered ok]", ok.Out.Trim());
        _gw.PingFailure = (500, "internal error");
        var down = Run("health", "--format=nagios");
        Assert.Equal(2, down.Exit);
        Assert.Equal($"CRITICAL - [api:internal error 127.0.0.1:{_gw.Http.Port} 500 Internal Server Error]", down.Out.Trim());
    }

    [Fact]
    public void Jwt_grant_in_the_query_then_bearer()
    {
        var list = Json(RunJwt("bridges", "list", "--format=json")).AsArray();
        Assert.Equal("b1", Assert.Single(list)!["id"]!.ToString());
        var token = _gw.Http.Requests.First(static r => r.Path.EndsWith("/auth/token", StringComparison.Ordinal));
        Assert.StartsWith($"?client_id={ClientId}&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=", token.Query);
        Assert.Equal("", token.Body);
        Assert.StartsWith("Bearer ", _gw.Http.Requests[^1].Authorization);
    }

    [Fact]
    public void Jwt_needs_client_id_and_a_valid_key()
    {
        var noClient = _home.Run("faspio", $"--url={_gw.Url}", "--auth=jwt", "bridges", "list");
        Assert.Equal("ERROR: Argument: Missing mandatory option: client_id", noClient.Error);
        var badKey = _home.Run("faspio", $"--url={_gw.Url}", "--auth=jwt", $"--client-id={ClientId}", "--private-key=notakey", "bridges", "list");
        Assert.Equal(1, badKey.Exit);
        Assert.StartsWith("ERROR: Other(OpenSSL::PKey::RSAError)", badKey.Error);
    }

    public async Task DisposeAsync()
    {
        await _gw.DisposeAsync();
        _home.Dispose();
        _key.Dispose();
    }
}
