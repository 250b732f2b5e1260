using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Rest.Paging;

/// <summary>
/// A REST listing read page by page while the formatter enumerates it: one page in memory at a time,
/// items handed on detached from their page. Each enumeration reads the listing again from its first page,
/// except for a listing whose first page was read ahead, which is read once.
/// </summary>
public sealed class PagedItems : ItemStream
{
    private readonly PageLimits _limits;
    private readonly Func<PageState, CancellationToken, IAsyncEnumerable<JsonNode?>> _read;
    private readonly bool _readAhead;
    private PageState _state;
    private bool _enumerated;

    /// <summary>A listing read from its start at each enumeration.</summary>
    public PagedItems(PageLimits limits, Func<PageState, CancellationToken, IAsyncEnumerable<JsonNode?>> read)
    {
        _limits = limits;
        _read = read;
        _state = new PageState(limits);
    }

    /// <summary>A listing whose first page was already read into <paramref name="state"/>: it can be enumerated once.</summary>
    public PagedItems(PageState state, Func<PageState, CancellationToken, IAsyncEnumerable<JsonNode?>> read)
    {
        _limits = state.Limits;
        _read = read;
        _state = state;
        _readAhead = true;
    }

    public override long? Total => _state.Total;
    public override long? ExpectedCount => _state.ExpectedCount;

    public override IAsyncEnumerator<JsonNode?> GetAsyncEnumerator(CancellationToken cancel = default)
    {
        if (_readAhead && _enumerated) throw new InvalidOperationException("a listing read ahead is enumerated once");
        if (!_readAhead && _enumerated) _state = new PageState(_limits);
        _enumerated = true;
        return _read(_state, cancel).GetAsyncEnumerator(cancel);
    }

    /// <summary>The items of a page body (or of one of its fields), detached from the page so that they can be moved or kept alone.</summary>
    public static JsonNode?[] ItemsOf(JsonNode? data, string? field)
    {
        switch (field is null ? data : (data as JsonObject)?[field])
        {
            case JsonArray array:
                var items = new JsonNode?[array.Count];
                ((ICollection<JsonNode?>)array).CopyTo(items, 0);
                array.Clear();
                return items;
            case null: return [];
            default: throw CliException.Runtime($"expecting a list of items{(field is null ? "" : " in " + field)}");
        }
    }

    /// <summary>
    /// The item at <paramref name="index"/>, its slot emptied: once written, an item is garbage at once instead of
    /// living (with what the formatter built from it) until the page ends, so collections find little to keep.
    /// </summary>
    public static JsonNode? Release(JsonNode?[] items, int index)
    {
        var item = items[index];
        items[index] = null;
        return item;
    }
}
