using System.Text.Json.Nodes;

namespace AsperaNative.Core.Results;

/// <summary>
/// The items of a list result that flow from their source (pages of a REST listing) to the formatter,
/// which reads them once, as they arrive: a listing of millions of entries is never held whole.
/// Items are hashes (<see cref="JsonObject"/>) for an object list, scalars for a value list; each item
/// belongs to no parent node. <see cref="Total"/> and <see cref="ExpectedCount"/> are known once the
/// first item (or the end) has been read, which the formatter does before it writes anything.
/// </summary>
public abstract class ItemStream : IAsyncEnumerable<JsonNode?>
{
    /// <summary>The total the server announced (a <c>total_count</c> field, an <c>X-Total-Count</c> header), or null.</summary>
    public virtual long? Total => null;

    /// <summary>
    /// How many items the stream will give, when its source can tell before the end (the total is known and
    /// the user's <c>max</c> cuts it or nothing does), or null: lets the formatter print <c>Items: n/total</c>
    /// before the items instead of holding them to count them.
    /// </summary>
    public virtual long? ExpectedCount => null;

    public abstract IAsyncEnumerator<JsonNode?> GetAsyncEnumerator(CancellationToken cancel = default);

    /// <summary>No items.</summary>
    public static ItemStream Empty { get; } = new InMemory([], null);

    /// <summary>A stream over any asynchronous sequence (no total).</summary>
    public static ItemStream From(IAsyncEnumerable<JsonNode?> items) => items as ItemStream ?? new Wrapped(items, null);

    /// <summary>A stream over items already in memory (tests, small lists); the expected count is their number.</summary>
    public static ItemStream From(IReadOnlyList<JsonNode?> items, long? total = null) => new InMemory(items, total);

    /// <summary>
    /// Each item changed by <paramref name="map"/> as it flows (e.g. a prefix removed from a path); the total and
    /// the expected count are kept, so the map must give one item for each.
    /// </summary>
    public ItemStream Select(Func<JsonNode?, JsonNode?> map) => new Mapped(this, map);

    /// <summary>Reads every item into one array (for callers that need the whole list, e.g. to look an entry up).</summary>
    public async Task<JsonArray> ToJsonArrayAsync(CancellationToken cancel = default)
    {
        var array = new JsonArray();
        await foreach (var item in this.WithCancellation(cancel))
            array.Add(item?.Parent is null ? item : item.DeepClone());
        return array;
    }

    private sealed class Wrapped(IAsyncEnumerable<JsonNode?> items, long? total) : ItemStream
    {
        public override long? Total => total;
        public override IAsyncEnumerator<JsonNode?> GetAsyncEnumerator(CancellationToken cancel = default) => items.GetAsyncEnumerator(cancel);
    }

    private sealed class InMemory(IReadOnlyList<JsonNode?> items, long? total) : ItemStream
    {
        public override long? Total => total;
        public override long? ExpectedCount => items.Count;

        public override async IAsyncEnumerator<JsonNode?> GetAsyncEnumerator(CancellationToken cancel = default)
        {
            foreach (var item in items)
            {
                cancel.ThrowIfCancellationRequested();
                yield return item;
            }
            await Task.CompletedTask;
        }
    }

    private sealed class Mapped(ItemStream source, Func<JsonNode?, JsonNode?> map) : ItemStream
    {
        public override long? Total => source.Total;
        public override long? ExpectedCount => source.ExpectedCount;

        public override async IAsyncEnumerator<JsonNode?> GetAsyncEnumerator(CancellationToken cancel = default)
        {
            await foreach (var item in source.WithCancellation(cancel)) yield return map(item);
        }
    }
}

/// <summary>When the <c>Items: n/total</c> line is shown before a list that flows (it needs the count before the items).</summary>
public enum TotalLine
{
    /// <summary>Never (most listings of ascli).</summary>
    Hidden,
    /// <summary>Whenever the server announced a total (ascli's AoC lists, entity lists with <c>total_count</c>).</summary>
    WhenAnnounced,
    /// <summary>Only when fewer items are shown than the server announced (a listing cut by <c>max</c>/<c>pmax</c>).</summary>
    WhenPartial,
}
