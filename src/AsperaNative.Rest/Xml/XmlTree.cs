// The XML reader of the few small XML answers ascli reads: Faspex 4 (ATOM feeds, package entries, XRDS under
// /aspera/faspex), Orchestrator (/aspera/orchestrator/api/*?format=xml) and IBM COS (the bucket's ?faspConnectionInfo).
// Why our own: the framework's reader (System.Private.Xml with System.Private.Xml.Linq) links ~0.6 MB into the
// Native AOT executable, whose budget is 20 MB (issue #19), to read a few documents of a few KB; and no small
// AOT-clean XML package is served (the XML entries of /work/.library/env/packages/nuget.tsv are System.Xml.*
// facades of that same framework code, AngleSharp.Xml, or spreadsheet and configuration libraries).
// What it reads: strict XML 1.0 with namespaces as prefixes — declaration, comments, processing instructions,
// DOCTYPE skipped whole (no DTD processing, no external or declared entities), elements and attributes,
// character data, CDATA, the five predefined entities and character references. Anything not well-formed
// is REXML::ParseException, the error ascli's XML parser raises.
using System.Text;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest.Xml;

/// <summary>A node of an element's content: a child element or a run of text.</summary>
public abstract class XmlNode;

/// <summary>
/// A run of character data as the framework's tree held it: adjacent text and references make one run, a CDATA
/// section is a run of its own, comments and processing instructions split runs.
/// </summary>
public sealed class XmlText(string value, bool isCData) : XmlNode
{
    public string Value { get; } = value;

    public bool IsCData { get; } = isCData;
}

/// <summary>An element: its name and attribute names as written (<c>prefix:local</c>), attributes in document order.</summary>
public sealed class XmlElement(string name, List<KeyValuePair<string, string>> attributes, List<XmlNode> content) : XmlNode
{
    public string Name { get; } = name;

    public string LocalName => Name[(Name.IndexOf(':') + 1)..];

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; } = attributes;

    public IReadOnlyList<XmlNode> Content { get; } = content;

    public IEnumerable<XmlElement> Elements => Content.OfType<XmlElement>();

    public IEnumerable<XmlText> Texts => Content.OfType<XmlText>();
}

/// <summary>Reads a whole XML document into its root <see cref="XmlElement"/>.</summary>
public static class XmlTree
{
    /// <summary>The root element of <paramref name="xml"/>; throws REXML::ParseException when it is not well-formed.</summary>
    public static XmlElement Parse(string xml) => new Reader(xml).Document();

    private sealed class Reader
    {
        private readonly string text;
        private int pos;
        private readonly StringBuilder run = new();
        // prefixes declared by the open elements, innermost last (namespace well-formedness)
        private readonly List<(int Depth, string Prefix)> prefixes = [];
        private int depth;

        public Reader(string xml)
        {
            // XML's end-of-line handling: CR LF and lone CR are read as LF (before references are expanded)
            text = xml.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            if (text.StartsWith('\uFEFF')) pos = 1;
            CheckCharacters();
        }

        public XmlElement Document()
        {
            if (At("<?xml") && pos + 5 < text.Length && IsSpace(text[pos + 5])) Declaration();
            bool doctype = false;
            XmlElement? root = null;
            while (true)
            {
                SkipSpace();
                if (pos >= text.Length) break;
                if (At("<!--")) Comment();
                else if (At("<?")) ProcessingInstruction();
                else if (At("<!DOCTYPE"))
                {
                    if (doctype || root is not null) throw Error("DOCTYPE must come once, before the root element");
                    doctype = true;
                    SkipDoctype();
                }
                else if (At("<") && root is null) root = Element();
                else if (At("<")) throw Error("markup after the root element");
                else throw Error(root is null ? "text before the root element" : "text after the root element");
            }
            return root ?? throw Error("no root element");
        }

        private void Declaration()
        {
            pos += 5;
            var attributes = new List<KeyValuePair<string, string>>();
            while (true)
            {
                bool spaced = SkipSpace();
                if (At("?>")) { pos += 2; break; }
                if (!spaced) throw Error("malformed XML declaration");
                string name = Name();
                SkipSpace();
                Expect('=');
                SkipSpace();
                attributes.Add(new(name, Quoted()));
            }
            string[] order = ["version", "encoding", "standalone"];
            int last = -1;
            foreach (var (name, value) in attributes)
            {
                int index = Array.IndexOf(order, name);
                if (index <= last) throw Error($"unexpected '{name}' in the XML declaration");
                last = index;
                if (name == "version" && !(value.StartsWith("1.", StringComparison.Ordinal) && value.Length > 2 && value[2..].All(char.IsAsciiDigit)))
                    throw Error($"unsupported XML version '{value}'");
                if (name == "standalone" && value is not ("yes" or "no")) throw Error($"bad standalone value '{value}'");
            }
            if (attributes.Count == 0 || attributes[0].Key != "version") throw Error("the XML declaration lacks its version");
        }

