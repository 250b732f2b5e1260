using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Decoders reading other layers or other values: <c>@preset: @vault: @extend:</c>.</summary>
internal static class LookupDecoders
{
    public static IEnumerable<Decoder> All =>
    [
        new("preset", static (v, c) => DecodedValue.FromNode(c.PresetLookup!(v.AsText())), IsKnown: static c => c.PresetLookup is not null),
        new("vault", static (v, c) => DecodedValue.FromNode(c.VaultLookup!(v.AsText())), IsKnown: static c => c.VaultLookup is not null),
        new("extend", static (v, c) => DecodedValue.FromText(Extend(v.AsText(), c)), StopsParsing: true),
    ];

    /// <summary>
    /// Replaces embedded <c>@decoder:text@</c> by their string values, the last one first, until none is left
    /// (text can't contain <c>@</c>; the closing <c>@</c> is required).
    /// </summary>
    internal static string Extend(string value, ExtendedValueContext context)
    {
        while (FindLastEmbedded(value, out int start, out int textStart, out int close))
        {
            string sub = value[start..textStart] + value[textStart..close];
            var result = ExtendedValue.Evaluate(sub, context);
            string replacement = result is JsonValue s && s.GetValueKind() == JsonValueKind.String
                ? JsonScalar.GetText(s)
                : throw CliException.Other("TypeError", $"no implicit conversion of {DecodedValue.RubyClassName(result)} into String");
            value = new StringBuilder(value.Length).Append(value, 0, start).Append(replacement).Append(value, close + 1, value.Length - close - 1).ToString();
        }
        return value;
    }

    /// <summary>The last <c>@name:</c> (a known decoder) followed by text without <c>@</c> and a closing <c>@</c>.</summary>
    private static bool FindLastEmbedded(string value, out int start, out int textStart, out int close)
    {
        for (start = value.LastIndexOf('@'); start >= 0; start = start == 0 ? -1 : value.LastIndexOf('@', start - 1))
        {
            int colon = value.IndexOf(':', start + 1);
            if (colon < 0 || !DecoderRegistry.TryGet(value[(start + 1)..colon], out _)) continue;
            textStart = colon + 1;
            close = value.IndexOf('@', textStart);
            if (close >= 0) return true;
        }
        start = textStart = close = -1;
        return false;
    }
}
