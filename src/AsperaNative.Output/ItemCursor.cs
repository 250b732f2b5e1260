using System.Text.Json.Nodes;
using AsperaNative.Core.Results;

namespace AsperaNative.Output;

/// <summary>
/// Reads a list that flows, with what the formatter needs on top of plain enumeration: the first item
/// read before anything is written (so the first page's errors, total and count come first), and holding
/// the rest when a format needs the whole list.
/// </summary>
internal sealed class ItemCursor(ItemStream stream, CancellationToken cancel) : IAsyncDisposable
{
    private readonly IAsyncEnumerator<JsonNode?> _source = stream.GetAsyncEnumerator(cancel);
    private readonly Queue<JsonNode?> _held = new();
    private bool _ended;

    public ItemStream Stream { get; } = stream;

    /// <summary>Items held (read ahead and not yet given).</summary>
    public int HeldCount => _held.Count;

    /// <summary>True when the source has given its last item (all remaining items are held).</summary>
    public bool Ended => _ended;

    /// <summary>Reads the first item ahead (the first page is read).</summary>
    public async ValueTask StartAsync()
    {
        if (_held.Count == 0 && !_ended) await ReadAheadAsync();
    }

    /// <summary>Reads every remaining item ahead, to count them or to show them as one list.</summary>
    public async ValueTask HoldAllAsync()
    {
        while (!_ended) await ReadAheadAsync();
    }

    private async ValueTask ReadAheadAsync()
    {
        if (await _source.MoveNextAsync()) _held.Enqueue(_source.Current);
        else _ended = true;
    }

    /// <summary>The next item, held ones first.</summary>
    public async ValueTask<(bool Found, JsonNode? Item)> NextAsync()
    {
        if (_held.Count > 0) return (true, _held.Dequeue());
        if (_ended) return (false, null);
        if (await _source.MoveNextAsync()) return (true, _source.Current);
        _ended = true;
        return (false, null);
    }

    /// <summary>The remaining items as one array (nodes that belong to a parent are copied).</summary>
    public async ValueTask<JsonArray> ToArrayAsync()
    {
        await HoldAllAsync();
        var array = new JsonArray();
        while (_held.Count > 0)
        {
            var item = _held.Dequeue();
            array.Add(item?.Parent is null ? item : item.DeepClone());
        }
        return array;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
