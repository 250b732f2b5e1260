using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// API v3 (Basic auth): boxes as ATOM feeds, one package as an entry, <c>send</c> (errors as HTTP 200
/// with an <c>error</c> object, as Faspex 4 does), <c>issue-token</c>, and the JSON reads
/// (<c>me</c>, <c>dropboxes</c>, <c>source_shares</c>, <c>address-book</c>); detection and login methods in XRDS.
/// </summary>
internal static class V3Routes
{
    private const int DefaultCount = 10;

    public static void Map(WebApplication app, Faspex4Emulator f)
    {
        const string b = Faspex4Emulator.BasePath;
        app.MapPost(b, Discovery);
        app.MapGet(b, Pages.Login);
        app.MapGet(b + "/login", Pages.Login);
        app.MapGet(b + "/login/new", ctx => Xml(ctx, AtomXml.LoginMethods(b, f.SamlLogin), "application/xrds+xml"));
        app.MapGet(b + "/me", ctx => WithUser(f, ctx, user => EmulatorHost.Json(ctx, Me(user))));
        foreach (string box in new[] { "inbox", "sent", "archive" })
            app.MapGet($"{b}/{box}.atom", ctx => WithUser(f, ctx, user => Feed(f, ctx, user, box)));
        foreach (string endpoint in new[] { "received", "sent" })
            app.MapGet($"{b}/{endpoint}/{{id}}", (HttpContext ctx, string id) => WithUser(f, ctx, user => OneEntry(f, ctx, user, endpoint, id)));
        app.MapPost(b + "/send", ctx => WithUser(f, ctx, user => Send(f, ctx, user)));
        app.MapPost(b + "/issue-token", ctx => WithUser(f, ctx, user => IssueToken(f, ctx, user)));
        app.MapGet(b + "/source_shares", ctx => WithUser(f, ctx, _ => EmulatorHost.Json(ctx, Sources(f))));
        app.MapGet(b + "/dropboxes", ctx => WithUser(f, ctx, user => EmulatorHost.Json(ctx, Dropboxes(f, user))));
        app.MapGet(b + "/address-book", ctx => WithUser(f, ctx, _ => EmulatorHost.Json(ctx, AddressBook(f, ctx))));
    }

    private static async Task WithUser(Faspex4Emulator f, HttpContext ctx, Func<Faspex4User, Task> handler)
    {
        if (f.Authenticate(ctx) is { } user) await handler(user);
        else await Pages.Denied(ctx);
    }

    internal static Task Xml(HttpContext ctx, XElement root, string contentType, int status = 200)
        => EmulatorHost.Text(ctx, AtomXml.Document(root), contentType + "; charset=utf-8", status);

    private static Task Discovery(HttpContext ctx)
    {
        ctx.Response.Headers["X-IBM-Aspera"] = Faspex4Emulator.Version;
        return Xml(ctx, AtomXml.Discovery(Faspex4Emulator.Version, Faspex4Emulator.BasePath), "application/xrds+xml");
    }

    private static JsonObject Me(Faspex4User user) => new()
    {
        ["id"] = user.Id, ["name"] = user.Name, ["email"] = user.Email, ["first_name"] = user.FirstName, ["last_name"] = user.LastName,
        ["is_admin"] = user.IsAdmin, ["created_at"] = AtomXml.Time(user.CreatedAt),
    };

    /// <summary>
    /// One page of a box. <c>count</c> per page (0 or absent: 10); <c>page</c> from 1 (newest first);
    /// <c>startIndex</c> counts from the oldest package (manual: "oldest index=0"). The next page is
    /// announced by <c>&lt;link rel="next"&gt;</c>, absent on the last page.
    /// </summary>
    private static async Task Feed(Faspex4Emulator f, HttpContext ctx, Faspex4User user, string box)
    {
        var q = ctx.Request.Query;
        int count = Int(q["count"]) is > 0 and int c ? c : DefaultCount;
        List<Faspex4Package> all;
        lock (f.Store.Lock) all = f.Store.Box(user, box);
        string feedUrl = $"{f.Url}/{box}.atom";
        List<Faspex4Package> page;
        string? next = null;
        if (q.ContainsKey("startIndex"))
        {
            int start = Math.Max(0, Int(q["startIndex"]) ?? 0);
            page = [.. Enumerable.Reverse(all).Skip(start).Take(count).Reverse()];
            if ((long)start + count < all.Count) next = $"{feedUrl}?startIndex={start + count}&count={count}";
        }
        else
        {
            long number = Math.Max(1, Int(q["page"]) ?? 1);
            page = [.. all.Skip((int)Math.Min(int.MaxValue, (number - 1) * count)).Take(count)];
            if (number * count < all.Count) next = $"{feedUrl}?page={number + 1}" + (q.ContainsKey("count") ? $"&count={count}" : "");
        }
        var entries = new List<XElement>();
        foreach (var package in page) entries.Add(await EntryOf(f, package, token: null));
        string title = char.ToUpperInvariant(box[0]) + box[1..];
        await Xml(ctx, AtomXml.Feed(title, feedUrl + ctx.Request.QueryString, next, entries), "application/atom+xml");
    }

    /// <summary>A package's entry with <c>faspe:</c> links to its folder and files on the node.</summary>
    internal static async Task<XElement> EntryOf(Faspex4Emulator f, Faspex4Package package, string? token, params XElement[] extraLinks)
    {
        var transport = await f.NodeLink.Transport();
        string folder = f.NodeLink.Absolute(package.Folder);
        var tags = Faspex4Emulator.Tags(package);
        string cookie = Faspex4Emulator.Cookie(package);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(file => (AtomXml.FaspeLink(transport, file, token, cookie, tags), new FileInfo(file).Length, Path.GetRelativePath(folder, file))).ToList()
            : [];
        return AtomXml.Entry(package, AtomXml.FaspeLink(transport, folder, token, cookie, tags), files, extraLinks);
    }

