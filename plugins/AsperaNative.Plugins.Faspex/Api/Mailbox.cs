using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspex.Api;

/// <summary>
/// The packages of a mailbox from its ATOM feed (<c>GET &lt;box&gt;.atom</c>), page after page as ascli reads them:
/// newest page first, each page's entries oldest first, each with <c>package_id</c> (the recipient's delivery id, or
/// the sender's in <c>sent</c>), <c>items</c> (its links) and <c>metadata</c> as a Hash. Native parameters <c>page</c>,
/// <c>count</c>, <c>startIndex</c>; <c>max</c> (items) and <c>pmax</c> (pages) stop the reading.
/// </summary>
public sealed class Mailbox(RestClient api, string box, IReadOnlyList<string> recipientNames, JsonNode? query)
{
    public const string PackageIdField = "package_id";
    private static readonly string[] SupportedParams = ["max", "pmax", "page", "count", "startIndex"];
    private static readonly IReadOnlyDictionary<string, string> AcceptXml = new Dictionary<string, string> { ["Accept"] = "application/xml" };

    /// <summary>The recipient names an entry is matched on: <c>--recipient</c> or the user; a <c>*name</c> also without its star.</summary>
    public static IReadOnlyList<string> RecipientNames(string name) => name.StartsWith('*') ? [name, name[1..]] : [name];

    /// <summary>The entries kept (those with a package id); with <paramref name="stopAtId"/>, the reading ends after the page holding it.</summary>
    public async IAsyncEnumerable<JsonObject> EntriesAsync(string? stopAtId = null, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        JsonObject? next = null;
        long? maxItems = null, maxPages = null;
        if (query is not null)
        {
            if (query is not JsonObject hash) throw CliException.Assertion($"query: expecting Hash, but have {RubyInspect.Inspect(query)}");
            if (hash.Any(static p => !SupportedParams.Contains(p.Key)))
                throw CliException.Assertion($"query: supported params: {RubyInspect.Inspect(new JsonArray([.. SupportedParams.Select(static s => (JsonNode)s)]))}");
            if (hash.ContainsKey("startIndex") && hash.ContainsKey("page")) throw CliException.Assertion("query: startIndex and page are exclusive");
            next = (JsonObject)hash.DeepClone();
            maxItems = Integer(next["max"]);
            maxPages = Integer(next["pmax"]);
            next.Remove("max");
            next.Remove("pmax");
        }
        long kept = 0;
        while (true)
        {
            var response = await api.CallAsync(new RestRequest("GET", $"{box}.atom") { Query = next, Headers = AcceptXml });
            var feed = Faspex4Xml.Parse(response.Text, Faspex4Xml.FeedLists);
            var entries = feed["entry"] as JsonArray ?? [];
            if (entries.Count == 0) yield break;
            bool stop = false;
            for (int i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i] is not JsonObject entry) continue;
                Decorate(entry);
                if (stopAtId is not null && stopAtId == Text(entry[PackageIdField])) stop = true;
                if (entry[PackageIdField] is null) continue;
                if (maxItems is { } max && kept >= max) continue;
                kept++;
                yield return (JsonObject)entry.DeepClone();
            }
            if (stop) yield break;
            if (maxItems is { } limit && kept >= limit) yield break;
            var nextLink = (feed["link"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(static l => Text(l["rel"]) == "next");
            if (nextLink is null) yield break;
            next = PublicLink.NextQuery(Text(nextLink["href"]) ?? "");
            if (maxPages is { } pages && FaspeUri.RubyInteger(Text(next["page"]) ?? "") > pages) yield break;
        }
    }

    /// <summary>Adds <c>package_id</c> and <c>items</c>, and turns <c>metadata</c> into a Hash of its fields.</summary>
    private void Decorate(JsonObject entry)
    {
        JsonNode? id;
        if (box == "sent") id = entry["delivery_id"]?.DeepClone();
        else
        {
            var recipient = (entry["to"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(t => recipientNames.Contains(Text(t["name"])));
            id = recipient?["recipient_delivery_id"]?.DeepClone();
        }
        entry[PackageIdField] = id;
        entry["items"] = entry["link"] is JsonArray links ? links.Count : 0;
        if (entry["metadata"] is not JsonObject metadata || metadata["field"] is not JsonArray fields)
            throw CliException.Other("NoMethodError", "undefined method `[]' for nil");
        var values = new JsonObject();
        foreach (var field in fields)
        {
            if (field is JsonObject f && Text(f["name"]) is { } name) values[name] = f["content"]?.DeepClone();
        }
        entry["metadata"] = values;
    }

    private static long? Integer(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out long n) => n,
        _ => FaspeUri.RubyInteger(RubyToS.Of(value)),
    };

    internal static string? Text(JsonNode? value) => value is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : value?.ToJsonString();
}
