using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.ExtendedValues;

/// <summary>
/// What flows between decoders: a value of the JSON tree, or raw bytes (<c>@base64:</c>, <c>@stdbin:</c>,
/// <c>@zlib:</c>), which Ruby keeps in a binary string and which become text only when a decoder or the
/// caller needs text.
/// </summary>
public readonly struct DecodedValue
{
    private readonly JsonNode? _node;
    private readonly byte[]? _bytes;

    private DecodedValue(JsonNode? node, byte[]? bytes) { _node = node; _bytes = bytes; }

    public static DecodedValue FromNode(JsonNode? node) => new(node, null);
    public static DecodedValue FromText(string? text) => new(text is null ? null : JsonScalar.Text(text), null);
    public static DecodedValue FromBytes(byte[] bytes) => new(null, bytes);

    /// <summary>The value as a node; bytes become a (UTF-8) string.</summary>
    public JsonNode? ToNode() => _bytes is not null ? JsonScalar.Text(Encoding.UTF8.GetString(_bytes)) : _node;

    /// <summary>The text a string decoder works on; anything but a String is Ruby's <c>TypeError</c>.</summary>
    public string AsText()
    {
        if (_bytes is not null) return Encoding.UTF8.GetString(_bytes);
        if (_node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return JsonScalar.GetText(v);
        throw CliException.Other("TypeError", $"no implicit conversion of {RubyClassName(_node)} into String");
    }

    /// <summary>The raw bytes, when the value is bytes (read from a file or standard input) and not yet text.</summary>
    public bool TryGetBytes([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = _bytes;
        return bytes is not null;
    }

    /// <summary>The bytes a binary decoder works on (text is taken as UTF-8).</summary>
    public byte[] AsBytes() => _bytes ?? Encoding.UTF8.GetBytes(AsText());

    /// <summary>The Ruby class name of a value, as Ruby's messages name it.</summary>
    public static string RubyClassName(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject => "Hash",
        JsonArray => "Array",
        // only a string can be a regex: other kinds need no typed read
        JsonValue v when v.GetValueKind() == JsonValueKind.String && RubyRegex.TryGet(v, out _) => "Regexp",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "String",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString().IndexOfAny(['.', 'e', 'E']) >= 0 ? "Float" : "Integer",
            _ => "Object",
        },
        _ => "Object",
    };
}
