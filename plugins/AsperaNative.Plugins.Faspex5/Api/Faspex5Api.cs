// Faspex 5 API calls shared by the commands ({url}/api/v5): offset paging (limit/offset/total_count),
// lookups of %field:value selectors, folder browsing with iteration tokens (X-Aspera-Next-Iteration-Token),
// jobs. docs/products/faspex5.md §3.
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Rest;
using AsperaNative.Rest.Paging;

namespace AsperaNative.Plugins.Faspex5.Api;

/// <summary>The Faspex 5 API (<c>{url}/api/v5</c>) and its listing conventions.</summary>
public sealed class Faspex5Api(RestClient rest)
{
    /// <summary>Items per page when the query does not say (ascli's PER_PAGE_DEFAULT).</summary>
    public const long PageSize = 100;
    public const string IterationTokenHeader = "X-Aspera-Next-Iteration-Token";

    public static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };

    public RestClient Rest { get; } = rest;

    /// <summary>
    /// Every item of an offset-paged list (ascli's <c>list_entities</c>): <c>limit=100</c> unless the query says,
    /// then <c>offset</c> until <c>total_count</c>; <c>max</c> and <c>pmax</c> of the query limit items and pages.
    /// </summary>
    public PagedItems List(string path, JsonNode? query, string itemsKey)
    {
        if (query is not null and not JsonObject) throw CliException.Assertion($"expecting Hash, but have {RubyInspect.Inspect(query)}");
        return Pager.ByOffset(Rest, path, query, itemsKey, PageSize);
    }

    /// <summary>
    /// The only item of <paramref name="path"/> whose <paramref name="field"/> equals <paramref name="value"/> (type-strict),
    /// read through all pages (ascli's <c>lookup_entity_by_field</c>). A null <paramref name="query"/> is the default
    /// one: <c>q=&lt;value&gt;</c>, on <c>name</c> only.
    /// </summary>
    public async Task<JsonObject> LookupAsync(string type, string field, JsonNode? value, string? path = null, string? itemsKey = null, JsonObject? query = null)
    {
        if (query is null)
        {
            if (field != "name") throw CliException.Assertion("Default query is on name only");
            query = new JsonObject { ["q"] = value?.DeepClone() };
        }
        var found = new List<JsonObject>();
        await foreach (var item in List(path ?? type, query, itemsKey ?? type))
            if (item is JsonObject o && JsonNode.DeepEquals(o[field], value) && SameKind(o[field], value)) found.Add(o);
        return found.Count switch
        {
            0 => throw CliException.Runtime($"No {type} with {field} = {RubyToS.Of(value)}"),
            1 => found[0],
            _ => throw CliException.Runtime($"Found {found.Count} {path} with {field} = {RubyToS.Of(value)}"),
        };
    }

    /// <summary>The identifier of the item found by <see cref="LookupAsync"/>, as text for a path.</summary>
    public async Task<string> LookupIdAsync(string type, string field, JsonNode? value, string? path = null, string? itemsKey = null, JsonObject? query = null)
        => IdText((await LookupAsync(type, field, value, path, itemsKey, query))["id"]);

    public static string IdText(JsonNode? id) => id is null ? "" : RubyToS.Of(id);

    // Ruby's eql?: 3 and 3.0 differ, as do "3" and 3
    private static bool SameKind(JsonNode? a, JsonNode? b) => ArgumentBinder.RubyClass(a) == ArgumentBinder.RubyClass(b);

    /// <summary>
    /// The entries of a folder (ascli's <c>browse_folder</c>): POSTs of <c>{"path","filters"}</c> followed by the
    /// iteration token of each answer. The query's <c>filters</c> go in the body (<c>basenames: []</c> by default),
    /// <c>max</c> cuts the list, <c>recursive</c> browses the sub-folders after the folder; other keys are sent in
    /// the URL query of each call.
    /// </summary>
    public ItemStream Browse(string endpoint, string folder, JsonNode? userQuery)
    {
        if (userQuery is not null and not JsonObject) throw CliException.Assertion($"expecting Hash, but have {RubyInspect.Inspect(userQuery)}");
        var query = (JsonObject?)userQuery?.DeepClone() ?? [];
        if (!query.ContainsKey("filters")) query["filters"] = new JsonObject();
        query.Remove("filters", out var filtersNode);
        if (filtersNode is not JsonObject filters) throw CliException.Assertion($"filters: expecting Hash, but have {RubyInspect.Inspect(filtersNode)}");
        if (!filters.ContainsKey("basenames")) filters["basenames"] = new JsonArray();
        query.Remove("max", out var maxNode);
        query.Remove("recursive", out var recursiveNode);
        long? max = maxNode is JsonValue mv && mv.TryGetValue(out long m) ? m : null;
        bool recursive = recursiveNode is JsonValue rv && (rv.TryGetValue(out bool b) ? b : rv.GetValueKind() is not System.Text.Json.JsonValueKind.False and not System.Text.Json.JsonValueKind.Null);
        return ItemStream.From(ReadBrowse(endpoint, folder, query, filters, max, recursive));
    }

    private async IAsyncEnumerable<JsonNode?> ReadBrowse(string endpoint, string folder, JsonObject query, JsonObject filters, long? max, bool recursive,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var folders = new Queue<string>([folder]);
        long count = 0;
        while (folders.TryDequeue(out var path))
        {
            var q = (JsonObject)query.DeepClone();
            while (true)
            {
                var response = await Rest.CallAsync(new RestRequest("POST", endpoint)
                {
                    Query = q.Count == 0 ? null : q,
                    Json = new JsonObject { ["path"] = path, ["filters"] = filters.DeepClone() },
                    Headers = AcceptJson,
                }, cancel);
                var items = PagedItems.ItemsOf(response.Data, "items");
                if (recursive)
                    foreach (var item in items)
                        if (item?["type"] is JsonValue t && JsonScalar.TryGetText(t, out string? type) && type == "directory" && item["path"] is { } sub)
                            folders.Enqueue(RubyToS.Of(sub));
                foreach (var item in items)
                {
                    // ascli cuts the whole list at max, yet keeps browsing the queued folders
                    if (max is { } limit && count >= limit) break;
                    count++;
                    yield return item;
                }
                if (max is { } reached && count >= reached) break;
                if (response.Header(IterationTokenHeader) is not { Length: > 0 } token) break;
                q["iteration_token"] = token;
            }
        }
    }

    /// <summary>Waits for a job to leave <c>queued</c>/<c>working</c> (polled every half second), its last state.</summary>
    public async Task<JsonObject> WaitJobAsync(string jobId)
    {
        while (true)
        {
            var job = await Rest.ReadAsync($"jobs/{jobId}", new JsonObject { ["type"] = "formatted" }) as JsonObject ?? [];
            if (job["status"]?.ToString() is not ("queued" or "working")) return job;
            await Task.Delay(500);
        }
    }
}
