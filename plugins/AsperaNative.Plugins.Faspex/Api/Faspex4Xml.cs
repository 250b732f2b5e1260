// Faspex 4 (plugin faspex, manual section "Plugin: faspex"): the XML of its v3 API under /aspera/faspex —
// mailbox ATOM feeds (inbox.atom, sent.atom…), package entries (received/<id>, sent/<id>), XRDS (login/new).
using System.Text.Json.Nodes;
using AsperaNative.Rest.Xml;

namespace AsperaNative.Plugins.Faspex.Api;

/// <summary>
/// How Faspex 4's XML documents (ATOM feeds, package entries, XRDS of the v3 API) are read into data:
/// xml-simple's shape (<see cref="XmlSimple"/>) with white space between elements ignored and element keys
/// as written (<c>prefix:local</c>); the lists ascli forces per document.
/// </summary>
public static class Faspex4Xml
{
    /// <summary>Mailbox feeds: entries, their fields, links and recipients are always lists.</summary>
    public static readonly XmlSimpleRules FeedLists = Rules(static name => name is "entry" or "field" or "link" or "to");

    /// <summary>Every element a list (a package entry read for its links).</summary>
    public static readonly XmlSimpleRules AllLists = Rules(XmlSimpleRules.All);

    /// <summary>No element forced to a list.</summary>
    public static readonly XmlSimpleRules NoLists = Rules(XmlSimpleRules.None);

    /// <summary>The content of the root element of <paramref name="xml"/> (empty when the root holds only text).</summary>
    public static JsonObject Parse(string xml, XmlSimpleRules rules) => XmlSimple.Parse(xml, rules) as JsonObject ?? [];

    private static XmlSimpleRules Rules(Func<string, bool> forceArray) => new(forceArray) { KeepBlankText = false, PrefixedElementNames = true };
}
