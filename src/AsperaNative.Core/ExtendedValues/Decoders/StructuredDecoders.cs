using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Decoders building structured values from text: <c>@json: @yaml: @csvt: @re: @ruby:</c>.</summary>
internal static class StructuredDecoders
{
    public static IEnumerable<Decoder> All =>
    [
        // a file's bytes are parsed as they are: no text copy of a large file (config echo @json:@file:big.json)
        new("json", static (v, _) => DecodedValue.FromNode(v.TryGetBytes(out var bytes) ? ParseJson(bytes) : ParseJson(v.AsText()))),
        new("yaml", static (v, _) => DecodedValue.FromNode(YamlReader.Parse(v.AsText()))),
        new("csvt", static (v, _) => DecodedValue.FromNode(TitledCsv(v.AsText()))),
        new("re", static (v, _) => DecodedValue.FromNode(new RubyRegex(v.AsText(), Multiline: true).ToNode())),
        new("ruby", static (v, _) => DecodedValue.FromNode(RubyLiteral.Parse(v.AsText()))),
    ];

    /// <summary>Ruby's <c>JSON.parse</c>, with its <c>JSON::ParserError</c> message quoting the text from where parsing failed.</summary>
    internal static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 100 });
        }
        catch (JsonException e)
        {
            if (text.Trim().Length == 0) throw CliException.Other("JSON::ParserError", "unexpected end of input");
            int index = CharIndex(text, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            throw CliException.Other("JSON::ParserError", $"859: unexpected token at '{text[FailureStart(text, index)..]}'");
        }
    }

    /// <summary>
    /// <c>JSON.parse</c> of UTF-8 bytes, straight from them; text with a byte order mark, invalid UTF-8 or a syntax
    /// error takes the text path, for the same value or message as text.
    /// </summary>
    internal static JsonNode? ParseJson(byte[] utf8)
    {
        if (utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return ParseJson(Encoding.UTF8.GetString(utf8));
        try
        {
            return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 100 });
        }
        catch (JsonException)
        {
            return ParseJson(Encoding.UTF8.GetString(utf8));
        }
    }

    /// <summary>Ruby reports a failed object from its opening brace, anything else from the failing token.</summary>
    private static int FailureStart(string text, int index)
    {
        var starts = new Stack<int>();
        bool inString = false;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            char c = text[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': starts.Push(i); break;
                case '}' or ']': if (starts.Count > 0) starts.Pop(); break;
            }
        }
        if (starts.Count > 0 && text[starts.Peek()] == '{') return starts.Peek();
        return Math.Min(index, text.Length);
    }

    private static int CharIndex(string text, int line, int bytePosition)
    {
        int i = 0;
        for (int l = 0; l < line && i < text.Length; i++) if (text[i] == '\n') l++;
        int lineStart = i;
        int bytes = 0;
        while (i < text.Length && bytes < bytePosition) bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i++, 1));
        return Math.Max(lineStart, i);
    }

    /// <summary><c>@csvt:</c> the first non-empty row holds the titles; each next row becomes a hash (missing cells nil).</summary>
    internal static JsonArray TitledCsv(string text)
    {
        List<string?>? titles = null;
        var result = new JsonArray();
        foreach (var row in RubyCsv.Parse(text))
        {
            if (row.Count == 0) continue;
            if (titles is null) { titles = row; continue; }
            var item = new JsonObject();
            for (int i = 0; i < titles.Count; i++)
                item[titles[i] ?? ""] = i < row.Count && row[i] is { } cell ? JsonValue.Create(cell) : null;
            result.Add((JsonNode)item);
        }
        return result;
    }
}
