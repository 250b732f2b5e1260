using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Alee.Api;

/// <summary>The ALEE metering API: <c>ping</c> and <c>v1/entitlement</c> below https://api.ibmaspera.com/metering.</summary>
public sealed class AleeApi(RestFactory rest, string entitlementId, string customerId)
{
    public const string BaseUrl = "https://api.ibmaspera.com/metering";

    /// <summary>The header ALEE authenticates calls with: Basic of entitlement id and customer id (no Authorization header).</summary>
    private RestClient Client(string version) => rest.Create($"{BaseUrl}/{version}", options: new RestClientOptions
    {
        Headers = new Dictionary<string, string>
        {
            ["X-Aspera-Entitlement-Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{entitlementId}:{customerId}")),
        },
    });

    /// <summary>The raw answer of <c>GET /metering/ping</c> (<c>pong</c> when the service is up).</summary>
    public async Task<string> PingAsync() => (await Client("ping").CallAsync(new RestRequest("GET"))).Text;

    /// <summary>The entitlement's details (status, end date…).</summary>
    public async Task<JsonObject> EntitlementAsync() => await Client("v1").ReadAsync("entitlement") as JsonObject ?? [];
}
