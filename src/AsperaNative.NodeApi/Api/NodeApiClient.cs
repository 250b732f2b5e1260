using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;
using AsperaNative.Rest.Paging;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// The Node API of an Aspera server (HSTS, and the node behind AoC, Shares, ATS, COS): gen3 calls on
/// paths (<c>/files/browse</c>, <c>/files/create</c>…), node administration (<c>/info</c>,
/// <c>/access_keys</c>, <c>/ops/transfers</c>…) and gen4 calls on file ids (<c>/files/{id}/files</c>).
/// No CLI concept here: plugins turn the answers into results.
/// </summary>
public sealed class NodeApiClient
{
    /// <summary>Items asked per page of a gen3 browse (the node's own maximum).</summary>
    public const int BrowsePageSize = 1000;

    public NodeApiClient(RestClient rest, NodeCredentials credentials)
    {
        Rest = rest;
        Credentials = credentials;
        // the node's own error shape joins the run's analyser once a node is used (adding it again is a no-op)
        rest.Factory.Errors.Add(NodeErrorShapes.TransferSpecs);
    }

    public RestClient Rest { get; }
    public NodeCredentials Credentials { get; }
    public string BaseUrl => Rest.BaseUrl;

    /// <summary>The same node with other credentials (an access key and its secret, or a bearer token).</summary>
    public NodeApiClient WithCredentials(string username, string password)
    {
        var headers = new Dictionary<string, string>(Rest.Options.Headers);
        headers.Remove(NodeConnection.AccessKeyHeader);
        bool bearer = NodeConnection.IsBearer(password);
        if (bearer) headers[NodeConnection.AccessKeyHeader] = username;
        var auth = bearer ? StaticAuthorization.Bearer(password) : StaticAuthorization.Basic(username, password);
        var api = Rest.Factory.Create(Rest.BaseUrl, auth, Rest.Options with { Headers = headers });
        return new NodeApiClient(api, new NodeCredentials(username, password, bearer));
    }

    /// <summary>This node with an extra header on every call (watch folders ask for an API version).</summary>
    public NodeApiClient WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Rest.Options.Headers) { [name] = value };
        return new NodeApiClient(Rest.Factory.Create(Rest.BaseUrl, Rest.Auth, Rest.Options with { Headers = headers }), Credentials);
    }

    public Task<JsonNode?> ReadAsync(string path, JsonNode? query = null) => Rest.ReadAsync(path, query);
    public Task<JsonNode?> CreateAsync(string path, JsonNode? body) => Rest.CreateAsync(path, body);
    public Task<JsonNode?> UpdateAsync(string path, JsonNode? body) => Rest.UpdateAsync(path, body);
    public Task<JsonNode?> DeleteAsync(string path, JsonNode? query = null) => Rest.DeleteAsync(path, query);
    public Task<RestResponse> CallAsync(RestRequest request) => Rest.CallAsync(request);

    /// <summary>
    /// Gen3 browse: posts <c>{"count":1000,"path":…}</c> (plus the user's query), then the same with
    /// <c>skip</c> until <c>total_count</c> items are read; <c>max</c> in the query limits the items.
    /// </summary>
    public async Task<BrowseResult> BrowseAsync(string path, JsonObject? query)
    {
        var (user, limits) = PageLimits.Split(query);
        var body = new JsonObject { ["count"] = BrowsePageSize, ["path"] = path };
        foreach (var (k, v) in user) body[k] = v?.DeepClone();
        bool userPaging = user.ContainsKey("skip");
        var items = new JsonArray();
        JsonObject? self = null;
        long? total = null;
        for (int page = 1; ; page++)
        {
            var data = await Rest.CreateAsync("files/browse", body) as JsonObject ?? [];
            self ??= data["self"] as JsonObject;
            if (data["total_count"] is JsonValue t && t.TryGetValue(out long n)) total = n;
            var pageItems = data["items"] as JsonArray ?? [];
            foreach (var item in pageItems) items.Add(item?.DeepClone());
            if (userPaging || pageItems.Count == 0 || total is null || items.Count >= total) break;
            if (limits.MaxItems is { } max && items.Count >= max) break;
            if (limits.MaxPages is { } pmax && page >= pmax) break;
            body["skip"] = items.Count;
        }
        if (limits.MaxItems is { } m) while (items.Count > m) items.RemoveAt(items.Count - 1);
        return new BrowseResult(self ?? [], items, total);
    }

    /// <summary>Gen3 <c>/files/create</c>, <c>/files/delete</c>, <c>/files/rename</c>: the answer's <c>paths</c>.</summary>
    public async Task<JsonArray> PathsCallAsync(string endpoint, JsonArray paths)
        => (await Rest.CreateAsync(endpoint, new JsonObject { ["paths"] = paths }))?["paths"] as JsonArray ?? [];

    /// <summary>Gen3 transfer authorization (<c>files/upload_setup</c>, <c>download_setup</c>, <c>sync_setup</c>): the first transfer spec.</summary>
    public async Task<JsonObject> TransferSetupAsync(string direction, JsonObject request)
    {
        var payload = new JsonObject { ["transfer_requests"] = new JsonArray(new JsonObject { ["transfer_request"] = request }) };
        var answer = await Rest.CreateAsync($"files/{direction}_setup", payload);
        return answer?["transfer_specs"]?[0]?["transfer_spec"] is JsonObject spec
            ? (JsonObject)spec.DeepClone()
            : throw CliException.Runtime("no transfer spec in answer of node");
    }

    /// <summary>Transfers known to the node: <c>/ops/transfers</c>, pages followed through the <c>Link</c> header (<c>iteration_token</c>).</summary>
    public Task<PagedResult> TransfersAsync(JsonNode? query)
        => Pager.ByLinkHeaderAsync(Rest, new RestRequest("GET", "ops/transfers") { Query = query, Headers = AcceptJson }, null);

    /// <summary>Gen4 folder listing (<c>/files/{id}/files</c>), pages followed through the <c>Link</c> header.</summary>
    public async Task<(JsonArray Items, long? Total)> ListFolderAsync(string fileId, JsonNode? query = null)
    {
        var (user, limits) = PageLimits.Split(query);
        var items = new JsonArray();
        long? total = null;
        JsonObject? q = user.Count == 0 ? null : user;
        for (int page = 1; ; page++)
        {
            var response = await Rest.CallAsync(new RestRequest("GET", $"files/{fileId}/files") { Query = q, Headers = AcceptJson });
            if (response.Header("X-Total-Count") is { } t && long.TryParse(t, out long n)) total = n;
            foreach (var item in response.Data as JsonArray ?? []) items.Add(item?.DeepClone());
            if (limits.MaxItems is { } max && items.Count >= max) break;
            if (limits.MaxPages is { } pmax && page >= pmax) break;
            if (Pager.NextLinkQuery(response.Header("Link")) is not { } next) break;
            q = q is null ? [] : (JsonObject)q.DeepClone();
            foreach (var (k, v) in next) q[k] = v?.DeepClone();
        }
        if (limits.MaxItems is { } m) while (items.Count > m) items.RemoveAt(items.Count - 1);
        return (items, total);
    }

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };
}

/// <summary>A gen3 browse: the browsed entry itself, its items (all pages) and the node's total count.</summary>
public sealed record BrowseResult(JsonObject Self, JsonArray Items, long? Total);
