// XML answers turned into data as ascli reads them (it uses the xml-simple gem): Orchestrator's API
// (plugin orchestrator) and the S3 bucket information of IBM COS (plugin cos).
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using AsperaNative.Core.Errors;

namespace AsperaNative.Rest.Xml;

/// <summary>
/// The data of an XML document by xml-simple's rules (its defaults, as ascli calls it): the root element is
/// dropped; attributes and child elements become keys, all values strings; a text-only element is its text,
/// with attributes it is a Hash with the text under <c>content</c>; an empty element is an empty Hash;
/// a repeated child becomes an Array. With <c>forceArray</c> every child element value is an Array, even a
/// single one (attributes are never arrays). Whitespace between elements is ignored; text is kept as is.
/// </summary>
public static class XmlSimple
{
    public const string ContentKey = "content";

    /// <summary>The data of <paramref name="xml"/>: a Hash, or the root's text when the root holds only text.</summary>
    public static JsonNode Parse(string xml, bool forceArray)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw CliException.Other("REXML::ParseException", e.Message);
        }
        return Collapse(document.Root!, forceArray);
    }

    private static JsonNode Collapse(XElement element, bool forceArray)
    {
        var result = new JsonObject();
        foreach (var attribute in element.Attributes()) result[AttributeName(attribute)] = attribute.Value;
        if (element.HasElements)
        {
            foreach (var child in element.Elements()) Merge(result, child.Name.LocalName, Collapse(child, forceArray), forceArray);
            var texts = element.Nodes().OfType<XText>().Select(static t => t.Value).ToList();
            // mixed content: the texts beside the elements are kept too
            if (!string.IsNullOrWhiteSpace(string.Concat(texts)))
                result[ContentKey] = texts.Count == 1 ? JsonValue.Create(texts[0]) : new JsonArray([.. texts.Select(static t => (JsonNode?)JsonValue.Create(t))]);
            return result;
        }
        if (!element.Nodes().OfType<XText>().Any()) return result;
        string text = string.Concat(element.Nodes().OfType<XText>().Select(static t => t.Value));
        bool hasAttributes = element.HasAttributes;
        if (string.IsNullOrWhiteSpace(text) && !hasAttributes) return new JsonObject();
        if (!hasAttributes) return JsonValue.Create(text);
        Merge(result, ContentKey, JsonValue.Create(text), forceArray);
        return result;
    }

    /// <summary>xml-simple's merge: a key met again becomes an Array of its values; a new one is an Array only when forced.</summary>
    private static void Merge(JsonObject hash, string key, JsonNode value, bool forceArray)
    {
        if (hash[key] is { } existing)
        {
            if (existing is JsonArray list) list.Add(value);
            else
            {
                hash.Remove(key);
                hash[key] = new JsonArray(existing, value);
            }
            return;
        }
        hash[key] = forceArray && key != ContentKey ? new JsonArray(value) : value;
    }

    /// <summary>The attribute as the XML parser names it: <c>xmlns</c>, <c>xmlns:p</c>, <c>p:name</c> or the name.</summary>
    private static string AttributeName(XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration) return attribute.Name.Namespace == XNamespace.None ? "xmlns" : "xmlns:" + attribute.Name.LocalName;
        if (attribute.Name.Namespace == XNamespace.None) return attribute.Name.LocalName;
        string? prefix = attribute.Parent?.GetPrefixOfNamespace(attribute.Name.Namespace);
        return prefix is null ? attribute.Name.LocalName : prefix + ":" + attribute.Name.LocalName;
    }
}