    private static async Task OneEntry(Faspex4Emulator f, HttpContext ctx, Faspex4User user, string endpoint, string id)
    {
        Faspex4Package? package = null;
        if (int.TryParse(id, out int number))
            lock (f.Store.Lock) package = f.Store.Delivery(user, endpoint, number);
        if (package is null) { await Pages.NotFound(ctx); return; }
        await Xml(ctx, await EntryOf(f, package, token: null), "application/xml");
    }

    /// <summary>Faspex 4 reports send errors with HTTP 200 and an <c>error</c> object.</summary>
    private static Task SendError(HttpContext ctx, string userMessage, string internalMessage)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = new JsonObject { ["user_message"] = userMessage, ["internal_message"] = internalMessage } });

    private static async Task Send(Faspex4Emulator f, HttpContext ctx, Faspex4User user)
    {
        if ((await EmulatorHost.Body(ctx))?["delivery"] is not JsonObject delivery)
        {
            await SendError(ctx, "Missing delivery information", "param is missing or the value is empty: delivery");
            return;
        }
        var outcome = await PackageSender.Create(f, user, delivery, sourcePaths: null);
        if (outcome.Error is { } error) { await SendError(ctx, error.User, error.Internal); return; }
        var package = outcome.Package!;
        var answer = new JsonObject();
        if (outcome.TransferSpec is { } spec) answer["xfer_sessions"] = new JsonArray(spec);
        answer["links"] = new JsonObject { ["status"] = $"{f.Url}/sent/{package.DeliveryId}" };
        await EmulatorHost.Json(ctx, answer);
    }

    /// <summary>A download token for <c>faspe:</c> links of packages the user may read (body: a <c>url-list</c> document).</summary>
    private static async Task IssueToken(Faspex4Emulator f, HttpContext ctx, Faspex4User user)
    {
        if (ctx.Request.Query["direction"] != "down") { await EmulatorHost.Text(ctx, "Unsupported direction\n", "text/plain", 400); return; }
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var hrefs = AtomXml.UrlList(await reader.ReadToEndAsync());
        if (hrefs.Count == 0) { await EmulatorHost.Text(ctx, "No URL given\n", "text/plain", 400); return; }
        var sources = new List<string>();
        foreach (string href in hrefs)
        {
            string? apiPath = Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme == "faspe" ? f.NodeLink.ApiPath(Uri.UnescapeDataString(uri.AbsolutePath)) : null;
            bool allowed;
            lock (f.Store.Lock)
                allowed = apiPath is not null && f.Store.Packages.Any(p => (apiPath == p.Folder || apiPath.StartsWith(p.Folder + "/", StringComparison.Ordinal)) && Faspex4Store.MayDownload(user, p));
            if (!allowed) { await EmulatorHost.Text(ctx, "You are not authorized to download this package\n", "text/plain", 403); return; }
            sources.Add(apiPath!);
        }
        var spec = await f.NodeLink.DownloadSpec(sources);
        await EmulatorHost.Text(ctx, spec["token"]?.ToString() ?? "", "text/plain");
    }

    private static JsonObject Sources(Faspex4Emulator f)
    {
        lock (f.Store.Lock)
            return new JsonObject { ["items"] = new JsonArray([.. f.Store.Sources.Select(static s => (JsonNode)new JsonObject { ["id"] = s.Id, ["name"] = s.Name, ["type"] = "node" })]) };
    }

    private static JsonObject Dropboxes(Faspex4Emulator f, Faspex4User user)
    {
        lock (f.Store.Lock)
        {
            var items = f.Store.Groups.Where(g => g.Kind == GroupKind.Dropbox && g.MemberOf(user) is not null).Select(g =>
            {
                var m = g.MemberOf(user)!;
                return (JsonNode)new JsonObject
                {
                    ["name"] = g.Name, ["id"] = g.Id, ["description"] = g.Description, ["can_read"] = m.CanRead, ["can_write"] = m.CanWrite, ["members"] = g.Members.Count,
                };
            });
            return new JsonObject { ["items"] = new JsonArray([.. items]) };
        }
    }

    /// <summary>The address book in its JSON form (<c>format=json</c>), paged by <c>startIndex</c> and <c>count</c>.</summary>
    private static JsonObject AddressBook(Faspex4Emulator f, HttpContext ctx)
    {
        int start = Math.Max(0, Int(ctx.Request.Query["startIndex"]) ?? 0);
        int count = Int(ctx.Request.Query["count"]) is > 0 and int c ? c : 100;
        lock (f.Store.Lock)
        {
            var entries = f.Store.Users.Skip(start).Take(count).Select(static u => (JsonNode)new JsonObject
            {
                ["id"] = "u" + u.Id,
                ["userName"] = u.Name,
                ["displayName"] = (u.FirstName + " " + u.LastName).Trim() is { Length: > 0 } n ? n : u.Name,
                ["emails"] = new JsonArray(new JsonObject { ["value"] = u.Email, ["primary"] = "true" }),
            }).ToArray();
            return new JsonObject { ["itemsPerPage"] = entries.Length, ["totalResults"] = f.Store.Users.Count, ["startIndex"] = start, ["entry"] = new JsonArray(entries) };
        }
    }

    internal static int? Int(string? text) => int.TryParse(text, out int v) ? v : null;
}
