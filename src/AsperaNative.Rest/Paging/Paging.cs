using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Results;

namespace AsperaNative.Rest.Paging;

/// <summary>The items of all pages read, and the total the server announced, if any.</summary>
public sealed record PagedResult(JsonArray Items, long? Total);

/// <summary>
/// The paging kinds of the Aspera APIs (docs/STREAMING.md). Each reads pages until the server says there
/// are no more or the user's <c>max</c>/<c>pmax</c> is reached; the user's query is sent in its order, the
/// paging parameters after it. The plain forms give an <see cref="ItemStream"/> that reads the pages while
/// the formatter writes the items (pass it to <see cref="Result.ObjectList(ItemStream, IReadOnlyList{string}?, TotalLine)"/>);
/// the <c>…Async</c> forms read the whole listing into memory, for callers that need it whole.
/// The query is checked (and <c>max</c>/<c>pmax</c> taken out) when the stream is made; nothing is sent before it is read.
/// </summary>
public static class Pager
{
    /// <summary>Page numbers (AoC): <c>per_page</c> (default 1000) and <c>page=1..</c> until an empty page or the <c>X-Total-Count</c> total.</summary>
    public static PagedItems ByPage(RestClient api, string subpath, JsonNode? query, string? itemsField = null,
        long defaultPerPage = 1000, string totalHeader = "X-Total-Count")
    {
        var (user, limits) = PageLimits.Split(query);
        var q = new JsonObject { ["per_page"] = defaultPerPage };
        Merge(q, user);
        return new PagedItems(limits, (state, cancel) => ReadByPage(api, subpath, q, itemsField, totalHeader, state, cancel));
    }

    private static async IAsyncEnumerable<JsonNode?> ReadByPage(RestClient api, string subpath, JsonObject query, string? itemsField,
        string totalHeader, PageState state, [EnumeratorCancellation] CancellationToken cancel)
    {
        var q = (JsonObject)query.DeepClone();
        for (int page = 1; ; page++)
        {
            q["page"] = page;
            var response = await api.CallAsync(new RestRequest("GET", subpath) { Query = q, Headers = Accept, ListingPage = true }, cancel);
            if (response.Header(totalHeader) is { } t && long.TryParse(t, out long n)) state.Total = n;
            state.ExpectTotal();
            var items = PagedItems.ItemsOf(response.Data, itemsField);
            if (items.Length == 0) yield break;
            for (int i = 0; i < items.Length; i++)
            {
                var item = PagedItems.Release(items, i);
                if (!state.TryTake()) yield break;
                yield return item;
            }
            if (state.LimitReached(page) || (state.Total is { } total && state.Read >= total)) yield break;
        }
    }

    /// <summary>Offsets (Faspex 5): <c>limit</c> (default 100) and <c>offset</c> until the body's <c>total_count</c>.</summary>
    public static PagedItems ByOffset(RestClient api, string subpath, JsonNode? query, string itemsField,
        long defaultLimit = 100, string totalField = "total_count")
    {
        var (user, limits) = PageLimits.Split(query);
        var q = new JsonObject { ["limit"] = defaultLimit };
        Merge(q, user);
        return new PagedItems(limits, (state, cancel) => ReadByOffset(api, subpath, q, itemsField, totalField, state, cancel));
    }

    private static async IAsyncEnumerable<JsonNode?> ReadByOffset(RestClient api, string subpath, JsonObject query, string itemsField,
        string totalField, PageState state, [EnumeratorCancellation] CancellationToken cancel)
    {
        var q = (JsonObject)query.DeepClone();
        for (int page = 1; ; page++)
        {
            q["offset"] = state.Read;
            var response = await api.CallAsync(new RestRequest("GET", subpath) { Query = q, Headers = Accept, ListingPage = true }, cancel);
            if (response.Data?[totalField] is JsonValue tv && tv.TryGetValue(out long n)) state.Total = n;
            state.ExpectTotal();
            var items = PagedItems.ItemsOf(response.Data, itemsField);
            for (int i = 0; i < items.Length; i++)
            {
                var item = PagedItems.Release(items, i);
                if (!state.TryTake()) yield break;
                yield return item;
            }
            if (items.Length == 0 || state.LimitReached(page) || state.Total is not { } total || state.Read >= total) yield break;
        }
    }

    /// <summary>
    /// Iteration tokens: the next token comes in a response header (Faspex 5 browse:
    /// <c>X-Aspera-Next-Iteration-Token</c>) and is sent back as the <c>iteration_token</c> query parameter.
    /// </summary>
    public static PagedItems ByIterationToken(RestClient api, RestRequest request, string? itemsField,
        string header = "X-Aspera-Next-Iteration-Token", string queryKey = "iteration_token")
        => Follow(api, request, itemsField, r => r.Header(header) is { Length: > 0 } token ? new JsonObject { [queryKey] = token } : null, null);

    /// <summary>
    /// RFC 8288 <c>Link: &lt;url&gt;; rel="next"</c> (Node API <c>ops/transfers</c>, gen4 folders): the next link's query
    /// parameters are sent on the same path; <paramref name="totalHeader"/> names a header with the total, if any.
    /// </summary>
    public static PagedItems ByLinkHeader(RestClient api, RestRequest request, string? itemsField, string? totalHeader = null)
        => Follow(api, request, itemsField, static r => NextLinkQuery(r.Header("Link")), totalHeader);

