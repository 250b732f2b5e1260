using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AsperaNative.Core.Yaml;

/// <summary>
/// Reads YAML the way Ruby Psych loads it: YAML 1.1 plain scalars (<c>yes</c> is true, <c>010</c> is 8,
/// <c>1.5e3</c> a string, <c>~</c> nil), quoted scalars always strings, mapping order kept, anchors and
/// merge keys (<c>&lt;&lt;</c>) resolved. The block layout of config.yaml is read line by line (YamlReader.Block.cs),
/// the rest with YamlDotNet's event parser (no reflection).
/// </summary>
public static partial class YamlReader
{
    /// <summary>The value of the first document; null for nil or an empty document.</summary>
    /// <exception cref="CliException">Psych's <c>Psych::SyntaxError</c> for malformed text.</exception>
    public static JsonNode? Parse(string text) => TryParseBlock(text, out var document) ? document : ParseGeneral(text);

    /// <summary>Any YAML, through YamlDotNet's parser.</summary>
    internal static JsonNode? ParseGeneral(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            return ReadNode(parser, anchors);
        }
        catch (YamlException e)
        {
            throw CliException.Other("Psych::SyntaxError",
                $"(<unknown>): {e.Message.Split(": ", 2)[^1]} at line {e.Start.Line} column {e.Start.Column}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections (e.g. "a: {x" and more lines)
            throw CliException.Other("Psych::SyntaxError", "(<unknown>): did not find expected ',' or '}' while parsing a flow collection");
        }
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
                throw CliException.Other("Psych::AnchorNotDefined", $"An alias referenced an unknown anchor: {alias.Value.Value}");
            return target?.DeepClone();
        }
        if (parser.TryConsume<Scalar>(out var scalar))
            return Remember(anchors, scalar.Anchor, ResolveScalar(scalar));
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _)) array.Add(ReadNode(parser, anchors));
            return Remember(anchors, seqStart.Anchor, array);
        }
        var mapStart = parser.Consume<MappingStart>();
        var map = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            bool isMerge = parser.Accept<Scalar>(out var keyScalar) && keyScalar.Value == "<<" && keyScalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
            var key = ReadNode(parser, anchors);
            var value = ReadNode(parser, anchors);
            if (isMerge && Merge(map, value)) continue;
            map[KeyText(key)] = value;
        }
        return Remember(anchors, mapStart.Anchor, map);
    }

    /// <summary>Psych's merge key: the entries of a mapping, or of each mapping of a list, are merged in.</summary>
    private static bool Merge(JsonObject map, JsonNode? value)
    {
        var sources = value switch
        {
            JsonObject o => [o],
            JsonArray a when a.All(static x => x is JsonObject) => a.Cast<JsonObject>().ToList(),
            _ => null,
        };
        if (sources is null) return false;
        foreach (var source in sources)
            foreach (var (k, v) in source) map[k] = v?.DeepClone();
        return true;
    }

    /// <summary>Keys become strings as they do in JSON: scalars by their text, collections by their JSON.</summary>
    private static string KeyText(JsonNode? key) => key switch
    {
        null => "",
        JsonValue v when JsonScalar.TryGetText(v, out string? text) => text,
        JsonValue v when RubyRegex.TryGet(v, out var re) => re.ToString(),
        JsonValue v => v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? YamlEmitter.FormatNumber(v) : v.ToJsonString(),
        _ => key.ToJsonString(),
    };

    private static JsonNode? Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node?.DeepClone();
        return node;
    }

    private static JsonNode? ResolveScalar(Scalar scalar)
    {
        string tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        switch (tag)
        {
            case "tag:yaml.org,2002:str": return JsonScalar.Text(scalar.Value);
            case "tag:yaml.org,2002:binary" or "!binary":
                return JsonScalar.Text(Encoding.UTF8.GetString(Convert.FromBase64String(scalar.Value.Replace("\n", "").Replace(" ", ""))));
            case "!ruby/regexp": return ParseRegexLiteral(scalar.Value);
        }
        bool quoted = scalar.Style != YamlDotNet.Core.ScalarStyle.Plain;
        if (quoted && tag.Length == 0) return JsonScalar.Text(scalar.Value);
        PsychScalarScanner.Tokenize(scalar.Value, out var value);
        return value;
    }

    /// <summary>A <c>/pattern/flags</c> literal as Ruby writes a regexp.</summary>
    internal static JsonNode ParseRegexLiteral(string text)
    {
        int last = text.LastIndexOf('/');
        if (!text.StartsWith('/') || last <= 0) return new RubyRegex(text).ToNode();
        string flags = text[(last + 1)..];
        return new RubyRegex(text[1..last], flags.Contains('i'), flags.Contains('m'), flags.Contains('x')).ToNode();
    }
}
