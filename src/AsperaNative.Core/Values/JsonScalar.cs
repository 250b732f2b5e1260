using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.Core.Values;

/// <summary>
/// Strings, booleans and integers of the JSON tree made without System.Text.Json's converters.
/// <c>JsonValue.Create(string|bool|long)</c> builds a converter, and the first converter of a process wakes
/// the reflection metadata (its constructor asks <c>GetType().Assembly</c>): about 7% of the start-up of a
/// short command such as <c>-v</c> or <c>config echo</c>. A value over a one-token <see cref="JsonElement"/>
/// needs no converter and reads, compares and writes as the other kind does. Used on the start-up path
/// (option defaults, the command line, config.yaml); the rest of the code may keep <c>JsonValue.Create</c>.
/// </summary>
public static class JsonScalar
{
    // beyond this the one-time cost saved is small next to encoding the text twice
    private const int MaxEncodedLength = 4096;

    public static JsonValue Text(string value)
    {
        var chars = value.AsSpan();
        // lone surrogates would not survive UTF-8; long texts are not worth a second copy
        if (chars.Length > MaxEncodedLength || chars.ContainsAnyInRange('\uD800', '\uDFFF')) return JsonValue.Create(value);
        int escapes = 0;
        foreach (char c in chars) if (c < ' ' || c == '"' || c == '\\') escapes++;
        var utf8 = new byte[Encoding.UTF8.GetByteCount(chars) + 2 + 5 * escapes];
        int at = 0;
        utf8[at++] = (byte)'"';
        int start = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c >= ' ' && c != '"' && c != '\\') continue;
            at += Encoding.UTF8.GetBytes(chars[start..i], utf8.AsSpan(at));
            // \u00XX for every character JSON requires escaped: parsed back to the same character
            "\\u00"u8.CopyTo(utf8.AsSpan(at));
            utf8[at + 4] = (byte)"0123456789abcdef"[c >> 4];
            utf8[at + 5] = (byte)"0123456789abcdef"[c & 0xF];
            at += 6;
            start = i + 1;
        }
        at += Encoding.UTF8.GetBytes(chars[start..], utf8.AsSpan(at));
        utf8[at++] = (byte)'"';
        return FromJson(utf8.AsSpan(0, at));
    }

    public static JsonValue Bool(bool value) => FromJson(value ? "true"u8 : "false"u8);

    public static JsonValue Integer(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out int written);
        return FromJson(digits[..written]);
    }

    private static JsonValue FromJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        // ParseValue copies into a document of its own (no pooled buffers left behind)
        return JsonValue.Create(JsonElement.ParseValue(ref reader))!;
    }

    // the type of a value over an element (internal to System.Text.Json): made once from a scalar of ours
    private static readonly Type ElementValueType = Bool(true).GetType();

    /// <summary>
    /// The text of a string value. A typed read (<c>TryGetValue&lt;string&gt;</c>) is a generic virtual call whose first use
    /// wakes the type loader, a tenth of the start-up of a short command: the values of the start-up path (options, the
    /// command line, config.yaml) are ours, over an element, and are read without one. Regexes are not strings.
    /// </summary>
    public static bool TryGetText(JsonNode? node, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = null;
        if (node is not JsonValue value) return false;
        // the two kinds of string value (over an element, over a string) give their text by ToString, a plain virtual call
        var type = value.GetType();
        if (type != ElementValueType && type != StringValues.Type) return value.TryGetValue(out text);
        if (value.GetValueKind() != JsonValueKind.String) return false;
        text = value.ToString();
        return true;
    }

    /// <summary>The text of a string value, as <c>GetValue&lt;string&gt;()</c> gives it (and throws for another kind), without its generic virtual call.</summary>
    public static string GetText(JsonNode value) => TryGetText(value, out string? text) ? text : value.GetValue<string>();

    // apart, so that only a value of another type than ours makes the string converter (see the class comment)
    private static class StringValues
    {
        public static readonly Type Type = JsonValue.Create("").GetType();
    }

    /// <summary>The boolean of a value, null when it is not one (no typed read: see <see cref="TryGetText"/>).</summary>
    public static bool? AsBool(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    } : null;
}
