// XML answers turned into data as ascli reads them (it uses the xml-simple gem): Orchestrator's API
// (plugin orchestrator), the S3 bucket information of IBM COS (plugin cos) and Faspex 4's ATOM feeds,
// package entries and XRDS documents (plugin faspex). Documents are read by XmlTree (our own reader).
using System.Text.Json.Nodes;

namespace AsperaNative.Rest.Xml;

/// <summary>
/// How a caller reads its documents: which element keys are always Arrays, whether white-space-only text
/// (between elements) is kept, and whether element keys keep their namespace prefix.
/// </summary>
/// <param name="ForceArray">Given an element's key, whether its value is an Array even when single.</param>
public sealed record XmlSimpleRules(Func<string, bool> ForceArray)
{
    /// <summary>White-space-only text (between elements, in CDATA) is kept as text, as REXML does; otherwise it is dropped.</summary>
    public bool KeepBlankText { get; init; } = true;

    /// <summary>Element keys are <c>prefix:local</c> as written; otherwise the local name. Attribute keys are always as written.</summary>
    public bool PrefixedElementNames { get; init; }

    /// <summary>xml-simple's <c>ForceArray =&gt; true</c>.</summary>
    public static bool All(string key) => true;

    /// <summary>xml-simple's <c>ForceArray =&gt; false</c>.</summary>
    public static bool None(string key) => false;
}

/// <summary>
/// The data of an XML document by xml-simple's rules (its defaults, as ascli calls it): the root element is
/// dropped; attributes then child elements become keys in order of first appearance, all values strings; a
/// text-only element is its text, with attributes it is a Hash with the text under <c>content</c>; an empty
/// element is an empty Hash; a repeated key becomes an Array; forced keys are Arrays even when single
/// (attributes and <c>content</c>, even an element of that name, never are). Text beside elements is kept under <c>content</c> when not blank.
/// </summary>
public static class XmlSimple
{
    public const string ContentKey = "content";

    /// <summary>The data of <paramref name="xml"/> with every element forced to an Array or none: a Hash, or the root's text when the root holds only text.</summary>
    public static JsonNode Parse(string xml, bool forceArray) =>
        Parse(xml, new XmlSimpleRules(forceArray ? XmlSimpleRules.All : XmlSimpleRules.None));

    /// <summary>The data of <paramref name="xml"/> read by <paramref name="rules"/>: a Hash, or the root's text when the root holds only text.</summary>
    public static JsonNode Parse(string xml, XmlSimpleRules rules) => Collapse(XmlTree.Parse(xml), rules);

    private static JsonNode Collapse(XmlElement element, XmlSimpleRules rules)
    {
        var result = new JsonObject();
        foreach (var (name, value) in element.Attributes) result[name] = value;
        var texts = element.Texts.Where(t => rules.KeepBlankText || !string.IsNullOrWhiteSpace(t.Value)).Select(static t => t.Value).ToList();
        bool hasElements = false;
        foreach (var child in element.Elements)
        {
            hasElements = true;
            string key = rules.PrefixedElementNames ? child.Name : child.LocalName;
            Merge(result, key, Collapse(child, rules), key != ContentKey && rules.ForceArray(key));
        }
        if (hasElements)
        {
            // mixed content: the texts beside the elements are kept too
            if (!string.IsNullOrWhiteSpace(string.Concat(texts)))
                result[ContentKey] = texts.Count == 1 ? JsonValue.Create(texts[0]) : new JsonArray([.. texts.Select(static t => (JsonNode?)JsonValue.Create(t))]);
            return result;
        }
        if (texts.Count == 0) return result;
        string text = string.Concat(texts);
        if (element.Attributes.Count == 0) return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonValue.Create(text);
        Merge(result, ContentKey, JsonValue.Create(text), forced: false);
        return result;
    }

    /// <summary>xml-simple's merge: a key met again becomes an Array of its values, in its first place; a new one is an Array only when forced.</summary>
    private static void Merge(JsonObject hash, string key, JsonNode value, bool forced)
    {
        if (hash[key] is { } existing)
        {
            if (existing is JsonArray list) list.Add(value);
            else
            {
                hash[key] = null;
                hash[key] = new JsonArray(existing, value);
            }
            return;
        }
        hash[key] = forced ? new JsonArray(value) : value;
    }
}
