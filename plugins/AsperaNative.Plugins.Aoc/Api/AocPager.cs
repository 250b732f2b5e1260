using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Rest;
using AsperaNative.Rest.Paging;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// AoC lists (ascli's <c>read_with_paging</c>): the query as given, <c>per_page=1000</c> appended when absent, then
/// <c>page=1..</c>; pages are read until an empty one (the <c>X-Total-Count</c> total is shown, not used to stop), or the
/// user's <c>max</c> items / <c>pmax</c> pages. Items flow to the formatter page by page.
/// </summary>
public static class AocPager
{
    public const long PerPage = 1000;
    private const string TotalHeader = "X-Total-Count";
    private static readonly IReadOnlyDictionary<string, string> Accept = new Dictionary<string, string> { ["Accept"] = "application/json" };

    public static PagedItems List(RestClient api, string path, JsonNode? query)
    {
        var (user, limits) = PageLimits.Split(query);
        if (!user.ContainsKey("per_page")) user["per_page"] = PerPage;
        int first = user["page"] is JsonValue p && p.TryGetValue(out int start) ? start : 1;
        // nil values are not sent (ascli compacts the query)
        foreach (var key in user.Where(static p => p.Value is null).Select(static p => p.Key).ToList()) user.Remove(key);
        return new PagedItems(limits, (state, cancel) => Read(api, path, user, first, state, cancel));
    }

    /// <summary>Every item of a list, read whole (ids for receive, lookups).</summary>
    public static Task<PagedResult> ReadAllAsync(RestClient api, string path, JsonNode? query, CancellationToken cancel = default)
        => Pager.ReadAllAsync(List(api, path, query), cancel);

    private static async IAsyncEnumerable<JsonNode?> Read(RestClient api, string path, JsonObject query, int first, PageState state,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        var q = (JsonObject)query.DeepClone();
        for (int page = first, pages = 1; ; page++, pages++)
        {
            q["page"] = page;
            var response = await api.CallAsync(new RestRequest("GET", path) { Query = q, Headers = Accept, ListingPage = true }, cancel);
            if (response.Header(TotalHeader) is { } t && long.TryParse(t, out long n)) state.Total = n;
            var items = PagedItems.ItemsOf(response.Data is JsonObject o && o[path] is JsonArray ? o : response.Data, response.Data is JsonObject ? path : null);
            if (items.Length == 0) yield break;
            for (int i = 0; i < items.Length; i++)
            {
                var item = PagedItems.Release(items, i);
                if (!state.TryTake()) yield break;
                yield return item;
            }
            if (state.LimitReached(pages)) yield break;
        }
    }
}
