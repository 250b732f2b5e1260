using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest.Paging;

/// <summary>
/// Limits read from the user's <c>--query</c> and removed from it before it is sent:
/// <c>max</c> (items) and <c>pmax</c> (pages).
/// </summary>
public sealed record PageLimits(long? MaxItems, long? MaxPages)
{
    public const string MaxItemsKey = "max";
    public const string MaxPagesKey = "pmax";

    public static readonly PageLimits None = new(null, null);

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

    /// <summary>True when <paramref name="items"/> read in <paramref name="pages"/> pages reach <c>max</c> or <c>pmax</c>.</summary>
    public bool Reached(long items, int pages) => (MaxItems is { } mi && items >= mi) || (MaxPages is { } mp && pages >= mp);
}

/// <summary>
/// What a listing knows while it is read: the announced total, the items given so far, and how many it
/// will give when that can be told early. A pager updates it page by page; <see cref="PagedItems"/> shows it.
/// </summary>
public sealed class PageState(PageLimits limits)
{
    public PageLimits Limits { get; } = limits;
    /// <summary>The total announced by the server, once a page said it.</summary>
    public long? Total { get; set; }
    /// <summary>Items given so far (at most <c>max</c>).</summary>
    public long Read { get; private set; }
    /// <summary>How many items the listing will give, when known (see <see cref="Core.Results.ItemStream.ExpectedCount"/>).</summary>
    public long? ExpectedCount { get; set; }

    /// <summary>Counts one more item, or false when <c>max</c> is reached (the item is not given).</summary>
    public bool TryTake()
    {
        if (Limits.MaxItems is { } max && Read >= max) return false;
        Read++;
        return true;
    }

    /// <summary>True when the items read so far, in <paramref name="pages"/> pages, reach <c>max</c> or <c>pmax</c>.</summary>
    public bool LimitReached(int pages) => Limits.Reached(Read, pages);

    /// <summary>
    /// The expected count of a listing read until its announced total: the total, or <c>max</c> when lower;
    /// unknown when <c>pmax</c> may stop it earlier or no total was announced.
    /// </summary>
    public void ExpectTotal() => ExpectedCount = Limits.MaxPages is null && Total is { } t ? Math.Min(t, Limits.MaxItems ?? t) : null;
}
