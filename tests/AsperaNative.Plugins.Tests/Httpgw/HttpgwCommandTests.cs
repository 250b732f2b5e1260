using System.Text.Json.Nodes;
using AsperaNative.Emulators.Httpgw;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Httpgw;

/// <summary><c>ascli httpgw info|health</c> against the gateway emulator.</summary>
public sealed class HttpgwCommandTests : IAsyncLifetime
{
    private readonly CliHome _home = new();
    private HttpgwEmulator _gw = null!;

    public async Task InitializeAsync() => _gw = await HttpgwEmulator.StartAsync(prefix: "/gw");

    private RunOutput Run(string url, params string[] args) => _home.Run(["httpgw", $"--url={url}", "--insecure=yes", .. args]);

    [Theory]
    [InlineData("")]
    [InlineData("/aspera/http-gwy")]
    [InlineData("/aspera/http-gwy/v1/")]
    public void Info_from_any_form_of_the_gateway_url(string suffix)
    {
        var run = Run(_gw.ServerUrl + suffix, "info", "--format=json");
        Assert.Equal(0, run.Exit);
        var info = JsonNode.Parse(run.Out)!;
        Assert.Equal("2.3.0", info["version"]!.ToString());
        Assert.Equal("/gw/aspera/http-gwy/v1/info", _gw.Http.Requests[^1].Path);
    }

    [Fact]
    public void Url_without_scheme_gets_https()
    {
        var run = Run(_gw.ServerUrl["https://".Length..], "info", "--format=json");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("2.3.0", JsonNode.Parse(run.Out)!["version"]!.ToString());
    }

    [Fact]
    public void Other_scheme_is_refused_before_any_request()
    {
        var run = Run(_gw.ServerUrl.Replace("https://", "http://"), "info");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Other(RuntimeError): GW URL shall be with scheme https", run.Error);
        Assert.Empty(_gw.Http.Requests);
    }

    [Fact]
    public void Gateway_without_upload_v2_is_used_with_a_warning()
    {
        _gw.Info["endpoints"] = new JsonArray("/v1/download", "/v1/upload");
        var run = Run(_gw.Url, "info", "--format=json");
        Assert.Equal(0, run.Exit);
        Assert.Contains("API version v2 not supported, reverting to v1", run.Err);
    }

    [Fact]
    public void Info_without_endpoints_fails_as_ascli()
    {
        _gw.Info.Remove("endpoints");
        var run = Run(_gw.Url, "info");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Other(NoMethodError): undefined method 'any?' for nil", run.Error);
    }

    [Fact]
    public void Info_error_is_a_rest_error()
    {
        _gw.InfoFailure = (404, "Not Found");
        var run = Run(_gw.Url, "info");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Rest: Not Found", run.Error);
    }

    [Fact]
    public void Health_ok_and_critical()
    {
        var ok = Run(_gw.Url, "health", "--format=nagios");
        Assert.Equal(0, ok.Exit);
        Assert.Equal("OK - [api:answered ok]", ok.Out.Trim());
        var http = Run(_gw.Url.Replace("https://", "http://"), "health", "--format=nagios");
        Assert.Equal(2, http.Exit);
        Assert.Equal("CRITICAL - [api:GW URL shall be with scheme https]", http.Out.Trim());
        _gw.InfoFailure = (500, "down");
        var down = Run(_gw.Url, "health", "--format=json");
        Assert.Contains("\"status\":\"critical\"", down.Out);
        Assert.Contains("down", down.Out);
    }

    [Fact]
    public void Url_is_mandatory()
    {
        var run = _home.Run("httpgw", "info");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Argument: Missing mandatory option: url", run.Error);
    }

    public async Task DisposeAsync()
    {
        await _gw.DisposeAsync();
        _home.Dispose();
    }
}