        private XmlElement Element()
        {
            int start = pos;
            pos++;
            string name = QualifiedName();
            var attributes = new List<KeyValuePair<string, string>>();
            depth++;
            while (true)
            {
                bool spaced = SkipSpace();
                if (pos >= text.Length) throw Error($"unclosed start tag <{name}>", start);
                if (At("/>") || At(">")) break;
                if (!spaced) throw Error($"malformed start tag <{name}>");
                string attribute = QualifiedName();
                SkipSpace();
                Expect('=');
                SkipSpace();
                string value = AttributeValue();
                if (attributes.Exists(a => a.Key == attribute)) throw Error($"duplicate attribute '{attribute}' in <{name}>");
                attributes.Add(new(attribute, value));
                if (attribute == "xmlns" || attribute.StartsWith("xmlns:", StringComparison.Ordinal)) DeclarePrefix(attribute, value);
            }
            CheckPrefix(name, isAttribute: false);
            foreach (var (attribute, _) in attributes) CheckPrefix(attribute, isAttribute: true);
            var content = new List<XmlNode>();
            if (At("/>")) pos += 2;
            else
            {
                pos++;
                Content(name, start, content);
            }
            prefixes.RemoveAll(p => p.Depth == depth);
            depth--;
            return new XmlElement(name, attributes, content);
        }

        private void Content(string name, int start, List<XmlNode> content)
        {
            while (true)
            {
                if (pos >= text.Length) throw Error($"unclosed element <{name}>", start);
                char c = text[pos];
                if (c == '<')
                {
                    if (At("</"))
                    {
                        Flush(content);
                        pos += 2;
                        int closing = pos;
                        string end = QualifiedName();
                        if (end != name) throw Error($"mismatched tag: </{end}> closes <{name}>", closing - 2);
                        SkipSpace();
                        Expect('>');
                        return;
                    }
                    Flush(content);
                    if (At("<!--")) Comment();
                    else if (At("<![CDATA["))
                    {
                        int end = text.IndexOf("]]>", pos + 9, StringComparison.Ordinal);
                        if (end < 0) throw Error("unclosed CDATA section");
                        content.Add(new XmlText(text[(pos + 9)..end], isCData: true));
                        pos = end + 3;
                    }
                    else if (At("<?")) ProcessingInstruction();
                    else if (At("<!")) throw Error("unexpected markup declaration in content");
                    else content.Add(Element());
                }
                else if (c == '&') run.Append(Reference());
                else
                {
                    if (At("]]>")) throw Error("']]>' in character data");
                    run.Append(c);
                    pos++;
                }
            }
        }

        private void Flush(List<XmlNode> content)
        {
            if (run.Length == 0) return;
            content.Add(new XmlText(run.ToString(), isCData: false));
            run.Clear();
        }

        private string AttributeValue()
        {
            if (pos >= text.Length || text[pos] is not ('"' or '\'')) throw Error("attribute value not quoted");
            char quote = text[pos++];
            var value = new StringBuilder();
            while (true)
            {
                if (pos >= text.Length) throw Error("unclosed attribute value");
                char c = text[pos];
                if (c == quote) { pos++; return value.ToString(); }
                if (c == '<') throw Error("'<' in an attribute value");
                if (c == '&') value.Append(Reference());
                else
                {
                    // attribute-value normalisation: literal white space is a space (references are kept as they are)
                    value.Append(c is '\n' or '\t' ? ' ' : c);
                    pos++;
                }
            }
        }

        private string Reference()
        {
            int start = pos;
            int end = text.IndexOf(';', pos);
            if (end < 0 || end - pos > 12) throw Error("bad entity reference", start);
            string body = text[(pos + 1)..end];
            pos = end + 1;
            switch (body)
            {
                case "lt": return "<";
                case "gt": return ">";
                case "amp": return "&";
                case "apos": return "'";
                case "quot": return "\"";
            }
            if (body.StartsWith('#'))
            {
                bool hex = body.StartsWith("#x", StringComparison.Ordinal);
                string digits = body[(hex ? 2 : 1)..];
                if (digits.Length > 0 && digits.All(hex ? char.IsAsciiHexDigit : char.IsAsciiDigit)
                    && int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out int code)
                    && IsXmlChar(code))
                    return char.ConvertFromUtf32(code);
                throw Error($"bad character reference '&{body};'", start);
            }
            throw Error($"undefined entity '&{body};'", start);
        }

        private void Comment()
        {
            int end = text.IndexOf("--", pos + 4, StringComparison.Ordinal);
            if (end < 0) throw Error("unclosed comment");
            if (end + 2 >= text.Length || text[end + 2] != '>') throw Error("'--' inside a comment", end);
            pos = end + 3;
        }

