using AsperaNative.Core.Errors;
using AsperaNative.Rest.Xml;

namespace AsperaNative.Rest.Tests.Xml;

/// <summary>Our XML reader: each construct of XML 1.0 it reads, and each well-formedness error as REXML::ParseException.</summary>
public class XmlTreeTests
{
    private static string Text(XmlElement element) => string.Concat(element.Texts.Select(static t => t.Value));

    [Fact]
    public void Declaration_comments_processing_instructions_and_doctype_are_skipped()
    {
        var root = XmlTree.Parse("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- before -->
            <?app data?>
            <!DOCTYPE root [ <!ELEMENT root ANY> <!-- ] > --> <!ATTLIST root a CDATA "x>y"> ]>
            <root><?inside x?><!-- inside --></root>
            <!-- after -->
            """);
        Assert.Equal("root", root.Name);
        Assert.Empty(root.Content);
    }

    [Fact]
    public void A_byte_order_mark_and_single_quoted_declaration_are_read()
    {
        var root = XmlTree.Parse("\uFEFF<?xml version='1.0' encoding='UTF-8'?><a/>");
        Assert.Equal("a", root.Name);
    }

    [Fact]
    public void Attributes_keep_their_order_quotes_and_qualified_names()
    {
        var root = XmlTree.Parse("""<f:r xmlns="urn:d" xmlns:f="urn:f" f:id='7' b="it's" c='say "hi"' xml:lang="en"/>""");
        Assert.Equal("f:r", root.Name);
        Assert.Equal("r", root.LocalName);
        Assert.Equal(["xmlns", "xmlns:f", "f:id", "b", "c", "xml:lang"], root.Attributes.Select(static a => a.Key));
        Assert.Equal(["urn:d", "urn:f", "7", "it's", "say \"hi\"", "en"], root.Attributes.Select(static a => a.Value));
    }

    [Fact]
    public void Attribute_values_are_normalised_but_character_references_are_kept()
    {
        var root = XmlTree.Parse("<a v=\"x\ty\r\nz&#10;w&#9;!\"/>");
        Assert.Equal("x y z\nw\t!", root.Attributes[0].Value);
    }

    [Fact]
    public void Predefined_entities_and_character_references_are_expanded()
    {
        var root = XmlTree.Parse("<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;</a>");
        Assert.Equal("<>&'\"AB\U0001F600", Text(root));
    }

    [Fact]
    public void Cdata_is_a_run_of_its_own_and_comments_split_runs()
    {
        var root = XmlTree.Parse("<a>one&amp;<![CDATA[<b> & ]]>two<!-- c -->three<b/>four</a>");
        var runs = root.Content.Select(static n => n switch { XmlText t => (t.IsCData ? "cdata:" : "text:") + t.Value, XmlElement e => "element:" + e.Name, _ => "?" });
        Assert.Equal(["text:one&", "cdata:<b> & ", "text:two", "text:three", "element:b", "text:four"], runs);
    }

    [Fact]
    public void Line_ends_are_read_as_line_feeds_and_white_space_is_kept()
    {
        var root = XmlTree.Parse("<a>\r\n  <b>x\ry</b>\r\n</a>");
        Assert.Equal(["\n  ", "\n"], root.Texts.Select(static t => t.Value));
        Assert.Equal("x\ny", Text(root.Elements.Single()));
    }

    [Fact]
    public void Nested_elements_keep_document_order()
    {
        var root = XmlTree.Parse("<r><x>1</x><y><z/></y><x>2</x></r>");
        Assert.Equal(["x", "y", "x"], root.Elements.Select(static e => e.Name));
        Assert.Equal("z", root.Elements.ElementAt(1).Elements.Single().Name);
    }

    [Theory]
    [InlineData("<a><b></a>", "mismatched tag: </a> closes <b> (line 1, column 7)")]
    [InlineData("<a>\n<b>", "unclosed element <b> (line 2, column 1)")]
    [InlineData("<a\n  b=\"1\"", "unclosed start tag <a> (line 1, column 1)")]
    [InlineData("<a>&nbsp;</a>", "undefined entity '&nbsp;' (line 1, column 4)")]
    [InlineData("<a>&amp</a>", "bad entity reference (line 1, column 4)")]
    [InlineData("<a>&#0;</a>", "bad character reference '&#0;' (line 1, column 4)")]
    [InlineData("<a>&#xZZ;</a>", "bad character reference '&#xZZ;' (line 1, column 4)")]
    [InlineData("<a/>text", "text after the root element (line 1, column 5)")]
    [InlineData("text<a/>", "text before the root element (line 1, column 1)")]
    [InlineData("<a/><b/>", "markup after the root element (line 1, column 5)")]
    [InlineData("", "no root element (line 1, column 1)")]
    [InlineData("<?xml version=\"1.0\"?><!-- only -->", "no root element (line 1, column 35)")]
    [InlineData("<a x=\"1\" x=\"2\"/>", "duplicate attribute 'x' in <a> (line 1, column 15)")]
    [InlineData("<a x=1/>", "attribute value not quoted (line 1, column 6)")]
    [InlineData("<a x=\"1/>", "unclosed attribute value (line 1, column 10)")]
    [InlineData("<a b=\"<\"/>", "'<' in an attribute value (line 1, column 7)")]
    [InlineData("<a x=\"1\"y=\"2\"/>", "malformed start tag <a> (line 1, column 9)")]
    [InlineData("<p:a/>", "undeclared namespace prefix 'p' in 'p:a' (line 1, column 5)")]
    [InlineData("<a p:x=\"1\"/>", "undeclared namespace prefix 'p' in 'p:x' (line 1, column 11)")]
    [InlineData("<a:b:c xmlns:a=\"urn:a\"/>", "bad qualified name 'a:b:c' (line 1, column 2)")]
    [InlineData("<a><!-- x -- y --></a>", "'--' inside a comment (line 1, column 11)")]
    [InlineData("<a><!-- x </a>", "unclosed comment (line 1, column 4)")]
    [InlineData("<a><![CDATA[x</a>", "unclosed CDATA section (line 1, column 4)")]
    [InlineData("<a>]]></a>", "']]>' in character data (line 1, column 4)")]
    [InlineData(" <?xml version=\"1.0\"?><a/>", "XML declaration not at the start of the document (line 1, column 2)")]
    [InlineData("<?xml encoding=\"UTF-8\"?><a/>", "the XML declaration lacks its version (line 1, column 25)")]
    [InlineData("<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><a/>", "unexpected 'encoding' in the XML declaration (line 1, column 56)")]
    [InlineData("<?xml version=\"2.0\"?><a/>", "unsupported XML version '2.0' (line 1, column 22)")]
    [InlineData("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "undefined entity '&e;' (line 1, column 34)")]
    [InlineData("<a/><!DOCTYPE a>", "DOCTYPE must come once, before the root element (line 1, column 5)")]
    [InlineData("<a>\u0001</a>", "invalid character U+0001 (line 1, column 4)")]
    [InlineData("<1a/>", "name expected (line 1, column 2)")]
    public void Ill_formed_documents_are_REXML_parse_errors(string xml, string message)
    {
        var error = Assert.Throws<CliException>(() => XmlTree.Parse(xml));
        Assert.Equal("Other(REXML::ParseException)", error.Kind);
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
