using System.Text.Json.Nodes;
using AsperaNative.Rest;
using AsperaNative.Rest.Xml;

namespace AsperaNative.Plugins.Orchestrator.Api;

/// <summary>
/// One Orchestrator call as ascli makes it: <c>GET api/&lt;endpoint&gt;[/&lt;id&gt;]</c> with the query, the requested
/// answer format marked as the return style says (<c>arg</c>: a last <c>format</c> query parameter unless already there,
/// <c>header</c>: <c>Accept</c>, <c>ext</c>: a path extension), credentials in the query when asked (always last).
/// </summary>
public sealed class OrchestratorApi(RestClient api, (string Login, string Password)? queryCredentials, Func<string> retStyle)
{
    public RestClient Rest => api;

    /// <summary>The answer's data: JSON, else its text; converted from XML when <paramref name="format"/> is <c>xml</c>.</summary>
    public async Task<JsonNode?> CallAsync(string endpoint, string? id = null, string? format = "json", JsonObject? query = null, bool xmlArrays = true)
    {
        var response = await SendAsync(endpoint, id, format, query);
        return format == "xml" ? XmlSimple.Parse(response.Text, xmlArrays) : response.Data;
    }

    /// <summary>The response itself (export: the raw body).</summary>
    public async Task<RestResponse> SendAsync(string endpoint, string? id, string? format, JsonObject? query = null)
    {
        string path = "api/" + endpoint + (id is null ? "" : "/" + id);
        Dictionary<string, string>? headers = null;
        if (format is not null)
        {
            switch (retStyle())
            {
                case "header":
                    headers = new Dictionary<string, string> { ["Accept"] = "application/" + format };
                    break;
                case "arg":
                    query ??= [];
                    if (!query.ContainsKey("format")) query["format"] = format;
                    break;
                default:
                    path += "." + format;
                    break;
            }
        }
        if (queryCredentials is { } credentials)
        {
            query ??= [];
            query["login"] = credentials.Login;
            query["password"] = credentials.Password;
        }
        return await api.CallAsync(new RestRequest("GET", path) { Query = query, Headers = headers });
    }
}