    private static PagedItems Follow(RestClient api, RestRequest request, string? itemsField, Func<RestResponse, JsonObject?> next, string? totalHeader)
    {
        var (user, limits) = PageLimits.Split(request.Query);
        return new PagedItems(limits, (state, cancel) => ReadFollowing(api, request, user, itemsField, next, totalHeader, state, cancel));
    }

    private static async IAsyncEnumerable<JsonNode?> ReadFollowing(RestClient api, RestRequest request, JsonObject user, string? itemsField,
        Func<RestResponse, JsonObject?> next, string? totalHeader, PageState state, [EnumeratorCancellation] CancellationToken cancel)
    {
        var q = user;
        for (int page = 1; ; page++)
        {
            var response = await api.CallAsync(request with { Query = q.Count == 0 ? null : q, ListingPage = true }, cancel);
            if (totalHeader is not null && response.Header(totalHeader) is { } t && long.TryParse(t, out long n)) state.Total = n;
            if (totalHeader is not null) state.ExpectTotal();
            var items = PagedItems.ItemsOf(response.Data, itemsField);
            for (int i = 0; i < items.Length; i++)
            {
                var item = PagedItems.Release(items, i);
                if (!state.TryTake()) yield break;
                yield return item;
            }
            if (state.LimitReached(page) || next(response) is not { } more) yield break;
            q = (JsonObject)q.DeepClone();
            Merge(q, more);
        }
    }

    /// <summary>
    /// A list read with one call (no paging): its items flow to the formatter. <paramref name="strict"/> makes a body
    /// that is not a list (or has no list in <paramref name="itemsField"/>) an error; else it has no items.
    /// <c>max</c> in the query is not taken out (the API gets the query as given).
    /// </summary>
    public static PagedItems Single(RestClient api, RestRequest request, string? itemsField, bool strict = true)
        => new(PageLimits.None, (state, cancel) => ReadSingle(api, request, itemsField, strict, state, cancel));

    private static async IAsyncEnumerable<JsonNode?> ReadSingle(RestClient api, RestRequest request, string? itemsField, bool strict,
        PageState state, [EnumeratorCancellation] CancellationToken cancel)
    {
        var response = await api.CallAsync(request with { ListingPage = true }, cancel);
        var list = itemsField is null ? response.Data : (response.Data as JsonObject)?[itemsField];
        var items = list is JsonArray || strict ? PagedItems.ItemsOf(response.Data, itemsField) : [];
        state.ExpectedCount = items.Length;
        for (int i = 0; i < items.Length; i++)
        {
            var item = PagedItems.Release(items, i);
            state.TryTake();
            yield return item;
        }
    }

    /// <summary>Page numbers, read whole.</summary>
    public static Task<PagedResult> ByPageAsync(RestClient api, string subpath, JsonNode? query, string? itemsField = null,
        long defaultPerPage = 1000, string totalHeader = "X-Total-Count", CancellationToken cancel = default)
        => ReadAllAsync(ByPage(api, subpath, query, itemsField, defaultPerPage, totalHeader), cancel);

    /// <summary>Offsets, read whole.</summary>
    public static Task<PagedResult> ByOffsetAsync(RestClient api, string subpath, JsonNode? query, string itemsField,
        long defaultLimit = 100, string totalField = "total_count", CancellationToken cancel = default)
        => ReadAllAsync(ByOffset(api, subpath, query, itemsField, defaultLimit, totalField), cancel);

    /// <summary>Iteration tokens, read whole (the total is not known).</summary>
    public static async Task<PagedResult> ByIterationTokenAsync(RestClient api, RestRequest request, string? itemsField,
        string header = "X-Aspera-Next-Iteration-Token", string queryKey = "iteration_token", CancellationToken cancel = default)
        => (await ReadAllAsync(ByIterationToken(api, request, itemsField, header, queryKey), cancel)) with { Total = null };

    /// <summary>Link headers, read whole (the total is not known).</summary>
    public static async Task<PagedResult> ByLinkHeaderAsync(RestClient api, RestRequest request, string? itemsField, CancellationToken cancel = default)
        => (await ReadAllAsync(ByLinkHeader(api, request, itemsField), cancel)) with { Total = null };

    /// <summary>Every item of a listing, and its total.</summary>
    public static async Task<PagedResult> ReadAllAsync(ItemStream items, CancellationToken cancel = default)
    {
        var all = await items.ToJsonArrayAsync(cancel);
        return new PagedResult(all, items.Total);
    }

    /// <summary>The query parameters of the <c>rel="next"</c> link, or null.</summary>
    public static JsonObject? NextLinkQuery(string? link)
    {
        if (link is null) return null;
        foreach (var part in link.Split(','))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (!pieces.Skip(1).Any(p => p.Replace(" ", "") is "rel=\"next\"" or "rel=next")) continue;
            string url = pieces[0].Trim('<', '>', ' ');
            int q = url.IndexOf('?');
            var result = new JsonObject();
            if (q < 0) return result;
            foreach (var pair in url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                result[Uri.UnescapeDataString(kv[0].Replace('+', ' '))] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : null;
            }
            return result;
        }
        return null;
    }

    private static readonly IReadOnlyDictionary<string, string> Accept = new Dictionary<string, string> { ["Accept"] = "application/json" };

    /// <summary>Adds (or replaces in place) the keys of <paramref name="from"/>.</summary>
    public static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (k, v) in from) into[k] = v?.DeepClone();
    }
}
