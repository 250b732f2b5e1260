using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Output.Fields;
using AsperaNative.Output.Formats;
using AsperaNative.Output.Secrets;
using AsperaNative.Output.Text;

namespace AsperaNative.Output;

/// <summary>
/// Lists that flow (<see cref="Result.Items"/>): written as their items arrive, with the same bytes as the
/// whole-list path. json, jsonpp, ruby, yaml, text and csv keep one item at a time; table keeps only the cell
/// texts (<see cref="CellStore"/>) until the column widths are known. What needs the whole list (nagios,
/// image, <c>--fields</c> that depend on every row for the structured formats, an item count the source cannot
/// tell) reads it whole and takes the whole-list path. The first item is read before anything is written.
/// </summary>
public sealed partial class ResultFormatter
{
    /// <summary>Shows a result; a list that flows is written as its items arrive.</summary>
    public async Task DisplayResultAsync(Result result, CancellationToken cancel = default)
    {
        if (result.Items is not { } stream)
        {
            DisplayResult(result);
            return;
        }
        await using var cursor = new ItemCursor(stream, cancel);
        await cursor.StartAsync();
        await DisplayItemCountAsync(result, cursor);
        bool hide = !_settings.ShowSecrets && _settings.Display != "data";
        switch (_settings.Format)
        {
            case "json" or "jsonpp" or "ruby" or "yaml" or "text":
                if (StructuredFilter(result.Kind) is { } filter)
                {
                    await WriteStructuredAsync(cursor, filter, hide);
                    return;
                }
                break;
            case "table" or "csv":
                await DisplayTabularAsync(result, cursor, hide);
                return;
        }
        DisplayResult(result with { Data = await cursor.ToArrayAsync(), Items = null, Total = null });
    }

    /// <summary>"Items: n/total" before the list, when asked and visible: the count is the source's, else the items are counted first.</summary>
    private async Task DisplayItemCountAsync(Result result, ItemCursor cursor)
    {
        if (result.TotalLine == TotalLine.Hidden || _settings.Display != "info" || cursor.Stream.Total is not { } total) return;
        long count;
        if (cursor.Stream.ExpectedCount is { } expected) count = expected;
        else
        {
            await cursor.HoldAllAsync();
            count = cursor.HeldCount;
        }
        if (result.TotalLine == TotalLine.WhenPartial && count >= total) return;
        DisplayItemCount(count, total);
    }

    /// <summary>An item as the structured formats show it, or Keep false when <c>--select</c> leaves it out.</summary>
    private delegate (bool Keep, JsonNode? Value) ItemFilter(JsonNode? item);

    /// <summary>
    /// <c>--fields</c> and <c>--select</c> applied item by item (see <see cref="FilterListOnFields"/>), or null when the
    /// field list depends on every row (then the whole list is read).
    /// </summary>
    private ItemFilter? StructuredFilter(ResultKind kind)
    {
        if (_settings.Format == "text" || FieldsSelectDefault) return static item => (true, item);
        if (kind != ResultKind.ObjectList) return null;
        List<string>? fields = null;
        var option = _settings.Fields;
        if (!FieldSelector.IsDefault(option))
        {
            fields = FieldsWithoutRows(option, option is JsonArray ? null : [RubyToS.Of(option)]);
            if (fields is null) return null;
        }
        var select = _settings.Select as JsonObject;
        return item =>
        {
            if (item is not JsonObject row) throw CliException.Assertion(FilterRequiresList);
            if (select is not null && !RowSelector.Matches(select, k => row.TryGetPropertyValue(k, out var v) ? v : null)) return (false, null);
            if (fields is null) return (true, row);
            if (fields.Count == 1) return (true, row.TryGetPropertyValue(fields[0], out var value) ? value : null);
            var slice = new JsonObject();
            foreach (var field in fields)
                if (!slice.ContainsKey(field) && row.TryGetPropertyValue(field, out var v)) slice[field] = v?.DeepClone();
            return (true, slice);
        };
    }

    /// <summary>The fields to show when they do not depend on the rows (no <c>ALL</c>, no regex, a known default), else null.</summary>
    private static List<string>? FieldsWithoutRows(JsonNode? option, IReadOnlyList<string>? defaults)
    {
        try
        {
            return FieldSelector.Compute(option, static () => throw new NeedsRowsException(), () => defaults ?? throw new NeedsRowsException());
        }
        catch (NeedsRowsException)
        {
            return null;
        }
    }

    private sealed class NeedsRowsException : Exception;

    private async Task WriteStructuredAsync(ItemCursor cursor, ItemFilter filter, bool hide)
    {
        string format = _settings.Format;
        // plain json redacts while writing; the others redact each item first (a copy only where a secret is)
        bool writerHides = hide && FieldsSelectDefault && format is "json" or "jsonpp";
        bool redact = hide && !writerHides;
        var json = format is "json" or "jsonpp" ? new RubyJsonWriter(_data, format == "jsonpp", writerHides) : null;
        var pp = format == "ruby" ? new RubyPpListWriter(_data) : null;
        var inspect = format == "text" ? new StringBuilder() : null;
        long written = 0;
        json?.BeginList();
        if (inspect is not null) _data.Write('[');
        while (await cursor.NextAsync() is (true, var item))
        {
            if (redact && item is JsonObject or JsonArray) item = SecretRedactor.Redact(item);
            var (keep, value) = filter(item);
            if (!keep) continue;
            switch (format)
            {
                case "json" or "jsonpp": json!.ListItem(value, written == 0); break;
                case "ruby": pp!.Add(value); break;
                case "yaml":
                    _data.Write(written == 0 ? "---\n" : "\n");
                    var single = new JsonArray(value?.Parent is null ? value : value.DeepClone());
                    string one = EmitYaml(single);
                    single.Clear();
                    // "---\n- …\n": the item's lines without the header and the last newline
                    _data.Write(one.AsSpan(4, one.Length - 5));
                    break;
                default:
                    if (written > 0) _data.Write(", ");
                    inspect!.Clear();
                    RubyInspect.Append(inspect, value);
                    _data.Write(inspect);
                    break;
            }
            written++;
        }
        switch (format)
        {
            case "json" or "jsonpp": json!.EndList(); _data.Write('\n'); break;
            case "ruby": pp!.End(); break;
            case "yaml": _data.Write(written == 0 ? "--- []\n" : "\n"); break;
            default: _data.Write("]\n"); break;
        }
    }
}
