using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AsperaNative.Emulators.Cos;
using AsperaNative.Emulators.Node;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Cos;

/// <summary>The calls of <c>ascli cos node</c>: IAM grant, bucket FASP info, delegated token, then the ATS node with storage credentials.</summary>
public sealed class CosEmulatorTests : IAsyncLifetime
{
    private const string Crn = "crn:v1:bluemix:public:cloud-object-storage:global:a/1234::";
    private readonly string _docroot = Directory.CreateTempSubdirectory("aspn-cos-").FullName;
    private readonly HttpClient _http = Client();
    private CosEmulator _cos = null!;
    private NodeEmulator _node = null!;

    public async Task InitializeAsync()
    {
        _cos = await CosEmulator.StartAsync();
        _node = await NodeEmulator.StartAsync(_docroot);
        _cos.AddBucket("mybucket", Crn, "CosApiKey_9f8e", _node, Path.Combine(_docroot, "mybucket"));
    }

    private async Task<JsonNode> Grant(string responseType, string apiKey = "CosApiKey_9f8e")
    {
        List<KeyValuePair<string, string>> form = [new("grant_type", "urn:ibm:params:oauth:grant-type:apikey"), new("response_type", responseType), new("apikey", apiKey)];
        if (responseType == "delegated_refresh_token") form.Add(new("receiver_client_ids", "aspera_ats"));
        var answer = await _http.PostAsync(_cos.IdentityUrl + "/token", new FormUrlEncodedContent(form));
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> BucketInfo(string bucket, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{_cos.Url}/{bucket}?faspConnectionInfo");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("ibm-service-instance-id", Crn);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Bucket_info_then_node_with_delegated_storage_credentials()
    {
        var info = XDocument.Parse(await (await BucketInfo("mybucket", (await Grant("cloud_iam"))["access_token"]!.ToString())).Content.ReadAsStringAsync());
        XNamespace s3 = "http://s3.amazonaws.com/doc/2006-03-01/";
        string endpoint = info.Root!.Element(s3 + "ATSEndpoint")!.Value;
        var auth = Basic(info.Root.Element(s3 + "AccessKey")!.Element(s3 + "Id")!.Value, info.Root.Element(s3 + "AccessKey")!.Element(s3 + "Secret")!.Value);
        Assert.Equal(_node.Url, endpoint);
        var delegated = (await Grant("delegated_refresh_token"))["delegated_refresh_token"]!.ToString();
        var withCredentials = Request(HttpMethod.Get, endpoint + "/info", auth);
        withCredentials.Headers.Add("X-Aspera-Storage-Credentials", new JsonObject { ["type"] = "token", ["token"] = new JsonObject { ["delegated_refresh_token"] = delegated } }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(withCredentials)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(Request(HttpMethod.Get, endpoint + "/info", auth))).StatusCode);
    }

    [Fact]
    public async Task S3_errors_are_xml_and_iam_errors_json()
    {
        var noToken = await BucketInfo("mybucket", null);
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Equal("AccessDenied", XDocument.Parse(await noToken.Content.ReadAsStringAsync()).Root!.Element("Code")!.Value);
        var unknown = await BucketInfo("nobucket", (await Grant("cloud_iam"))["access_token"]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("NoSuchBucket", XDocument.Parse(await unknown.Content.ReadAsStringAsync()).Root!.Element("Code")!.Value);
        var badKey = await Grant("cloud_iam", "nope");
        Assert.Equal("Provided API key could not be found.", badKey["errorMessage"]!.ToString());
        var refresh = await _http.PostAsync(_cos.IdentityUrl + "/token", new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", "not_supported")]));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Service_credentials_lead_to_the_region_endpoint()
    {
        var credentials = _cos.ServiceCredentials("CosApiKey_9f8e", Crn);
        var endpoints = JsonNode.Parse(await _http.GetStringAsync(credentials["endpoints"]!.ToString()))!;
        string endpoint = endpoints["service-endpoints"]!["regional"]!["us-south"]!["public"]!["us-south"]!.ToString();
        Assert.Equal(_cos.Url, "https://" + endpoint);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
        await _cos.DisposeAsync();
        Directory.Delete(_docroot, recursive: true);
    }
}
