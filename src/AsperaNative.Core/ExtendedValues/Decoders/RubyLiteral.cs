using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>
/// <c>@ruby:</c> without a Ruby interpreter: the literal subset people write — hashes (<c>"k"=&gt;v</c>, <c>k: v</c>),
/// arrays, single/double quoted strings, symbols, numbers, <c>true</c>/<c>false</c>/<c>nil</c>, <c>/regex/flags</c>.
/// Anything else is refused with a message naming that subset.
/// </summary>
internal sealed class RubyLiteral
{
    internal const string Supported =
        "@ruby: only accepts Ruby literals: hashes ({\"k\"=>v} or {k: v}), arrays, 'single' or \"double\" quoted strings, :symbols, numbers, true, false, nil and /regex/flags";

    private readonly string _text;
    private int _pos;

    private RubyLiteral(string text) => _text = text;

    public static JsonNode? Parse(string text)
    {
        var parser = new RubyLiteral(text);
        var value = parser.ParseValue();
        parser.SkipSpace();
        if (parser._pos != text.Length) throw parser.Unsupported();
        return value;
    }

    private CliException Unsupported()
        => CliException.BadArgument($"{Supported}; cannot evaluate: {_text}");

    private char Peek => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private JsonNode? ParseValue()
    {
        SkipSpace();
        char c = Peek;
        switch (c)
        {
            case '{': return ParseHash();
            case '[': return ParseArray();
            case '\'': return JsonValue.Create(ParseSingleQuoted());
            case '"': return JsonValue.Create(ParseDoubleQuoted());
            case '/': return ParseRegex();
            case ':' when _pos + 1 < _text.Length && _text[_pos + 1] is '"' or '\'':
                _pos++;
                return ParseValue();
            case ':': _pos++; return JsonValue.Create(ParseWord());
        }
        if (char.IsAsciiDigit(c) || ((c == '-' || c == '+') && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
            return ParseNumber();
        string word = ParseWord();
        return word switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "nil" => null,
            _ => throw Unsupported(),
        };
    }

    private JsonObject ParseHash()
    {
        _pos++;
        var hash = new JsonObject();
        while (true)
        {
            SkipSpace();
            if (Peek == '}') { _pos++; return hash; }
            string key;
            if (char.IsAsciiLetter(Peek) || Peek == '_')
            {
                key = ParseWord();                            // key: value
                if (Peek != ':') throw Unsupported();
                _pos++;
            }
            else
            {
                var keyNode = ParseValue();
                SkipSpace();
                if (Peek == ':' && keyNode is JsonValue) _pos++;  // "key": value
                else Expect("=>");
                key = keyNode is JsonValue kv && kv.GetValueKind() == System.Text.Json.JsonValueKind.String
                    ? JsonScalar.GetText(kv)
                    : keyNode is JsonValue nv ? YamlEmitter.FormatNumber(nv) : keyNode?.ToJsonString() ?? "";
            }
            hash[key] = ParseValue();
            if (!ListSeparator('}')) return hash;
        }
    }

    private JsonArray ParseArray()
    {
        _pos++;
        var array = new JsonArray();
        while (true)
        {
            SkipSpace();
            if (Peek == ']') { _pos++; return array; }
            array.Add(ParseValue());
            if (!ListSeparator(']')) return array;
        }
    }

    /// <summary>After an item: a comma (continue) or the closing bracket (done).</summary>
    private bool ListSeparator(char close)
    {
        SkipSpace();
        if (Peek == ',') { _pos++; return true; }
        if (Peek == close) { _pos++; return false; }
        throw Unsupported();
    }

    private void Expect(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0) throw Unsupported();
        _pos += token.Length;
    }

    private string ParseWord()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '?' or '!')) _pos++;
        if (_pos == start) throw Unsupported();
        return _text[start.._pos];
    }

    private string ParseSingleQuoted()
    {
        var sb = new StringBuilder();
        for (_pos++; _pos < _text.Length; _pos++)
        {
            char c = _text[_pos];
            if (c == '\'') { _pos++; return sb.ToString(); }
            if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] is '\\' or '\'') c = _text[++_pos];
            sb.Append(c);
        }
        throw Unsupported();
    }

    private string ParseDoubleQuoted()
    {
        var sb = new StringBuilder();
        for (_pos++; _pos < _text.Length; _pos++)
        {
            char c = _text[_pos];
            if (c == '"') { _pos++; return sb.ToString(); }
            if (c == '#' && _pos + 1 < _text.Length && _text[_pos + 1] == '{') throw Unsupported();   // interpolation is code
            if (c != '\\') { sb.Append(c); continue; }
            if (++_pos >= _text.Length) break;
            char e = _text[_pos];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'e': sb.Append('\u001b'); break;
                case 's': sb.Append(' '); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'u' when _pos + 4 < _text.Length:
                    sb.Append((char)int.Parse(_text.AsSpan(_pos + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
        throw Unsupported();
    }

    private JsonNode ParseRegex()
    {
        var sb = new StringBuilder();
        for (_pos++; _pos < _text.Length; _pos++)
        {
            char c = _text[_pos];
            if (c == '/')
            {
                _pos++;
                int flagsStart = _pos;
                while (_pos < _text.Length && _text[_pos] is 'i' or 'm' or 'x') _pos++;
                string flags = _text[flagsStart.._pos];
                return new RubyRegex(sb.ToString(), flags.Contains('i'), flags.Contains('m'), flags.Contains('x')).ToNode();
            }
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                if (_text[_pos + 1] != '/') sb.Append(c);
                c = _text[++_pos];
            }
            sb.Append(c);
        }
        throw Unsupported();
    }

    private JsonNode ParseNumber()
    {
        int start = _pos;
        if (Peek is '-' or '+') _pos++;
        bool isFloat = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (char.IsAsciiDigit(c) || c == '_') _pos++;
            else if (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]) && !isFloat) { isFloat = true; _pos++; }
            else if (c is 'e' or 'E') { isFloat = true; _pos++; if (Peek is '-' or '+') _pos++; }
            else break;
        }
        string number = _text[start.._pos].Replace("_", "");
        if (isFloat) return JsonValue.Create(double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture));
        var value = BigInteger.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return value >= long.MinValue && value <= long.MaxValue ? JsonValue.Create((long)value) : JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;
    }
}
