using System.Text.Json.Nodes;
using AsperaNative.Emulators.Cos;
using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Cos;

/// <summary><c>ascli cos node</c> against the COS emulator (IAM, endpoints, S3 bucket info) and the bucket's node emulator.</summary>
public sealed class CosCommandTests : IAsyncLifetime
{
    private const string Crn = "crn:v1:bluemix:public:cloud-object-storage:global:a/1234::", ApiKey = "CosApiKey_9f8e";
    private readonly string _docroot = Directory.CreateTempSubdirectory("aspn-cos-").FullName;
    private readonly CliHome _home = new();
    private CosEmulator _cos = null!;
    private NodeEmulator _node = null!;
    private CosBucket _bucket = null!;

    public async Task InitializeAsync()
    {
        _cos = await CosEmulator.StartAsync();
        _node = await NodeEmulator.StartAsync(_docroot);
        _bucket = _cos.AddBucket("mybucket", Crn, ApiKey, _node, Path.Combine(_docroot, "mybucket"));
    }

    private RunOutput Run(params string[] args)
        => _home.Run(["cos", "node", "--bucket=mybucket", $"--endpoint={_cos.Url}", $"--apikey={ApiKey}", $"--crn={Crn}", $"--identity={_cos.IdentityUrl}", "--insecure=yes", .. args]);

    [Fact]
    public void Api_details_of_the_bucket_node()
    {
        var run = Run("api_details", "--format=json", "--show-secrets=yes");
        Assert.True(run.Exit == 0, run.Err);
        var details = JsonNode.Parse(run.Out)!;
        Assert.Equal(_bucket.AtsEndpoint, details["base_url"]!.ToString());
        Assert.Equal(_bucket.AccessKeyId, details["auth"]!["username"]!.ToString());
        var credentials = JsonNode.Parse(details["headers"]!["X-Aspera-Storage-Credentials"]!.ToString())!;
        Assert.Equal("token", credentials["type"]!.ToString());
        Assert.NotNull(credentials["token"]!["delegated_refresh_token"]);
        var lines = _cos.Http.RequestLines();
        Assert.Equal(["POST /identity/token", "GET /mybucket?faspConnectionInfo", "POST /identity/token"], lines.Take(3));
        Assert.Contains("receiver_client_ids=aspera_ats", _cos.Http.Requests[2].Body);
    }

    [Fact]
    public void Info_and_access_keys_on_the_node_with_storage_credentials()
    {
        var info = Run("info", "--format=json");
        Assert.True(info.Exit == 0, info.Err);
        Assert.NotNull(JsonNode.Parse(info.Out));
        var keys = Run("access_keys", "list", "--format=json");
        Assert.True(keys.Exit == 0, keys.Err);
    }

    [Fact]
    public void Upload_through_the_bucket_node_tags_the_storage_credentials()
    {
        string source = _home.PathOf("up.txt");
        File.WriteAllText(source, "hello");
        var run = Run("upload", source, "--to-folder=/", "--transfer=node", "--format=json");
        // the node accepts the bucket's key only with valid storage credentials: the setup went through
        Assert.Contains("POST /files/upload_setup", _node.Requests);
        Assert.DoesNotContain("ERROR: Rest", run.Err);
    }

    [Fact]
    public void Service_credentials_and_region_give_the_endpoint()
    {
        string credentials = _cos.ServiceCredentials(ApiKey, Crn).ToJsonString();
        var run = _home.Run("cos", "node", "--bucket=mybucket", $"--service-credentials=@json:{credentials}", "--region=us-south", $"--identity={_cos.IdentityUrl}", "--insecure=yes", "api_details", "--format=json");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("GET /v2/endpoints", _cos.Http.RequestLines()[0]);
        var other = _home.Run("cos", "node", "--bucket=mybucket", $"--service-credentials=@json:{credentials}", "--region=mars", $"--identity={_cos.IdentityUrl}", "--insecure=yes", "info");
        Assert.Equal("ERROR: Other(RuntimeError): no such region: mars", other.Error);
    }

    [Fact]
    public void Errors_in_ascli_order()
    {
        Assert.Equal("ERROR: Argument: Missing mandatory option: bucket", _home.Run("cos", "node", "info").Error);
        Assert.StartsWith("ERROR: Argument: assertion failed: endpoint required when service credentials not provided", _home.Run("cos", "node", "--bucket=b", "info").Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: apikey", _home.Run("cos", "node", "--bucket=b", "--endpoint=https://h", "info").Error);
        var unknown = _home.Run("cos", "node", "--bucket=nobucket", $"--endpoint={_cos.Url}", $"--apikey={ApiKey}", $"--crn={Crn}", $"--identity={_cos.IdentityUrl}", "--insecure=yes", "info");
        Assert.Equal(1, unknown.Exit);
        Assert.StartsWith("ERROR: Rest: ", unknown.Error);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _cos.DisposeAsync();
        _home.Dispose();
        Directory.Delete(_docroot, recursive: true);
    }
}
