using System.Net;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Alee;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Alee;

public sealed class AleeEmulatorTests : IAsyncLifetime
{
    private AleeEmulator _alee = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _alee = await AleeEmulator.StartAsync();
        _alee.AddEntitlement("ent-9c1d", "cust-77e2", new JsonObject { ["status"] = "expired", ["end_date"] = "2023-12-31" });
        _http = Client(_alee.ProxyUrl);
    }

    private Task<HttpResponseMessage> Entitlement(string entitlement, string customer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.ibmaspera.com/metering/v1/entitlement");
        request.Headers.Add(AleeEmulator.AuthorizationHeader, Basic(entitlement, customer).ToString());
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Entitlement_through_the_proxy()
    {
        var answer = await Entitlement("ent-9c1d", "cust-77e2");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal("expired", body["status"]!.ToString());
        Assert.Equal("2023-12-31", body["end_date"]!.ToString());
        Assert.Equal("api.ibmaspera.com", _alee.Http.Requests[^1].Host);
        Assert.Contains("api.ibmaspera.com:443", _alee.Http.Proxy!.Tunnels);
    }

    [Fact]
    public async Task Wrong_customer_gives_an_error_body()
    {
        var answer = await Entitlement("ent-9c1d", "other");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("Invalid entitlement id or customer id", JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!["user_message"]!.ToString());
    }

    [Fact]
    public async Task Ping_answers_pong_unless_unhealthy()
    {
        Assert.Equal("pong", await _http.GetStringAsync("https://api.ibmaspera.com/metering/ping"));
        _alee.Healthy = false;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync("https://api.ibmaspera.com/metering/ping")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _alee.DisposeAsync();
    }
}
