using System.Text.Json.Nodes;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Ruby's <c>String#split</c> with a string separator: trailing empty items are dropped, <c>" "</c> splits on whitespace runs.</summary>
internal static class RubySplit
{
    public static List<string> Split(string text, string separator)
    {
        List<string> items = separator == " "
            ? [.. text.Split([' ', '\t', '\n', '\v', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries)]
            : [.. text.Split(separator)];
        while (items.Count > 0 && items[^1].Length == 0) items.RemoveAt(items.Count - 1);
        return items;
    }

    public static JsonArray ToArray(IEnumerable<string> items) => new([.. items.Select(static s => (JsonNode?)JsonValue.Create(s))]);
}
