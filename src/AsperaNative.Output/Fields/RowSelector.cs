using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Fields;

/// <summary>
/// Evaluates <c>--select</c>: a row is kept when, for every pair, its value is Ruby-<c>eql?</c> to the
/// wanted one (type-strict: <c>"1"</c> is not <c>1</c>, <c>1</c> is not <c>1.0</c>, a missing field is nil).
/// A regex value matches string values.
/// </summary>
internal static class RowSelector
{
    public static bool Matches(JsonObject select, Func<string, JsonNode?> get)
    {
        foreach (var (key, wanted) in select)
            if (!RubyEql(get(key), wanted)) return false;
        return true;
    }

    public static bool RubyEql(JsonNode? actual, JsonNode? wanted)
    {
        if (RubyRegex.TryGet(wanted, out var re))
            return actual is JsonValue v && JsonScalar.TryGetText(v, out string? s) && re.Regex.IsMatch(s);
        if (actual is null || wanted is null) return actual is null && wanted is null;
        if (actual is JsonValue a && wanted is JsonValue w)
        {
            var kind = a.GetValueKind();
            if (kind != w.GetValueKind()) return false;
            return kind switch
            {
                JsonValueKind.String => JsonScalar.GetText(a) == JsonScalar.GetText(w),
                JsonValueKind.Number => NumberEql(a, w),
                _ => true, // true/true, false/false
            };
        }
        if (actual.GetType() != wanted.GetType()) return false;
        return JsonNode.DeepEquals(actual, wanted);
    }

    /// <summary>Integers and floats are different Ruby classes and never <c>eql?</c>.</summary>
    private static bool NumberEql(JsonValue a, JsonValue b)
    {
        string ra = a.ToJsonString(), rb = b.ToJsonString();
        bool fa = IsFloat(ra), fb = IsFloat(rb);
        if (fa != fb) return false;
        if (fa) return a.GetValue<double>() == b.GetValue<double>();
        return System.Numerics.BigInteger.Parse(ra, System.Globalization.CultureInfo.InvariantCulture)
            == System.Numerics.BigInteger.Parse(rb, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsFloat(string raw) => raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0;
}