        private void ProcessingInstruction()
        {
            int start = pos;
            pos += 2;
            string target = Name();
            if (target.Equals("xml", StringComparison.OrdinalIgnoreCase)) throw Error("XML declaration not at the start of the document", start);
            int end = text.IndexOf("?>", pos, StringComparison.Ordinal);
            if (end < 0) throw Error("unclosed processing instruction", start);
            if (end > pos && !IsSpace(text[pos])) throw Error("malformed processing instruction", start);
            pos = end + 2;
        }

        /// <summary>Skips <c>&lt;!DOCTYPE …&gt;</c> with its internal subset: quoted strings and comments may hold brackets.</summary>
        private void SkipDoctype()
        {
            int start = pos;
            pos += 9;
            if (!SkipSpace()) throw Error("malformed DOCTYPE", start);
            Name();
            int brackets = 0;
            while (pos < text.Length)
            {
                char c = text[pos];
                if (c is '"' or '\'')
                {
                    int end = text.IndexOf(c, pos + 1);
                    if (end < 0) break;
                    pos = end + 1;
                }
                else if (At("<!--")) Comment();
                else
                {
                    pos++;
                    if (c == '[') brackets++;
                    else if (c == ']') brackets--;
                    else if (c == '>' && brackets == 0) return;
                }
            }
            throw Error("unclosed DOCTYPE", start);
        }

        private string Quoted()
        {
            if (pos >= text.Length || text[pos] is not ('"' or '\'')) throw Error("value not quoted");
            int end = text.IndexOf(text[pos], pos + 1);
            if (end < 0) throw Error("unclosed quoted value");
            string value = text[(pos + 1)..end];
            pos = end + 1;
            return value;
        }

        /// <summary>A name with at most one colon between two non-empty parts (namespaces in XML).</summary>
        private string QualifiedName()
        {
            int start = pos;
            string name = Name();
            int colon = name.IndexOf(':');
            if (colon == 0 || colon == name.Length - 1 || (colon > 0 && name.IndexOf(':', colon + 1) >= 0)) throw Error($"bad qualified name '{name}'", start);
            return name;
        }

        private string Name()
        {
            int start = pos;
            if (pos >= text.Length || !IsNameStart(text[pos])) throw Error("name expected");
            while (pos < text.Length && (IsNameStart(text[pos]) || IsNameChar(text[pos]))) pos++;
            return text[start..pos];
        }

        private void DeclarePrefix(string attribute, string uri)
        {
            if (attribute == "xmlns") return;
            string prefix = attribute[6..];
            if (uri.Length == 0) throw Error($"empty namespace for prefix '{prefix}'");
            if (prefix == "xmlns" || (prefix == "xml") != (uri == "http://www.w3.org/XML/1998/namespace")) throw Error($"reserved prefix or namespace in '{attribute}'");
            prefixes.Add((depth, prefix));
        }

        private void CheckPrefix(string name, bool isAttribute)
        {
            int colon = name.IndexOf(':');
            if (colon < 0) return;
            string prefix = name[..colon];
            if (prefix == "xml" || (isAttribute && prefix == "xmlns")) return;
            if (!prefixes.Exists(p => p.Prefix == prefix)) throw Error($"undeclared namespace prefix '{prefix}' in '{name}'");
        }

        private void CheckCharacters()
        {
            for (int i = pos; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (!IsXmlChar(c)) throw Error($"invalid character U+{(int)c:X4}", i);
            }
        }

        private static bool IsXmlChar(int c) =>
            c is 0x9 or 0xA or 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);

        // XML 1.0 (fifth edition) NameStartChar; a surrogate pair stands for the range #x10000-#xEFFFF
        private static bool IsNameStart(char c) =>
            char.IsAsciiLetter(c) || c is '_' or ':'
            || (c >= 0xC0 && c <= 0x2FF && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x1FFF && c != 0x37E)
            || c is '\u200C' or '\u200D' || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF)
            || (c >= 0x3001 && c <= 0xDFFF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);

        private static bool IsNameChar(char c) => char.IsAsciiDigit(c) || c is '-' or '.' or '\u00B7' || (c >= 0x300 && c <= 0x36F) || c is '\u203F' or '\u2040';

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

        private bool SkipSpace()
        {
            int start = pos;
            while (pos < text.Length && IsSpace(text[pos])) pos++;
            return pos > start;
        }

        private bool At(string s) => text.AsSpan(pos).StartsWith(s, StringComparison.Ordinal);

        private void Expect(char c)
        {
            if (pos >= text.Length || text[pos] != c) throw Error($"'{c}' expected");
            pos++;
        }

        /// <summary>REXML::ParseException with the line and column of <paramref name="at"/> (default: the current position).</summary>
        private CliException Error(string what, int at = -1)
        {
            if (at < 0) at = pos;
            at = Math.Min(at, text.Length);
            int line = 1, column = 1;
            for (int i = 0; i < at; i++)
            {
                if (text[i] == '\n') { line++; column = 1; }
                else column++;
            }
            return CliException.Other("REXML::ParseException", $"{what} (line {line}, column {column})");
        }
    }
}
