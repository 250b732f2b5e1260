using System.Net;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Httpgw;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Httpgw;

public sealed class HttpgwEmulatorTests : IDisposable
{
    private readonly HttpClient _http = Client();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Info_under_the_gateway_path_without_credentials()
    {
        await using var gw = await HttpgwEmulator.StartAsync();
        var info = JsonNode.Parse(await _http.GetStringAsync(gw.Url + "/v1/info"))!;
        Assert.Equal("/aspera/http-gwy/v1/download", info["download_endpoint"]!.ToString());
        Assert.Contains("/v2/upload", info["endpoints"]!.AsArray().Select(e => e!.ToString()));
        Assert.StartsWith("https://", gw.Url);
    }

    [Fact]
    public async Task Unknown_path_and_failing_info_answer_the_gateway_message()
    {
        await using var gw = await HttpgwEmulator.StartAsync(prefix: "/gw");
        Assert.EndsWith("/gw/aspera/http-gwy", gw.Url);
        var missing = await _http.GetAsync(gw.ServerUrl + "/v1/info");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await missing.Content.ReadAsStringAsync());
        gw.InfoFailure = (500, "internal error");
        var failed = await _http.GetAsync(gw.Url + "/v1/info");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
    }

    [Fact]
    public async Task Info_can_describe_an_older_gateway()
    {
        await using var gw = await HttpgwEmulator.StartAsync();
        gw.Info["endpoints"] = new JsonArray("/v1/download", "/v1/upload");
        var info = JsonNode.Parse(await _http.GetStringAsync(gw.Url + "/v1/info"))!;
        Assert.DoesNotContain("/v2/upload", info["endpoints"]!.AsArray().Select(e => e!.ToString()));
    }
}
