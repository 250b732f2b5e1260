using System.Text.Json.Nodes;
using AsperaNative.Emulators.Alee;
using AsperaNative.Emulators.Ats;
using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Ats;

/// <summary><c>ascli ats</c> against the ATS emulator (fixed hosts through --http-proxy), IAM tokens, ALEE and a node-backed server.</summary>
public sealed class AtsCommandTests : IAsyncLifetime
{
    private const string IbmApiKey = "ibm_api_key_1", Instance = "inst-0001", AtsKey = "ats_AbCdEf123", AtsSecret = "AtsS3cret";
    private readonly CliHome _home = new();
    private AtsEmulator _ats = null!;

    public async Task InitializeAsync()
    {
        _ats = (await AtsEmulator.StartAsync()).SeedDefaultServers();
        _ats.AddAccount(IbmApiKey, Instance, AtsKey, AtsSecret);
    }

    private RunOutput Run(params string[] args)
        => _home.Run(["ats", $"--http-proxy={_ats.ProxyUrl}", "--insecure=yes", $"--ats-key={AtsKey}", $"--ats-secret={AtsSecret}", $"--ibm-api-key={IbmApiKey}", .. args]);

    private static JsonNode Json(RunOutput run)
    {
        Assert.True(run.Exit == 0, run.Err);
        return JsonNode.Parse(run.Out)!;
    }

    [Fact]
    public void Cluster_clouds_list_show()
    {
        var clouds = Json(Run("cluster", "clouds", "--format=json")).AsArray();
        Assert.Equal(["aws", "azure", "google", "limelight", "rackspace", "softlayer"], clouds.Select(static c => c!["id"]!.ToString()));
        var list = Run("cluster", "list", "--format=csv");
        Assert.Equal("aws_eu-west-1,AWS,eu-west-1\n", list.Out.Split('\n')[0] + "\n");
        Assert.Equal(6, _ats.Http.Requests.Count(static r => r.Path.StartsWith("/pub/v1/servers/", StringComparison.Ordinal)));
        Assert.Equal("softlayer_ams03", Json(Run("cluster", "show", "softlayer_ams03", "--format=json"))["id"]!.ToString());
        Assert.Equal("azure_westeurope", Json(Run("cluster", "show", "--cloud=azure", "--region=westeurope", "--format=json"))["id"]!.ToString());
        Assert.Equal("GET /pub/v1/servers/AZURE/westeurope", _ats.Http.RequestLines()[^1]);
        Assert.Equal("ERROR: Other(RuntimeError): no such server id", Run("cluster", "show", "nope").Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: region", Run("cluster", "show", "--cloud=aws").Error);
    }

    [Fact]
    public void Access_key_create_list_show_modify_delete()
    {
        var created = Json(Run("access_key", "create", "--cloud=aws", "--region=eu-west-1", "--format=json", "--show-secrets=yes",
            "--params=@json:{\"name\":\"bucket-c\",\"storage\":{\"type\":\"aws_s3\",\"bucket\":\"bucket-c\",\"path\":\"/\"}}"));
        string id = created["id"]!.ToString();
        Assert.Equal("aws_eu-west-1", created["transfer_server_id"]!.ToString());
        Assert.EndsWith("\"transfer_server_id\":\"aws_eu-west-1\"}", _ats.Http.Requests.Last(static r => r.Method == "POST").Body);
        var list = Run("access_key", "list", "--format=csv", "--fields=name,id");
        Assert.Equal($"bucket-c,{id}\n", list.Out);
        Assert.Equal("GET /pub/v1/access_keys?offset=0&max_results=1000", _ats.Http.RequestLines()[^1]);
        Assert.Equal("bucket-c", Json(Run("access_key", "show", id, "--format=json"))["name"]!.ToString());
        var modified = Run("access_key", "modify", id, "@json:{\"name\":\"renamed\"}");
        Assert.Equal("modified", modified.Out.Trim());
        Assert.Equal($"{{\"name\":\"renamed\",\"id\":\"{id}\"}}", _ats.Http.Requests[^1].Body);
        var deleted = Run("access_key", "delete", id);
        Assert.Equal($"deleted {id}", deleted.Out.Trim());
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", Run("access_key", "show", "%name:x").Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: ats_key", _home.Run("ats", "access_key", "list").Error);
    }

