using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Faspex.Api;

/// <summary>
/// Faspex 4's XML documents (ATOM feeds, package entries, XRDS) as the data ascli shows: the shape of Ruby's
/// XmlSimple with its defaults — the root element dropped, attributes then child elements as keys in order of
/// first appearance, text beside attributes under <c>content</c>, a text-only element as its string, an empty
/// one as <c>{}</c>, repeated elements (or those "forced") as lists. Read with the framework's XML reader.
/// </summary>
public static class XmlSimple
{
    /// <summary>The content of the root element of <paramref name="xml"/>; <paramref name="forceArray"/> says which elements are always lists.</summary>
    public static JsonObject Parse(string xml, Func<string, bool> forceArray)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw CliException.Other("REXML::ParseException", e.Message);
        }
        return Element(document.Root!, forceArray) as JsonObject ?? [];
    }

    /// <summary>Elements forced to lists in mailbox feeds.</summary>
    public static bool FeedLists(string name) => name is "entry" or "field" or "link" or "to";

    public static bool AllLists(string name) => true;

    public static bool NoLists(string name) => false;

    private static JsonNode Element(XElement element, Func<string, bool> forceArray)
    {
        var result = new JsonObject();
        foreach (var attribute in element.Attributes()) result[QualifiedName(element, attribute)] = attribute.Value;
        var children = element.Elements().ToList();
        var order = new List<string>();
        var groups = new Dictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            string name = QualifiedName(child);
            if (!groups.TryGetValue(name, out var list))
            {
                groups[name] = list = [];
                order.Add(name);
            }
            list.Add(Element(child, forceArray));
        }
        string text = string.Concat(element.Nodes().OfType<XText>().Select(static t => t.Value));
        bool hasText = text.Trim().Length > 0;
        if (result.Count == 0 && children.Count == 0) return hasText ? JsonValue.Create(text)! : new JsonObject();
        foreach (var name in order)
        {
            var values = groups[name];
            result[name] = values.Count > 1 || forceArray(name) ? new JsonArray([.. values]) : values[0];
        }
        if (hasText) result["content"] = text;
        return result;
    }

    private static string QualifiedName(XElement element)
    {
        string? prefix = element.Name.Namespace == XNamespace.None ? null : element.GetPrefixOfNamespace(element.Name.Namespace);
        return string.IsNullOrEmpty(prefix) ? element.Name.LocalName : $"{prefix}:{element.Name.LocalName}";
    }

    private static string QualifiedName(XElement owner, XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration)
            return attribute.Name.Namespace == XNamespace.None ? "xmlns" : $"xmlns:{attribute.Name.LocalName}";
        if (attribute.Name.Namespace == XNamespace.None) return attribute.Name.LocalName;
        string? prefix = owner.GetPrefixOfNamespace(attribute.Name.Namespace);
        return string.IsNullOrEmpty(prefix) ? attribute.Name.LocalName : $"{prefix}:{attribute.Name.LocalName}";
    }
}
