using System.Net;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Alee;
using AsperaNative.Emulators.Ats;
using AsperaNative.Emulators.Node;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Ats;

/// <summary>The ATS emulator reached as ascli reaches it: fixed https hosts through the CONNECT proxy.</summary>
public sealed class AtsEmulatorTests : IAsyncLifetime
{
    private const string Pub = "https://ats.aspera.io/pub/v1";
    private AtsEmulator _ats = null!;
    private AtsApiKey _atsKey = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _ats = (await AtsEmulator.StartAsync()).SeedDefaultServers();
        (_, _, _atsKey) = _ats.AddAccount("ibm_api_key_1", "inst-0001", "ats_AbCdEf123", "AtsS3cret");
        _http = Client(_ats.ProxyUrl);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage answer) => JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Public_server_list_per_cloud_and_region_needs_no_credentials()
    {
        var aws = (await Json(await _http.GetAsync(Pub + "/servers/AWS"))).AsArray();
        Assert.Equal(["aws_eu-west-1", "aws_us-east-1"], aws.Select(s => s!["id"]!.ToString()));
        Assert.True(aws[0]!.AsObject().ContainsKey("s3_authentication_endpoint"));
        Assert.Empty((await Json(await _http.GetAsync(Pub + "/servers/GOOGLE"))).AsArray());
        var one = await Json(await _http.GetAsync(Pub + "/servers/SOFTLAYER/ams03"));
        Assert.Equal("SOFTLAYER", one["cloud"]!.ToString());
        var none = await _http.GetAsync(Pub + "/servers/AWS/mars-1");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(404, (await Json(none))["error"]!["code"]!.GetValue<int>());
        Assert.Contains("ats.aspera.io:443", _ats.Http.Proxy!.Tunnels);
        Assert.All(_ats.Http.Requests, r => Assert.Equal(AtsEmulator.AtsHost, r.Host));
    }

    [Fact]
    public async Task Access_key_create_show_list_with_the_ats_api_key()
    {
        var denied = await _http.SendAsync(Request(HttpMethod.Get, Pub + "/access_keys", Basic("ats_AbCdEf123", "wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        var auth = Basic(_atsKey.Id, _atsKey.Secret);
        var created = await _http.SendAsync(Request(HttpMethod.Post, Pub + "/access_keys", auth,
            """{"name":"bucket-c","storage":{"type":"aws_s3","bucket":"bucket-c","path":"/"},"transfer_server_id":"aws_eu-west-1"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await Json(created);
        Assert.NotNull(key["secret"]);
        var shown = await Json(await _http.SendAsync(Request(HttpMethod.Get, $"{Pub}/access_keys/{key["id"]}", auth)));
        Assert.Equal("bucket-c", shown["name"]!.ToString());
        Assert.Null(shown["secret"]);
        var list = await Json(await _http.SendAsync(Request(HttpMethod.Get, Pub + "/access_keys?offset=0&max_results=1000", auth)));
        Assert.Equal(key["id"]!.ToString(), list["data"]![0]!["id"]!.ToString());
        Assert.NotNull(list["data"]![0]!["created"]!["at"]);
        var unknownServer = await _http.SendAsync(Request(HttpMethod.Post, Pub + "/access_keys", auth, """{"storage":{"type":"aws_s3"},"transfer_server_id":"nope"}"""));
        Assert.Equal("Unknown transfer server: nope", (await Json(unknownServer))["error"]!["user_message"]!.ToString());
    }

    [Fact]
    public async Task Api_keys_need_an_iam_token_and_an_instance()
    {
        var form = new FormUrlEncodedContent([new("grant_type", "urn:ibm:params:oauth:grant-type:apikey"), new("response_type", "cloud_iam"), new("apikey", "ibm_api_key_1")]);
        var token = await Json(await _http.PostAsync("https://iam.bluemix.net/identity/token", form));
        Assert.Equal("not_supported", token["refresh_token"]!.ToString());
        var bearer = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token["access_token"]!.ToString());
        var instances = await Json(await _http.SendAsync(Request(HttpMethod.Get, "https://ats.aspera.io/v2/instances", bearer)));
        Assert.Equal("inst-0001", instances["data"]![0]!.ToString());
        var create = Request(HttpMethod.Post, "https://ats.aspera.io/v2/api_keys", bearer, "{}");
        create.Headers.Add("X-ATS-Service-Instance-Id", "inst-0001");
        var created = await Json(await _http.SendAsync(create));
        Assert.StartsWith("ats_", created["id"]!.ToString());
        var noInstance = await _http.SendAsync(Request(HttpMethod.Get, "https://ats.aspera.io/v2/api_keys?offset=0&max_results=1000", bearer));
        Assert.Equal(HttpStatusCode.BadRequest, noInstance.StatusCode);
        var badKey = await _http.PostAsync("https://iam.bluemix.net/identity/token",
            new FormUrlEncodedContent([new("grant_type", "urn:ibm:params:oauth:grant-type:apikey"), new("response_type", "cloud_iam"), new("apikey", "nope")]));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal("BXNIM0415E", (await Json(badKey))["errorCode"]!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(Request(HttpMethod.Get, "https://ats.aspera.io/v2/instances", new("Bearer", "forged.token.value")))).StatusCode);
    }

    [Fact]
    public async Task Access_key_on_a_node_backed_server_browses_and_entitlement_routes_to_alee()
    {
        string docroot = Directory.CreateTempSubdirectory("aspn-ats-").FullName;
        await using var node = await NodeEmulator.StartAsync(docroot);
        await using var alee = await AleeEmulator.StartAsync();
        alee.AddEntitlement("ent-ats-1", "cust-ats-1");
        _ats.Http.Proxy!.Route(AleeEmulator.Host, alee.Http.Port);
        _ats.UseNode("aws_eu-west-1", node, Path.Combine(docroot, "ak"));
        try
        {
            var key = await Json(await _http.SendAsync(Request(HttpMethod.Post, Pub + "/access_keys", Basic(_atsKey.Id, _atsKey.Secret),
                """{"id":"ak_ats_1","secret":"AkS3cret","storage":{"type":"aws_s3","bucket":"b","path":"/"},"transfer_server_id":"aws_eu-west-1","license":{"entitlement_id":"ent-ats-1","customer_id":"cust-ats-1"}}""")));
            File.WriteAllText(Path.Combine(docroot, "ak", "ak_ats_1", "hello.txt"), "hi");
            var server = await Json(await _http.SendAsync(Request(HttpMethod.Get, Pub + "/servers", Basic("ak_ats_1", "AkS3cret"))));
            Assert.Equal(node.Url, server["transfer_setup_url"]!.ToString());
            // the node is reached at its loopback URL through the same proxy, as ascli does with --http-proxy
            var files = await Json(await _http.SendAsync(Request(HttpMethod.Get, $"{node.Url}/files/{key["root_file_id"]}/files", Basic("ak_ats_1", "AkS3cret"))));
            Assert.Equal("hello.txt", files[0]!["name"]!.ToString());
            var entitlement = new HttpRequestMessage(HttpMethod.Get, "https://api.ibmaspera.com/metering/v1/entitlement");
            entitlement.Headers.Add(AleeEmulator.AuthorizationHeader, Basic("ent-ats-1", "cust-ats-1").ToString());
            Assert.Equal("active", (await Json(await _http.SendAsync(entitlement)))["status"]!.ToString());
        }
        finally { Directory.Delete(docroot, recursive: true); }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _ats.DisposeAsync();
    }
}
