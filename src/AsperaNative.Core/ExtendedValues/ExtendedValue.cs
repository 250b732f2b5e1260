using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.ExtendedValues;

/// <summary>
/// The manual's "Extended Value Syntax": <c>&lt;0 or more decoders&gt;&lt;text&gt;</c>, decoders
/// being <c>@name:</c> prefixes applied right to left. <c>@val:</c> and <c>@extend:</c> end the prefix list;
/// an unknown <c>@word:</c> is plain text. The decoders are those of <see cref="DecoderRegistry"/>.
/// </summary>
public static class ExtendedValue
{
    /// <summary>Evaluates a raw string from the command line, an environment variable or a preset.</summary>
    public static JsonNode? Evaluate(string raw, ExtendedValueContext context)
    {
        var decoders = ParseDecoders(raw, context, out string text);
        var value = DecodedValue.FromText(text);
        for (int i = decoders.Count - 1; i >= 0; i--) value = decoders[i].Decode(value, context);
        return value.ToNode();
    }

    /// <summary>Evaluates a value read from a file or a preset: strings are decoded, other values kept.</summary>
    public static JsonNode? Evaluate(JsonNode? value, ExtendedValueContext context)
        => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Evaluate(JsonScalar.GetText(v), context) : value;

    /// <summary>Whether the text starts with a known decoder (<c>@json:</c>…).</summary>
    public static bool HasDecoder(string raw) => TryParsePrefix(raw, null, out _, out _);

    /// <summary>Splits the leading <c>@name:</c> prefixes off, left to right.</summary>
    private static List<Decoder> ParseDecoders(string raw, ExtendedValueContext context, out string text)
    {
        var decoders = new List<Decoder>();
        text = raw;
        while (TryParsePrefix(text, context, out var decoder, out var rest))
        {
            decoders.Add(decoder);
            text = rest;
            if (decoder.StopsParsing) break;
        }
        return decoders;
    }

    private static bool TryParsePrefix(string text, ExtendedValueContext? context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Decoder? decoder, out string rest)
    {
        decoder = null;
        rest = text;
        if (text.Length < 3 || text[0] != '@') return false;
        int colon = text.IndexOf(':', 1);
        if (colon < 0 || !DecoderRegistry.TryGet(text[1..colon], out decoder)) return false;
        if (context is not null && decoder.IsKnown is { } isKnown && !isKnown(context)) return false;
        rest = text[(colon + 1)..];
        return true;
    }
}
