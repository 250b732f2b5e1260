using System.Globalization;
using System.Text;

namespace AsperaNative.Pac.Js;

/// <summary>
/// Splits source text into tokens on demand. Whether <c>/</c> starts a regex literal depends on
/// the grammar, so the parser asks for <see cref="RescanRegex"/> where an expression may begin.
/// </summary>
internal sealed class Lexer(string source)
{
    private static readonly HashSet<string> Keywords =
    [
        "var", "let", "const", "function", "return", "if", "else", "for", "while", "do", "break", "continue",
        "switch", "case", "default", "new", "typeof", "instanceof", "in", "delete", "void", "this",
        "null", "true", "false", "throw", "try", "catch", "finally",
    ];

    // longest first, so that ">>>=" wins over ">>" and ">"
    private static readonly string[] Punctuators =
    [
        ">>>=", "===", "!==", ">>>", "<<=", ">>=", "**=",
        "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**", "=>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".",
    ];

    private int _pos;
    private int _line = 1;
    private int _lineStart;

    /// <summary>The next token (<c>of</c> is an identifier: it is a keyword only inside <c>for (… of …)</c>).</summary>
    public Token Next()
    {
        bool newLine = SkipTrivia();
        int start = _pos;
        int column = start - _lineStart + 1;
        if (_pos >= source.Length) return new Token(TokenKind.Eof, "", start, _line, column, newLine);
        char c = source[_pos];
        if (IsIdentifierStart(c))
        {
            while (_pos < source.Length && IsIdentifierPart(source[_pos])) _pos++;
            string word = source[start.._pos];
            return new Token(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier, word, start, _line, column, newLine);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < source.Length && char.IsAsciiDigit(source[_pos + 1])))
            return new Token(TokenKind.Number, "", start, _line, column, newLine, ReadNumber());
        if (c is '"' or '\'') return new Token(TokenKind.String, ReadString(c), start, _line, column, newLine);
        foreach (var p in Punctuators)
        {
            if (string.CompareOrdinal(source, _pos, p, 0, p.Length) != 0) continue;
            _pos += p.Length;
            return new Token(TokenKind.Punctuator, p, start, _line, column, newLine);
        }
        throw Error($"Unexpected character '{c}'", start);
    }

    /// <summary>Reads a regex literal starting at the <c>/</c> or <c>/=</c> token <paramref name="slash"/>.</summary>
    public Token RescanRegex(Token slash)
    {
        _pos = slash.Start + 1;
        var body = new StringBuilder();
        bool inClass = false;
        while (true)
        {
            if (_pos >= source.Length || source[_pos] is '\n' or '\r') throw Error("Unterminated regular expression", slash.Start);
            char c = source[_pos++];
            if (c == '\\')
            {
                if (_pos >= source.Length) throw Error("Unterminated regular expression", slash.Start);
                body.Append(c).Append(source[_pos++]);
                continue;
            }
            if (c == '/' && !inClass) break;
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            body.Append(c);
        }
        int flagsStart = _pos;
        while (_pos < source.Length && IsIdentifierPart(source[_pos])) _pos++;
        return slash with { Kind = TokenKind.Regex, Text = body.ToString(), Flags = source[flagsStart.._pos] };
    }

    public JsSyntaxException Error(string description, int position)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < position && i < source.Length; i++)
            if (source[i] == '\n') { line++; lineStart = i + 1; }
        return new JsSyntaxException(description, line, position - lineStart + 1);
    }

    /// <summary>Skips blanks and comments; true when a line ended on the way (for ASI).</summary>
    private bool SkipTrivia()
    {
        bool newLine = false;
        while (_pos < source.Length)
        {
            char c = source[_pos];
            if (c == '\r' && Peek(1) == '\n') _pos++; // CRLF: the \n counts the line
            else if (c is '\n' or '\r' or '\u2028' or '\u2029') { newLine = true; _pos++; _line++; _lineStart = _pos; }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF') _pos++;
            else if (c == '/' && Peek(1) == '/') { while (_pos < source.Length && source[_pos] is not ('\n' or '\r')) _pos++; }
            else if (c == '/' && Peek(1) == '*')
            {
                int end = source.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0) throw Error("Unterminated comment", _pos);
                for (int i = _pos; i < end; i++)
                    if (source[i] == '\n') { newLine = true; _line++; _lineStart = i + 1; }
                _pos = end + 2;
            }
            else break;
        }
        return newLine;
    }

    private char Peek(int offset) => _pos + offset < source.Length ? source[_pos + offset] : '\0';

    private double ReadNumber()
    {
        int start = _pos;
        if (source[_pos] == '0' && Peek(1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = char.ToLowerInvariant(Peek(1)) switch { 'x' => 16, 'o' => 8, _ => 2 };
            _pos += 2;
            double value = 0;
            int digits = 0;
            for (; _pos < source.Length && DigitValue(source[_pos]) is var d && d < radix; _pos++, digits++) value = value * radix + d;
            if (digits == 0) throw Error("Invalid number", start);
            return CheckEnd(value, start);
        }
        while (_pos < source.Length && char.IsAsciiDigit(source[_pos])) _pos++;
        if (Peek(0) == '.') { _pos++; while (_pos < source.Length && char.IsAsciiDigit(source[_pos])) _pos++; }
        if (Peek(0) is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos])) _pos++;
        }
        return CheckEnd(double.Parse(source.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture), start);
    }

    private double CheckEnd(double value, int start)
        => _pos < source.Length && IsIdentifierPart(source[_pos]) ? throw Error("Invalid or unexpected token", start) : value;

    internal static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 99,
    };

    private string ReadString(char quote)
    {
        int start = _pos++;
        var text = new StringBuilder();
        while (true)
        {
            if (_pos >= source.Length || source[_pos] == '\n') throw Error("Unterminated string", start);
            char c = source[_pos++];
            if (c == quote) return text.ToString();
            if (c != '\\') { text.Append(c); continue; }
            if (_pos >= source.Length) throw Error("Unterminated string", start);
            char e = source[_pos++];
            switch (e)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'v': text.Append('\v'); break;
                case '0' when !char.IsAsciiDigit(Peek(0)): text.Append('\0'); break;
                case 'x': text.Append((char)ReadHex(2, start)); break;
                case 'u' when Peek(0) == '{':
                    int close = source.IndexOf('}', _pos);
                    if (close < 0 || !int.TryParse(source.AsSpan(_pos + 1, close - _pos - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int cp) || cp > 0x10FFFF)
                        throw Error("Invalid Unicode escape sequence", start);
                    text.Append(char.ConvertFromUtf32(cp));
                    _pos = close + 1;
                    break;
                case 'u': text.Append((char)ReadHex(4, start)); break;
                case '\r': if (Peek(0) == '\n') _pos++; break; // line continuation
                case '\n': _line++; _lineStart = _pos; break;
                default: text.Append(e); break;
            }
        }
    }

    private int ReadHex(int count, int start)
    {
        if (_pos + count > source.Length || !int.TryParse(source.AsSpan(_pos, count), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value))
            throw Error("Invalid hexadecimal escape sequence", start);
        _pos += count;
        return value;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '$' or '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '$' or '_';
}
