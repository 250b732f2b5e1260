using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Yaml;

/// <summary>
/// The block layout that ascli (Psych) and our emitter write config.yaml in, read line by line: nested mappings,
/// sequences of scalars (indented or not), plain, single-quoted and simple double-quoted scalars, <c>{}</c> and
/// <c>[]</c>. Every command reads config.yaml, and the general parser costs a fifth of a short command's start-up
/// (its scanner, its parser and the regex its tag directives build on first use). Any other construct (flow
/// collections, anchors, tags, block scalars, escapes, comments after a value, multi-line scalars, odd
/// indentation or characters) is left to the general parser, which then gives the result or Psych's error:
/// scalars and keys are resolved by the same code either way, so both paths give the same document.
/// </summary>
public static partial class YamlReader
{
    /// <summary>The document, when the text is entirely in the block layout; false leaves it to the general parser.</summary>
    internal static bool TryParseBlock(string text, out JsonNode? document)
    {
        document = null;
        if (!OnlyPlainCharacters(text)) return false;
        var reader = new BlockLines(text);
        if (!reader.Load()) return false;
        if (reader.Count == 0 || reader.Indent(0) != 0) return false;
        int at = 0;
        if (!reader.TryBlock(ref at, 0, out document)) return false;
        return at == reader.Count;
    }

    // line breaks other than \n, control and non-printable characters, a byte order mark: the general parser decides
    private static bool OnlyPlainCharacters(string text)
    {
        foreach (char c in text)
        {
            if (c < ' ' ? c != '\n' : c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
                                  || char.IsSurrogate(c))
                return false;
        }
        return true;
    }

    /// <summary>The significant lines of the text (no blank or comment lines), each as its indentation and content.</summary>
    private sealed class BlockLines(string text)
    {
        private readonly List<(int Indent, int Start, int End)> _lines = [];

        public int Count => _lines.Count;
        public int Indent(int line) => _lines[line].Indent;
        private ReadOnlySpan<char> Content(int line) => text.AsSpan(_lines[line].Start, _lines[line].End - _lines[line].Start);

        /// <summary>Splits the lines; false for document markers and directives other than a first <c>---</c> line.</summary>
        public bool Load()
        {
            int start = 0;
            bool first = true;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                var line = text.AsSpan(start, end - start);
                bool marker = line.StartsWith("---") || line.StartsWith("...") || line.StartsWith("%");
                if (marker && !(first && line.SequenceEqual("---"))) return false;
                first = false;
                int indent = 0;
                while (indent < line.Length && line[indent] == ' ') indent++;
                if (!marker && indent < line.Length && line[indent] != '#') _lines.Add((indent, start + indent, end));
                start = end + 1;
            }
            return true;
        }

        /// <summary>The mapping or sequence whose first line is <paramref name="at"/>, at that line's indentation.</summary>
        public bool TryBlock(ref int at, int indent, out JsonNode? node)
            => IsSequenceItem(at) ? TrySequence(ref at, indent, out node) : TryMapping(ref at, indent, out node);

        private bool IsSequenceItem(int line)
        {
            var content = Content(line);
            return content.SequenceEqual("-") || content.StartsWith("- ");
        }

        private bool TryMapping(ref int at, int indent, out JsonNode? node)
        {
            node = null;
            var map = new JsonObject();
            while (at < Count && Indent(at) == indent && !IsSequenceItem(at))
            {
                var content = Content(at);
                int colon = content.IndexOf(": ");
                ReadOnlySpan<char> key, rest;
                if (colon >= 0) { key = content[..colon]; rest = content[(colon + 2)..].TrimStart(' '); }
                else if (content.EndsWith(":")) { key = content[..^1]; rest = []; }
                else return false;
                if (!TryKey(key, out string? name)) return false;
                at++;
                JsonNode? value;
                if (!rest.IsEmpty)
                {
                    if (!TryScalar(rest, out value)) return false;
                }
                else if (at < Count && Indent(at) > indent)
                {
                    if (!TryBlock(ref at, Indent(at), out value)) return false;
                }
                else if (at < Count && Indent(at) == indent && IsSequenceItem(at))
                {
                    // Psych writes the items of a list at the indentation of its key
                    if (!TrySequence(ref at, indent, out value)) return false;
                }
                else
                {
                    value = null;                                  // "key:" alone: an empty plain scalar, nil
                }
                // a deeper line after a scalar continues it (a multi-line scalar) or is an error: not this layout
                if (at < Count && Indent(at) > indent) return false;
                map[name] = value;
            }
            node = map;
            return true;
        }

        private bool TrySequence(ref int at, int indent, out JsonNode? node)
        {
            node = null;
            var list = new JsonArray();
            while (at < Count && Indent(at) == indent && IsSequenceItem(at))
            {
                var content = Content(at);
                if (content.Length < 2) return false;              // "-" alone: a nested block
                var rest = content[2..].TrimStart(' ');
                // "- k: v" is a mapping in the list, "- - x" a nested list
                if (rest.IsEmpty || rest.StartsWith("- ") || rest.SequenceEqual("-") || rest.IndexOf(": ") >= 0 || rest.EndsWith(":")) return false;
                if (!TryScalar(rest, out var value)) return false;
                at++;
                if (at < Count && Indent(at) > indent) return false;
                list.Add(value);
            }
            node = list;
            return true;
        }

        // a plain key, resolved as the general parser resolves it (keys are scalars: "1" is the integer 1, named "1")
        private static bool TryKey(ReadOnlySpan<char> key, out string name)
        {
            name = "";
            if (key.IsEmpty || key.Length > 1024 || !IsPlain(key) || key.SequenceEqual("<<")) return false;
            PsychScalarScanner.Tokenize(key.ToString(), out var value);
            name = KeyText(value);
            return true;
        }

        private static bool TryScalar(ReadOnlySpan<char> text, out JsonNode? value)
        {
            value = null;
            switch (text[0])
            {
                case '\'':
                    return TrySingleQuoted(text, out value);
                case '"':
                    // without escapes, the text between the quotes is the value
                    if (text.Length < 2 || text[^1] != '"' || text[1..^1].IndexOfAny('"', '\\') >= 0) return false;
                    value = JsonScalar.Text(text[1..^1].ToString());
                    return true;
            }
            if (text.SequenceEqual("{}")) { value = new JsonObject(); return true; }
            if (text.SequenceEqual("[]")) { value = new JsonArray(); return true; }
            if (!IsPlain(text) || text.IndexOf(": ") >= 0 || text.EndsWith(":")) return false;
            PsychScalarScanner.Tokenize(text.ToString(), out value);
            return true;
        }

        private static bool TrySingleQuoted(ReadOnlySpan<char> text, out JsonNode? value)
        {
            value = null;
            var result = new StringBuilder(text.Length);
            for (int i = 1; i < text.Length; i++)
            {
                if (text[i] != '\'') { result.Append(text[i]); continue; }
                if (i + 1 < text.Length && text[i + 1] == '\'') { result.Append('\''); i++; continue; }
                // the closing quote ends the line
                if (i != text.Length - 1) return false;
                value = JsonScalar.Text(result.ToString());
                return true;
            }
            return false;                                          // not closed on this line
        }

        // a plain scalar of one line: no indicator first, no comment, no trailing space
        private static bool IsPlain(ReadOnlySpan<char> text)
            => text[0] is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ')
               && text[^1] != ' ' && text.IndexOf(" #") < 0;
    }
}
