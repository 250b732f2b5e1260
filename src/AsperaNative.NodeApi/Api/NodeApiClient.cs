using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Results;
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
    /// <c>skip</c> until <c>total_count</c> items are read; <c>max</c>/<c>pmax</c> in the query limit the items and pages.
    /// The first page is read at once (it tells whether the path is a folder); the others while the items are read.
    /// A <c>skip</c> in the query asks for that one page only.
    /// </summary>
    public async Task<BrowseListing> BrowseListingAsync(string path, JsonObject? query, CancellationToken cancel = default)
    {
        var (user, limits) = PageLimits.Split(query);
        var body = new JsonObject { ["count"] = BrowsePageSize, ["path"] = path };
        foreach (var (k, v) in user) body[k] = v?.DeepClone();
        bool userPaging = user.ContainsKey("skip");
        var first = await BrowsePageAsync(body, cancel);
        var self = first["self"] as JsonObject ?? [];
        var state = new PageState(limits) { Total = TotalCount(first) };
        var firstItems = BrowseItems(first);
        if (userPaging || limits.MaxPages == 1 || state.Total is null)
            state.ExpectedCount = limits.MaxItems is { } max ? Math.Min(max, firstItems.Length) : firstItems.Length;
        else state.ExpectTotal();
        return new BrowseListing(self, new PagedItems(state, (s, c) => ReadBrowse(firstItems, body, userPaging, s, c)));
    }

    private async IAsyncEnumerable<JsonNode?> ReadBrowse(JsonNode?[] items, JsonObject body, bool userPaging, PageState state,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        for (int page = 1; ; page++)
        {
            for (int i = 0; i < items.Length; i++)
            {
                var item = PagedItems.Release(items, i);
                if (!state.TryTake()) yield break;
                yield return item;
            }
            if (userPaging || items.Length == 0 || state.Total is not { } total || state.Read >= total || state.LimitReached(page)) yield break;
            body["skip"] = state.Read;
            var data = await BrowsePageAsync(body, cancel);
            if (TotalCount(data) is { } t) state.Total = t;
            items = BrowseItems(data);
        }
    }

    private async Task<JsonObject> BrowsePageAsync(JsonObject body, CancellationToken cancel)
        => (await Rest.CallAsync(new RestRequest("POST", "files/browse") { Json = body, Headers = AcceptJson, ListingPage = true }, cancel)).Data as JsonObject ?? [];

    private static long? TotalCount(JsonObject data) => data["total_count"] is JsonValue t && t.TryGetValue(out long n) ? n : null;

    private static JsonNode?[] BrowseItems(JsonObject data) => data["items"] is JsonArray ? PagedItems.ItemsOf(data, "items") : [];

    /// <summary>Gen3 browse read whole (see <see cref="BrowseListingAsync"/>).</summary>
    public async Task<BrowseResult> BrowseAsync(string path, JsonObject? query)
    {
        var listing = await BrowseListingAsync(path, query);
        var items = await listing.Items.ToJsonArrayAsync();
        return new BrowseResult(listing.Self, items, listing.Items.Total);
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
    public PagedItems Transfers(JsonNode? query)
        => Pager.ByLinkHeader(Rest, new RestRequest("GET", "ops/transfers") { Query = query, Headers = AcceptJson }, null);

    /// <summary>Transfers known to the node, read whole.</summary>
    public Task<PagedResult> TransfersAsync(JsonNode? query) => Pager.ReadAllAsync(Transfers(query));

    /// <summary>Gen4 folder listing (<c>/files/{id}/files</c>), pages followed through the <c>Link</c> header, total in <c>X-Total-Count</c>.</summary>
    public PagedItems ListFolder(string fileId, JsonNode? query = null)
        => Pager.ByLinkHeader(Rest, new RestRequest("GET", $"files/{fileId}/files") { Query = query, Headers = AcceptJson }, null, "X-Total-Count");

    /// <summary>Gen4 folder listing, read whole.</summary>
    public async Task<(JsonArray Items, long? Total)> ListFolderAsync(string fileId, JsonNode? query = null)
    {
        var listing = await Pager.ReadAllAsync(ListFolder(fileId, query));
        return (listing.Items, listing.Total);
    }

    /// <summary>A list read with one GET (<c>access_keys</c>, <c>events</c>…): its items flow to the formatter; a body that is not a list has none.</summary>
    public ItemStream List(string path, JsonNode? query = null) => Pager.Single(Rest, new RestRequest("GET", path) { Query = query, Headers = AcceptJson }, null, strict: false);

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };
}

/// <summary>A gen3 browse: the browsed entry itself, its items (all pages) and the node's total count.</summary>
public sealed record BrowseResult(JsonObject Self, JsonArray Items, long? Total);

/// <summary>A gen3 browse that flows: the browsed entry itself (first page) and its items, read page by page when enumerated (once).</summary>
public sealed record BrowseListing(JsonObject Self, PagedItems Items)
{
    /// <summary>True when the path is a folder (its items are the listing), false for a file or a link (the entry itself is the result).</summary>
    public bool IsFolder => Self["type"]?.ToString() is "directory" or "container" || Self.Count == 0;
}
