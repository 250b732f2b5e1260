using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Faspio;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Faspio;

public sealed class FaspioEmulatorTests : IAsyncLifetime
{
    private FaspioEmulator _gw = null!;
    private readonly HttpClient _http = Client();
    private readonly RSA _clientKey = RSA.Create(2048);

    public async Task InitializeAsync()
    {
        _gw = await FaspioEmulator.StartAsync(https: false);
        _gw.AddUser("fio_admin", "F4spio!").AddClient("my_client", _clientKey.ExportSubjectPublicKeyInfoPem());
        _gw.AddBridge("tcp-to-fasp", "3000", "10.0.0.7");
    }

    private static async Task<JsonNode> Json(HttpResponseMessage answer) => JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Create_answers_an_array_and_list_shows_it()
    {
        var auth = Basic("fio_admin", "F4spio!");
        var created = await _http.SendAsync(Request(HttpMethod.Post, _gw.Url + "/bridges", auth,
            """{"name":"test1","local":{"protocol":"tcp","tls_enabled":false,"port":"3001","bind_address":""},"forward":{"protocol":"fasp","tls_enabled":false,"port":"3994","bind_address":"","host":["10.0.0.8"]}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bridge = (await Json(created)).AsArray().Single()!;
        Assert.Equal("b2", bridge["id"]!.ToString());
        Assert.Equal("0.0.0.0", bridge["local"]!["bind_address"]!.ToString());
        var list = (await Json(await _http.SendAsync(Request(HttpMethod.Get, _gw.Url + "/bridges", auth)))).AsArray();
        Assert.Equal(["tcp-to-fasp", "test1"], list.Select(b => b!["name"]!.ToString()));
        var filtered = (await Json(await _http.SendAsync(Request(HttpMethod.Get, _gw.Url + "/bridges?name=test1", auth)))).AsArray();
        Assert.Single(filtered);
        var invalid = await _http.SendAsync(Request(HttpMethod.Post, _gw.Url + "/bridges", auth, """{"name":"x"}"""));
        Assert.Equal("local is required", (await Json(invalid))["message"]!.ToString());
    }

    [Fact]
    public async Task Errors_have_the_message_shape_and_every_answer_names_the_server()
    {
        var missing = await _http.SendAsync(Request(HttpMethod.Delete, _gw.Url + "/bridges/b9", Basic("fio_admin", "F4spio!")));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"bridge b9 not found"}""", await missing.Content.ReadAsStringAsync());
        var denied = await _http.SendAsync(Request(HttpMethod.Get, _gw.Url + "/bridges", Basic("fio_admin", "bad")));
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        var ping = await _http.GetAsync(_gw.Url + "/ping");
        Assert.Equal("{}", await ping.Content.ReadAsStringAsync());
        Assert.Equal($"faspio-gateway/{FaspioEmulator.Version}", ping.Headers.Server.ToString());
        _gw.PingFailure = (500, "internal error");
        var failing = await _http.GetAsync(_gw.Url + "/ping");
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal("""{"message":"internal error"}""", await failing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Jwt_grant_in_the_query_gives_a_bearer_token()
    {
        string assertion = Assertion("my_client", _clientKey);
        var token = await _http.PostAsync($"{_gw.Url}/auth/token?client_id=my_client&grant_type={Uri.EscapeDataString(FaspioEmulator.JwtGrant)}&assertion={assertion}", null);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var bearer = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await Json(token))["access_token"]!.ToString());
        var shown = await Json(await _http.SendAsync(Request(HttpMethod.Get, _gw.Url + "/bridges/b1", bearer)));
        Assert.Equal("tcp-to-fasp", shown["name"]!.ToString());
        using var otherKey = RSA.Create(2048);
        var forged = await _http.PostAsync($"{_gw.Url}/auth/token?grant_type={Uri.EscapeDataString(FaspioEmulator.JwtGrant)}&assertion={Assertion("my_client", otherKey)}", null);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    /// <summary>An RS256 assertion with the claims ascli puts in it.</summary>
    private static string Assertion(string clientId, RSA key)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string header = Base64Url.Encode("""{"typ":"JWT","alg":"RS256"}"""u8.ToArray());
        string payload = Base64Url.Encode(Encoding.UTF8.GetBytes(new JsonObject { ["exp"] = now + 3600, ["nbf"] = now - 300, ["iat"] = now - 299, ["jti"] = Guid.NewGuid().ToString(), ["iss"] = clientId, ["sub"] = clientId }.ToJsonString()));
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url.Encode(signature)}";
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _clientKey.Dispose();
        await _gw.DisposeAsync();
    }
}
