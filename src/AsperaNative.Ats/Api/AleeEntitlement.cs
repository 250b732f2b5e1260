// IBM Aspera License Entitlement Engine (ALEE), the entitlement of an ATS access key's licence:
// GET https://api.ibmaspera.com/metering/v1/entitlement (fixed host). Manual: "Plugin: ats" (access_key entitlement).
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Rest;

namespace AsperaNative.Ats.Api;

/// <summary>ALEE's entitlement call, authenticated by the licence's entitlement id and customer id (a header, no Authorization).</summary>
public static class AleeEntitlement
{
    public const string Url = "https://api.ibmaspera.com/metering/v1";
    public const string Header = "X-Aspera-Entitlement-Authorization";

    public static async Task<JsonNode?> ReadAsync(RestFactory rest, string entitlementId, string customerId)
    {
        var api = rest.Create(Url, options: new RestClientOptions
        {
            Headers = new Dictionary<string, string> { [Header] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{entitlementId}:{customerId}")) },
        });
        return await api.ReadAsync("entitlement");
    }
}