    [Fact]
    public void Access_key_create_on_ibm_s3_finds_the_s3_server()
    {
        var created = Json(Run("access_key", "create", "--cloud=softlayer", "--region=ams03", "--format=json",
            "--params=@json:{\"name\":\"cos\",\"storage\":{\"type\":\"ibm-s3\",\"bucket\":\"b\",\"path\":\"/\"}}"));
        Assert.Equal("softlayer_ams03_s3", created["transfer_server_id"]!.ToString());
        Assert.Contains("\"endpoint\":\"https://s3.ams03.objectstorage.softlayer.net\"", _ats.Http.Requests.Last(static r => r.Method == "POST").Body);
    }

    [Fact]
    public void Aws_trust_policy_needs_a_region()
    {
        Assert.Equal("ERROR: Argument: Missing mandatory option: region", Run("aws_trust_policy").Error);
        var policy = Run("aws_trust_policy", "--region=eu-west-1", "--format=json");
        Assert.True(policy.Exit == 0, policy.Err);
        Assert.Equal("GET /pub/v1/aws/trustpolicy?region=eu-west-1", _ats.Http.RequestLines()[^1]);
    }

    [Fact]
    public void Api_keys_with_an_iam_token()
    {
        var instances = Run("api_key", "instances", "--format=csv");
        Assert.True(instances.Exit == 0, instances.Err);
        Assert.Equal($"{Instance}\n", instances.Out);
        var token = _ats.Http.Requests.First(static r => r.Path == "/identity/token");
        Assert.Equal($"grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&response_type=cloud_iam&apikey={IbmApiKey}", token.Body);
        Assert.Equal("iam.bluemix.net", token.Host);
        // without --instance the first one is used, and said before the result
        var create = Run("api_key", "create", "--format=json", "--show-secrets=yes");
        Assert.True(create.Exit == 0, create.Err);
        Assert.StartsWith($"using first instance: {Instance}\n", create.Out);
        var created = JsonNode.Parse(create.Out[(create.Out.IndexOf('\n') + 1)..])!;
        string id = created["id"]!.ToString();
        var list = Run("api_key", "list", $"--instance={Instance}", "--format=csv");
        Assert.Contains(id, list.Out);
        Assert.Equal(id, Json(Run("api_key", "show", id, $"--instance={Instance}", "--format=json"))["id"]!.ToString());
        Assert.Equal($"deleted {id}", Run("api_key", "delete", id, $"--instance={Instance}").Out.Trim());
        var badKey = _home.Run("ats", $"--http-proxy={_ats.ProxyUrl}", "--insecure=yes", "--ibm-api-key=nope", "api_key", "instances");
        Assert.Equal("ERROR: Rest: Provided API key could not be found.", badKey.Error);
    }

    [Fact]
    public async Task Access_key_node_entitlement_and_cluster()
    {
        string docroot = Directory.CreateTempSubdirectory("aspn-ats-").FullName;
        await using var node = await NodeEmulator.StartAsync(docroot);
        await using var alee = await AleeEmulator.StartAsync();
        alee.AddEntitlement("ent-ats-1", "cust-ats-1");
        _ats.Http.Proxy!.Route(AleeEmulator.Host, alee.Http.Port);
        _ats.UseNode("aws_eu-west-1", node, Path.Combine(docroot, "ak"));
        try
        {
            Json(Run("access_key", "create", "--format=json",
                "--params=@json:{\"id\":\"ak_ats_1\",\"secret\":\"AkS3cret\",\"storage\":{\"type\":\"aws_s3\",\"bucket\":\"b\",\"path\":\"/\"},\"transfer_server_id\":\"aws_eu-west-1\",\"license\":{\"entitlement_id\":\"ent-ats-1\",\"customer_id\":\"cust-ats-1\"}}"));
            File.WriteAllText(Path.Combine(docroot, "ak", "ak_ats_1", "hello.txt"), "hi");
            var browse = Run("access_key", "node", "ak_ats_1", "browse", "/", "--secret=AkS3cret", "--format=csv", "--fields=name");
            Assert.True(browse.Exit == 0, browse.Err);
            Assert.Equal("hello.txt\n", browse.Out);
            Assert.Equal("active", Json(Run("access_key", "entitlement", "ak_ats_1", "--format=json"))["status"]!.ToString());
            var cluster = Json(Run("access_key", "cluster", "ak_ats_1", "--secret=AkS3cret", "--format=json"));
            Assert.Equal(node.Url, cluster["transfer_setup_url"]!.ToString());
        }
        finally { Directory.Delete(docroot, recursive: true); }
    }

    public async Task DisposeAsync()
    {
        await _ats.DisposeAsync();
        _home.Dispose();
    }
}
