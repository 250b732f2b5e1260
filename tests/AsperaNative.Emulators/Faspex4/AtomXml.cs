using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// The XML documents of Faspex 4's v3 API: ATOM feeds of the boxes (newest first, paged by a
/// <c>rel="next"</c> link), single package entries, XRDS (detection, login methods), and the
/// <c>faspe:</c> links that carry a package's transfer parameters.
/// </summary>
internal static class AtomXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Time(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Document(XElement root) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.None) + "\n";

    public static XElement Feed(string title, string selfUrl, string? nextUrl, IEnumerable<XElement> entries)
    {
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", title),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", selfUrl)));
        if (nextUrl is not null) feed.Add(new XElement(Atom + "link", new XAttribute("rel", "next"), new XAttribute("href", nextUrl)));
        feed.Add(new XElement(Atom + "updated", Time(DateTime.UtcNow)));
        feed.Add(entries);
        return feed;
    }

    /// <summary>
    /// One package as its entry: the <c>package</c> link first (ascli takes the first link of a dropbox
    /// entry), one <c>enclosure</c> per file, every recipient in <c>to</c>, metadata fields (always with
    /// <c>_note</c>), and the sender's <c>delivery_id</c>. <paramref name="extraLinks"/> go after the enclosures.
    /// </summary>
    public static XElement Entry(Faspex4Package package, string packageLink, IReadOnlyList<(string Href, long Length, string Name)> files, params XElement[] extraLinks)
    {
        var entry = new XElement(Atom + "entry",
            new XElement(Atom + "title", package.Title),
            new XElement(Atom + "id", "urn:uuid:" + package.Uuid),
            new XElement(Atom + "published", Time(package.Created)),
            new XElement(Atom + "updated", Time(package.Created)),
            new XElement(Atom + "author", new XElement(Atom + "name", package.Sender.Name), new XElement(Atom + "email", package.Sender.Email)),
            new XElement(Atom + "summary", package.Note),
            Link("package", packageLink));
        foreach (var (href, length, name) in files)
            entry.Add(new XElement(Atom + "link", new XAttribute("rel", "enclosure"), new XAttribute("href", href),
                new XAttribute("length", length.ToString(CultureInfo.InvariantCulture)), new XAttribute("title", name)));
        entry.Add(extraLinks);
        foreach (var r in package.Recipients)
            entry.Add(new XElement(Atom + "to", new XElement(Atom + "name", r.Name), new XElement(Atom + "email", r.Email),
                new XElement(Atom + "recipient_delivery_id", r.DeliveryId.ToString(CultureInfo.InvariantCulture))));
        var metadata = new XElement(Atom + "metadata", Field("_note", package.Note));
        foreach (var (name, value) in package.Metadata) metadata.Add(Field(name, value));
        entry.Add(metadata);
        entry.Add(new XElement(Atom + "delivery_id", package.DeliveryId.ToString(CultureInfo.InvariantCulture)));
        return entry;
    }

    public static XElement Link(string rel, string href) => new(Atom + "link", new XAttribute("rel", rel), new XAttribute("href", href));

    private static XElement Field(string name, string value) => new(Atom + "field", new XAttribute("name", name), value);

    /// <summary>The answer to <c>POST /aspera/faspex</c> with <c>Accept: application/xrds+xml</c> (product detection).</summary>
    public static XElement Discovery(string version, string basePath) => new("XRDS",
        new XElement("XRD",
            new XElement("application", new XElement("name", "Faspex"), new XElement("version", version)),
            new XElement("Service", new XElement("Type", "password"), new XElement("URI", basePath + "/login"))));

    /// <summary>The login methods (<c>GET login/new</c>, XRDS): password and, when configured, SAML.</summary>
    public static XElement LoginMethods(string basePath, bool saml)
    {
        var xrd = new XElement("XRD", Service("password", basePath + "/login"));
        if (saml) xrd.Add(Service("saml", basePath + "/saml/login"));
        return new XElement("XRDS", xrd);

        static XElement Service(string type, string uri) => new("Service", new XElement("Type", type), new XElement("URI", uri));
    }

    /// <summary>
    /// A <c>faspe:</c> link to a file or folder on disk. Faspex 4 puts the token only in links for external
    /// recipients (internal users get one from <c>issue-token</c>), and leaves the base64 padding of the
    /// trailing <c>tags64</c> unencoded.
    /// </summary>
    public static string FaspeLink(JsonObject transport, string absolutePath, string? token, string cookie, JsonObject tags)
    {
        string user = transport["remote_user"]?.ToString() ?? "faspex";
        string host = transport["remote_host"]?.ToString() ?? "127.0.0.1";
        string port = transport["ssh_port"]?.ToString() ?? "33001";
        string path = string.Join('/', absolutePath.Split('/').Select(Uri.EscapeDataString));
        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        Add("auth", "no");
        Add("port", transport["fasp_port"]?.ToString() ?? "33001");
        Add("policy", "fair");
        Add("targetrate", "100000");
        Add("minrate", "0");
        Add("httpport", "8443");
        Add("fallback", "no");
        Add("enc", "aes128");
        Add("lockpolicy", "no");
        Add("lockminrate", "no");
        Add("createpath", "yes");
        Add("v", "2");
        if (token is not null) Add("token", token);
        Add("cookie", cookie);
        string tags64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(tags.ToJsonString()));
        string padding = tags64[tags64.TrimEnd('=').Length..];
        query.Append("&tags64=").Append(Uri.EscapeDataString(tags64.TrimEnd('='))).Append(padding);
        return $"faspe://{Uri.EscapeDataString(user)}@{host}:{port}{path}?{query}";
    }

    /// <summary>The hrefs of a <c>url-list</c> document (<c>issue-token</c> request body).</summary>
    public static List<string> UrlList(string xml)
    {
        try { return [.. XDocument.Parse(xml).Descendants().Where(static e => e.Name.LocalName == "url").Select(static e => (string?)e.Attribute("href") ?? "")]; }
        catch (System.Xml.XmlException) { return []; }
    }
}
