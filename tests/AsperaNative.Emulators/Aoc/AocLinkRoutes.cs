using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// Links and web pages: <c>short_links</c> (private links to folders, public links backed by url
/// tokens), the aspera.pub redirector, the organization's web site (login redirects, public link
/// pages) and the calls made without a token (servers, organization reminders, url token check).
/// </summary>
internal sealed partial class AocRoutes
{
    private static readonly string[] PublicLinkPaths = ["/packages/public/receive", "/packages/public/send", "/files/public", "/public/files", "/public/package", "/public/send"];

    private async Task ShortLinks(HttpContext ctx, AocCaller caller, string? id)
    {
        var table = _state["short_links"];
        switch (ctx.Request.Method, id)
        {
            case ("POST", null):
                if (await ObjectBody(ctx) is not { } body) return;
                JsonObject link;
                lock (_state.Lock) link = NewShortLink(body, caller);
                await EmulatorHost.Json(ctx, link.DeepClone(), 201);
                return;
            case ("GET", null):
                JsonObject? wanted = null;
                try { wanted = JsonNode.Parse(ctx.Request.Query["json_query"].ToString() is { Length: > 0 } j ? j : "{}") as JsonObject; }
                catch (System.Text.Json.JsonException) { }
                if (wanted is null) { await Error(ctx, 400, "bad_request", "json_query must be a JSON object"); return; }
                await List(ctx, table, items => items.Where(l => (caller.Admin || l["created_by"]?.ToString() == caller.UserId) && Contains(l["data"], wanted)));
                return;
            case ("DELETE", { } one):
                bool removed;
                lock (_state.Lock)
                {
                    var item = table.Find(one);
                    removed = item is not null && (caller.Admin || item["created_by"]?.ToString() == caller.UserId) && table.Remove(one);
                    if (removed && item!["resource_token"]?.ToString() is { } token) _state.UrlTokens.Remove(token);
                }
                if (removed) ctx.Response.StatusCode = 204;
                else await NotFound(ctx);
                return;
            default:
                if (!caller.Admin) { await Forbidden(ctx); return; }
                await Crud(ctx, table, id, caller);
                return;
        }
    }

    /// <summary>
    /// A short link: public purposes make a url token (its page on the org site), the private
    /// <c>shared_folder_auth_link</c> points at the folder in the Files app (login required).
    /// </summary>
    private JsonObject NewShortLink(JsonObject body, AocCaller caller)
    {
        string purpose = body["purpose"]?.ToString() ?? "";
        string code = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        string shortUrl = $"https://{AocEmulator.ShortLinkHost}/{code}";
        var link = new JsonObject
        {
            ["id"] = _state.NewId(), ["short_url"] = shortUrl, ["purpose"] = purpose, ["resource_type"] = "UrlToken",
            ["user_selected_name"] = body["user_selected_name"]?.DeepClone(), ["data"] = body["data"]?.DeepClone(),
            ["created_by"] = caller.UserId, ["created_at"] = AocState.Now(),
        };
        if (body["data"]?["url_token_data"] is JsonObject tokenData)
        {
            var token = aoc.Seed.NewUrlToken(tokenData["purpose"]?.ToString() ?? "", tokenData["data"] as JsonObject ?? [], body["password"]?.ToString(), caller.UserId);
            link["resource_id"] = token["id"]!.ToString();
            link["resource_token"] = token["token"]!.ToString();
            _state.ShortUrls[code] = token["url"]!.ToString();
        }
        else
        {
            var data = body["data"];
            link["resource_id"] = _state.NewId();
            _state.ShortUrls[code] = $"{aoc.OrgUrl}/files/workspaces/{data?["workspace_id"]}/all/{data?["node_id"]}:{data?["file_id"]}?short_link_url={Uri.EscapeDataString(shortUrl)}";
        }
        _state["short_links"].Add(link);
        return link;
    }

    /// <summary>Whether <paramref name="actual"/> holds every field of <paramref name="wanted"/> (recursively).</summary>
    private static bool Contains(JsonNode? actual, JsonNode? wanted) => wanted switch
    {
        JsonObject w => w.Count == 0 || actual is JsonObject a && w.All(kv => a.ContainsKey(kv.Key) && Contains(a[kv.Key], kv.Value)),
        null => actual is null,
        _ => actual is not null && JsonNode.DeepEquals(actual, wanted) || actual is not null && EntityTable.Text(actual) == EntityTable.Text(wanted),
    };

    private async Task ShortLinkRedirect(HttpContext ctx)
    {
        string code = (ctx.Request.Path.Value ?? "").Trim('/');
        string? target;
        lock (_state.Lock) target = _state.ShortUrls.GetValueOrDefault(code);
        if (target is null) { await EmulatorHost.Text(ctx, "<html><body>Not found</body></html>", "text/html", 404); return; }
        ctx.Response.Redirect(target);
    }

    /// <summary>
    /// The organization's web site: the login page, public link pages (token in the query), and any
    /// other page redirects to the login page with the page in <c>state</c>, like AoC does for a
    /// browser without a session.
    /// </summary>
    private async Task OrgPage(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? "/", org = _state.Organization;
        if (path == $"/oauth2/{org}/login" || path == "/auth/callback")
        {
            await EmulatorHost.Text(ctx, "<html><body>Aspera on Cloud login</body></html>", "text/html");
            return;
        }
        if (PublicLinkPaths.Contains(path) && ctx.Request.Query["token"].ToString() is { Length: > 0 } token)
        {
            bool known;
            lock (_state.Lock) known = _state.UrlTokens.ContainsKey(token);
            await EmulatorHost.Text(ctx, known ? "<html><body>Aspera on Cloud public link</body></html>" : "<html><body>Link not found</body></html>", "text/html", known ? 200 : 404);
            return;
        }
        string state = path == "/auth/ping" ? "/" : path + ctx.Request.QueryString;
        string redirect = Uri.EscapeDataString($"https://{org}.ibmaspera.com/auth/callback");
        ctx.Response.StatusCode = 302;
        ctx.Response.ContentType = "text/html";
        ctx.Response.Headers.Location = $"https://{org}.ibmaspera.com/oauth2/{org}/login?state={Uri.EscapeDataString(state)}&redirect_uri={redirect}";
        await Task.CompletedTask;
    }

    private static JsonArray Servers() =>
    [
        new JsonObject { ["id"] = "aws_us-east-1", ["cloud"] = "aws", ["region"] = "us-east-1", ["transfer_setup_url"] = "https://ats-aws-us-east-1.aspera.io" },
        new JsonObject { ["id"] = "ibm_eu-de", ["cloud"] = "softlayer", ["region"] = "eu-de", ["transfer_setup_url"] = "https://ats-sl-fra-all.aspera.io" },
    ];

    private async Task Reminder(HttpContext ctx)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        if (body["email"]?.ToString() is not { Length: > 0 } email) { await Unprocessable(ctx, "invalid", "Email can't be blank"); return; }
        lock (_state.Lock) _state.Reminders.Add(email);
        await EmulatorHost.Json(ctx, new JsonObject(), 201);
    }

    private async Task UrlTokenCheck(HttpContext ctx)
    {
        JsonObject? token;
        lock (_state.Lock) token = _state.UrlTokens.GetValueOrDefault(ctx.Request.Query["token"].ToString());
        if (token is null) await NotFound(ctx);
        else await EmulatorHost.Json(ctx, new JsonObject { ["password_protected"] = token["password_protected"]!.DeepClone(), ["purpose"] = token["purpose"]!.ToString() });
    }
}
