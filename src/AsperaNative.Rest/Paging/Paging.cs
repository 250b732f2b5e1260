using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest.Paging;

/// <summary>The items of all pages read, and the total the server announced, if any.</summary>
public sealed record PagedResult(JsonArray Items, long? Total);

/// <summary>
/// Limits read from the user's <c>--query</c> and removed from it before it is sent:
/// <c>max</c> (items) and <c>pmax</c> (pages).
/// </summary>
public sealed record PageLimits(long? MaxItems, long? MaxPages)
{
    public const string MaxItemsKey = "max";
    public const string MaxPagesKey = "pmax";

    /// <summary>A copy of the query without the limit keys, and the limits.</summary>
    public static (JsonObject Query, PageLimits Limits) Split(JsonNode? query)
    {
        var copy = query switch
        {
            null => new JsonObject(),
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => throw CliException.BadArgument("query: expecting a Hash for a list"),
        };
        long? Take(string key)
        {
            if (!copy.Remove(key, out var v) || v is null) return null;
            return v is JsonValue n && n.TryGetValue(out long l) ? l : long.Parse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return (copy, new PageLimits(Take(MaxItemsKey), Take(MaxPagesKey)));
    }

    internal bool Reached(int items, int pages) => (MaxItems is { } mi && items >= mi) || (MaxPages is { } mp && pages >= mp);

    internal JsonArray Trim(JsonArray items)
    {
        if (MaxItems is not { } max) return items;
        while (items.Count > max) items.RemoveAt(items.Count - 1);
        return items;
    }
}

/// <summary>
/// The paging kinds of the Aspera APIs. Each reads pages until the server says there are no more
/// or the user's <c>max</c>/<c>pmax</c> is reached; the user's query is sent in its order, the
/// paging parameters after it.
/// </summary>
public static class Pager
{
    /// <summary>Page numbers (AoC): <c>per_page</c> (default 1000) and <c>page=1..</c> until an empty page or the <c>X-Total-Count</c> total.</summary>
    public static async Task<PagedResult> ByPageAsync(RestClient api, string subpath, JsonNode? query, string? itemsField = null,
        long defaultPerPage = 1000, string totalHeader = "X-Total-Count", CancellationToken cancel = default)
    {
        var (user, limits) = PageLimits.Split(query);
        var q = new JsonObject { ["per_page"] = defaultPerPage };
        Merge(q, user);
        var items = new JsonArray();
        long? total = null;
        for (int page = 1; ; page++)
        {
            q["page"] = page;
            var response = await api.CallAsync(new RestRequest("GET", subpath) { Query = q, Headers = Accept }, cancel);
            if (response.Header(totalHeader) is { } t && long.TryParse(t, out long n)) total = n;
            var pageItems = Items(response.Data, itemsField);
            if (pageItems.Count == 0) break;
            AddAll(items, pageItems);
            if (limits.Reached(items.Count, page) || (total is { } tt && items.Count >= tt)) break;
        }
        return new PagedResult(limits.Trim(items), total);
    }

    /// <summary>Offsets (Faspex 5): <c>limit</c> (default 100) and <c>offset</c> until the body's <c>total_count</c>.</summary>
    public static async Task<PagedResult> ByOffsetAsync(RestClient api, string subpath, JsonNode? query, string itemsField,
        long defaultLimit = 100, string totalField = "total_count", CancellationToken cancel = default)
    {
        var (user, limits) = PageLimits.Split(query);
        var q = new JsonObject { ["limit"] = defaultLimit };
        Merge(q, user);
        var items = new JsonArray();
        long? total = null;
        for (int page = 1; ; page++)
        {
            q["offset"] = items.Count;
            var response = await api.CallAsync(new RestRequest("GET", subpath) { Query = q, Headers = Accept }, cancel);
            if (response.Data?[totalField] is JsonValue tv && tv.TryGetValue(out long n)) total = n;
            var pageItems = Items(response.Data, itemsField);
            AddAll(items, pageItems);
            if (pageItems.Count == 0 || limits.Reached(items.Count, page) || total is null || items.Count >= total) break;
        }
        return new PagedResult(limits.Trim(items), total);
    }

    /// <summary>
    /// Iteration tokens: the next token comes in a response header (Faspex 5 browse:
    /// <c>X-Aspera-Next-Iteration-Token</c>) and is sent back as the <c>iteration_token</c> query parameter.
    /// </summary>
    public static Task<PagedResult> ByIterationTokenAsync(RestClient api, RestRequest request, string? itemsField,
        string header = "X-Aspera-Next-Iteration-Token", string queryKey = "iteration_token", CancellationToken cancel = default)
        => FollowAsync(api, request, itemsField, r => r.Header(header) is { Length: > 0 } token ? new JsonObject { [queryKey] = token } : null, cancel);

    /// <summary>RFC 8288 <c>Link: &lt;url&gt;; rel="next"</c> (Node API): the next link's query parameters are sent on the same path.</summary>
    public static Task<PagedResult> ByLinkHeaderAsync(RestClient api, RestRequest request, string? itemsField, CancellationToken cancel = default)
        => FollowAsync(api, request, itemsField, static r => NextLinkQuery(r.Header("Link")), cancel);

    private static async Task<PagedResult> FollowAsync(RestClient api, RestRequest request, string? itemsField, Func<RestResponse, JsonObject?> next, CancellationToken cancel)
    {
        var (user, limits) = PageLimits.Split(request.Query);
        var items = new JsonArray();
        for (int page = 1; ; page++)
        {
            var response = await api.CallAsync(request with { Query = user.Count == 0 ? null : user }, cancel);
            AddAll(items, Items(response.Data, itemsField));
            if (limits.Reached(items.Count, page) || next(response) is not { } more) break;
            user = (JsonObject)user.DeepClone();
            Merge(user, more);
        }
        return new PagedResult(limits.Trim(items), null);
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

    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (k, v) in from) into[k] = v?.DeepClone();
    }

    private static JsonArray Items(JsonNode? data, string? field) => (field is null ? data : data?[field]) switch
    {
        JsonArray a => a,
        null => [],
        _ => throw CliException.Runtime($"expecting a list of items{(field is null ? "" : " in " + field)}"),
    };

    private static void AddAll(JsonArray into, JsonArray from)
    {
        foreach (var item in from) into.Add(item?.DeepClone());
    }
}
