using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Fields;

/// <summary>
/// Evaluates <c>--fields</c>: the list starts empty and items apply in order; <c>-x</c> removes what was
/// added so far, <c>DEF</c> and <c>ALL</c> expand where they appear, duplicates stay. A regex keeps the
/// fields whose name matches it.
/// </summary>
internal static class FieldSelector
{
    public const string All = "ALL";
    public const string Def = "DEF";

    /// <summary>True when the option is the default (<c>DEF</c>, not set).</summary>
    public static bool IsDefault(JsonNode? option)
        => option is null || (option is JsonValue v && JsonScalar.TryGetText(v, out string? s) && s == Def);

    /// <summary>The union of keys over all rows, first seen first: rows may differ in fields.</summary>
    public static List<string> AllFields<TRow>(IEnumerable<TRow> rows) where TRow : IEnumerable<KeyValuePair<string, JsonNode?>>
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var row in rows)
            foreach (var (key, _) in row)
                if (seen.Add(key)) result.Add(key);
        return result;
    }

    /// <summary>
    /// The fields to show. <paramref name="expandDefault"/> gives what <c>DEF</c> stands for;
    /// <paramref name="allFields"/> is only called when needed (it scans every row).
    /// </summary>
    public static List<string> Compute(JsonNode? option, Func<List<string>> allFields, Func<IEnumerable<string>> expandDefault)
    {
        if (RubyRegex.TryGet(option, out var re))
            return allFields().Where(f => re.Regex.IsMatch(f)).ToList();
        var request = new LinkedList<string>(Request(option));
        var result = new List<string>();
        while (request.First is { } first)
        {
            request.RemoveFirst();
            string item = first.Value;
            bool removal = item.StartsWith('-');
            if (removal) item = item[1..];
            switch (item)
            {
                case All: PushFront(request, allFields()); break;
                // a default list naming DEF itself would expand forever
                case Def: PushFront(request, expandDefault().Where(static f => f != Def)); break;
                default:
                    if (removal) result.RemoveAll(f => f == item);
                    else result.Add(item);
                    break;
            }
        }
        return result;
    }

    /// <summary>The option as a list of items: a string is split on commas, as Ruby's <c>split</c> (trailing empties dropped).</summary>
    public static List<string> Request(JsonNode? option)
    {
        switch (option)
        {
            case null: return [Def];
            case JsonArray a: return a.Select(RubyToS.Of).ToList();
            default:
                var items = RubyToS.Of(option).Split(',').ToList();
                while (items.Count > 0 && items[^1].Length == 0) items.RemoveAt(items.Count - 1);
                return items;
        }
    }

    private static void PushFront(LinkedList<string> request, IEnumerable<string> items)
    {
        LinkedListNode<string>? after = null;
        foreach (var item in items)
            after = after is null ? request.AddFirst(item) : request.AddAfter(after, item);
    }
}
