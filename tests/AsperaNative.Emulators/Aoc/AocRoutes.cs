using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// Request dispatch by Host then path. API errors have AoC's body
/// <c>{"error":{"code","user_message","request_id"}}</c>; lists page with <c>page</c>/<c>per_page</c>
/// (at most 1000) and answer <c>X-Total-Count</c>.
/// </summary>
internal sealed partial class AocRoutes(AocEmulator aoc, NodeForwarder forwarder)
{
    public const int MaxPerPage = 1000;
    public const int DefaultPerPage = 100;

    private readonly AocState _state = aoc.State;
    private readonly AocOAuth _oauth = aoc.OAuth;

    /// <summary>Tables a user scope may read (the rest of the admin entities need <c>admin:all</c>).</summary>
    private static readonly HashSet<string> UserReadable = new(StringComparer.Ordinal) { "dropboxes", "contacts", "short_links", "workflow_instances" };

    public async Task Dispatch(HttpContext ctx)
    {
        string host = ctx.Request.Host.Host;
        if (forwarder.Handles(ctx)) { await forwarder.Forward(ctx); return; }
        if (host.Equals($"{_state.Organization}.ibmaspera.com", StringComparison.OrdinalIgnoreCase)) { await OrgPage(ctx); return; }
        if (host.Equals(AocEmulator.ShortLinkHost, StringComparison.OrdinalIgnoreCase)) { await ShortLinkRedirect(ctx); return; }
        if (!AocEmulator.IsApiHost(ctx)) { await EmulatorHost.Text(ctx, "unknown host", "text/plain", 404); return; }
        string path = ctx.Request.Path.Value ?? "/";
        string method = ctx.Request.Method;
        // OAuth and the calls that need no token
        if (path.StartsWith("/api/v1/oauth2/", StringComparison.Ordinal))
        {
            string[] p = path["/api/v1/oauth2/".Length..].Split('/');
            if (p is ["token"] && method == "POST") await _oauth.Token(ctx, null);
            else if (p is [var org, "token"] && method == "POST") await _oauth.Token(ctx, org);
            else if (p is [_, "authorize"] && method == "GET") await _oauth.Authorize(ctx);
            else await Error(ctx, 404, "not_found", "Not Found");
            return;
        }
        if (path == "/api/v1/servers" && method == "GET") { await EmulatorHost.Json(ctx, Servers()); return; }
        if (path == "/api/v1/organization_reminders" && method == "POST") { await Reminder(ctx); return; }
        if (path == "/api/v1/env/url_token_check" && method == "GET") { await UrlTokenCheck(ctx); return; }
        var caller = _oauth.Verify(EmulatorHost.Bearer(ctx));
        if (caller is null) { await Error(ctx, 401, "invalid_token", "The access token is invalid or has expired"); return; }
        if (path.StartsWith("/api/v1/admin/ats/pub/v1/", StringComparison.Ordinal)) { await Ats(ctx, caller, path["/api/v1/admin/ats/pub/v1/".Length..]); return; }
        if (path.StartsWith("/api/v1/", StringComparison.Ordinal)) { await Api(ctx, caller, path["/api/v1/".Length..]); return; }
        if (path.StartsWith("/analytics/v2/", StringComparison.Ordinal)) { await Analytics(ctx, caller, path["/analytics/v2/".Length..]); return; }
        if (path.StartsWith("/automation/v1/", StringComparison.Ordinal)) { await Automation(ctx, caller, path["/automation/v1/".Length..]); return; }
        if (path == "/bss/platform/graphql" && method == "POST") { await Graphql(ctx); return; }
        await Error(ctx, 404, "not_found", "Not Found");
    }

    /// <summary>The <c>/api/v1/…</c> resources.</summary>
    private async Task Api(HttpContext ctx, AocCaller caller, string rest)
    {
        string method = ctx.Request.Method;
        string[] p = rest.TrimEnd('/').Split('/');
        switch (p)
        {
            case ["organization"]: await Organization(ctx, caller); return;
            case ["self"]: await Self(ctx, caller); return;
            case ["tier_restrictions"] when method == "GET": await EmulatorHost.Json(ctx, Locked(() => _state.TierRestrictions.DeepClone())); return;
            case ["url_tokens"] when method == "GET": await UrlTokens(ctx, caller); return;
            case ["events"] when method == "POST": await Event(ctx); return;
            case ["users", var id, "user_interaction_preferences"]: await Preferences(ctx, caller, id); return;
            case ["workspaces", ..]: await Workspaces(ctx, caller, p.Length > 1 ? p[1] : null); return;
            case ["dropbox_memberships"] when method == "GET" && !caller.Admin: await MyDropboxMemberships(ctx, caller); return;
            case ["contacts"] when method == "GET" && ctx.Request.Query.ContainsKey("current_workspace_id"): await Contacts(ctx, caller); return;
            case ["contacts"] when method == "POST": await CreateContact(ctx, caller); return;
            case ["short_links", ..]: await ShortLinks(ctx, caller, p.Length > 1 ? p[1] : null); return;
            case ["packages", ..]: await Packages(ctx, caller, p.Length > 1 ? p[1] : null); return;
            case ["nodes", var nodeId] when method == "GET": await Show(ctx, _state["nodes"], nodeId); return;
            case ["dropboxes"] when method == "GET" && ctx.Request.Query["current_workspace_id"].ToString() is { Length: > 0 } inWorkspace:
                await List(ctx, _state["dropboxes"], items => items.Where(d => d["workspace_id"]?.ToString() == inWorkspace));
                return;
            case ["admin", "client_registration", "token"] when method == "POST":
                if (!caller.Admin) { await Forbidden(ctx); return; }
                await Create(ctx, _state["admin/client_registration_tokens"], caller);
                return;
        }
        // generic entity tables: the longest table path that prefixes the request path
        var table = _state.Tables.Values.Where(t => rest == t.Path || rest.StartsWith(t.Path + "/", StringComparison.Ordinal)).MaxBy(t => t.Path.Length);
        if (table is null || table.Path.StartsWith("automation/", StringComparison.Ordinal) || table.Path.StartsWith("ats/", StringComparison.Ordinal))
        {
            await Error(ctx, 404, "not_found", "Not Found");
            return;
        }
        string? itemId = rest.Length > table.Path.Length ? rest[(table.Path.Length + 1)..].TrimEnd('/') : null;
        bool ownUser = table.Path == "users" && itemId is not null && itemId == caller.UserId;
        bool mayRead = caller.Admin || UserReadable.Contains(table.Path) || ownUser;
        bool mayWrite = caller.Admin || ownUser && method == "PUT";
        if (method == "GET" ? !mayRead : !mayWrite) { await Forbidden(ctx); return; }
        await Crud(ctx, table, itemId, caller);
    }

    // ---- generic CRUD ----

    internal async Task Crud(HttpContext ctx, EntityTable table, string? id, AocCaller caller)
    {
        switch (ctx.Request.Method, id)
        {
            case ("GET", null): await List(ctx, table, null); break;
            case ("POST", null): await Create(ctx, table, caller); break;
            case ("GET", { } one): await Show(ctx, table, one); break;
            case ("PUT", { } one): await Modify(ctx, table, one); break;
            case ("DELETE", { } one): await Delete(ctx, table, one); break;
            default: await Error(ctx, 405, "method_not_allowed", "Method Not Allowed"); break;
        }
    }

    /// <summary>A filtered, sorted page of <paramref name="items"/> (default: the whole table) with <c>X-Total-Count</c>.</summary>
    internal async Task List(HttpContext ctx, EntityTable table, Func<IEnumerable<JsonObject>, IEnumerable<JsonObject>>? select, Func<JsonObject, JsonNode>? project = null)
    {
        var query = ctx.Request.Query;
        int perPage = Math.Clamp(int.TryParse(query["per_page"], out int pp) ? pp : DefaultPerPage, 1, MaxPerPage);
        int page = Math.Max(1, int.TryParse(query["page"], out int pg) ? pg : 1);
        JsonArray data;
        int total;
        lock (_state.Lock)
        {
            IEnumerable<JsonObject> pageItems;
            if (select is null && table.OnlyPages(query))
            {
                total = table.Count;
                pageItems = table.Slice((page - 1) * perPage, perPage);
            }
            else
            {
                var filtered = EntityTable.Filter(select is null ? table.All() : select(table.All()), query, table.HasField).ToList();
                total = filtered.Count;
                pageItems = filtered.Skip((page - 1) * perPage).Take(perPage);
            }
            data = new JsonArray([.. pageItems.Select(i => project is null ? i.DeepClone() : project(i))]);
        }
        ctx.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        await EmulatorHost.Json(ctx, data);
    }

    internal async Task Show(HttpContext ctx, EntityTable table, string id)
    {
        JsonNode? item;
        lock (_state.Lock) item = table.Find(id)?.DeepClone();
        if (item is null) await NotFound(ctx);
        else await EmulatorHost.Json(ctx, item);
    }

    internal async Task Create(HttpContext ctx, EntityTable table, AocCaller caller)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        JsonObject? created = null;
        (string Code, string Message)? problem;
        lock (_state.Lock)
        {
            problem = Invalid(table, body, creating: true);
            if (problem is null)
            {
                created = NewEntity(table, body, caller);
                table.Add(created);
                created = (JsonObject)created.DeepClone();
            }
        }
        if (problem is { } p) await Unprocessable(ctx, p.Code, p.Message);
        else await EmulatorHost.Json(ctx, created, 201);
    }

    private async Task Modify(HttpContext ctx, EntityTable table, string id)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        JsonNode? answer = null;
        (string Code, string Message)? problem = null;
        bool found;
        lock (_state.Lock)
        {
            var item = table.FindForUpdate(id);
            found = item is not null;
            if (item is not null)
            {
                problem = Invalid(table, body, creating: false, except: item);
                if (problem is null)
                {
                    foreach (var (key, value) in body) item[key] = value?.DeepClone();
                    item["updated_at"] = AocState.Now();
                    answer = item.DeepClone();
                }
            }
        }
        if (!found) await NotFound(ctx);
        else if (problem is { } p) await Unprocessable(ctx, p.Code, p.Message);
        else await EmulatorHost.Json(ctx, answer);
    }

    private async Task Delete(HttpContext ctx, EntityTable table, string id)
    {
        bool removed;
        lock (_state.Lock) removed = table.Remove(id);
        if (!removed) await NotFound(ctx);
        else ctx.Response.StatusCode = 204;
    }

    private (string Code, string Message)? Invalid(EntityTable table, JsonObject body, bool creating, JsonObject? except = null)
    {
        var unpermitted = body.Select(static kv => kv.Key).Where(table.ReadOnlyFields.Contains).ToList();
        if (unpermitted.Count > 0) return ("unpermitted_parameters", "found unpermitted parameters: " + string.Join(", ", unpermitted.Select(static u => ":" + u)));
        if (creating)
            foreach (string field in table.RequiredFields)
                if (body[field] is null || body[field]!.ToString().Length == 0)
                    return ("invalid", $"{char.ToUpperInvariant(field[0])}{field[1..].Replace('_', ' ')} can't be blank");
        if (table.UniqueName && body["name"]?.ToString() is { } name
            && table.All().Any(i => i != except && string.Equals(i["name"]?.ToString(), name, StringComparison.OrdinalIgnoreCase)))
            return ("invalid", "Name has already been taken");
        return null;
    }

    /// <summary>An entity as the API creates it: id, the caller's fields, defaults of its kind, timestamps.</summary>
    private JsonObject NewEntity(EntityTable table, JsonObject body, AocCaller caller)
    {
        var item = new JsonObject { ["id"] = _state.NewId() };
        foreach (var (key, value) in body) item[key] = value?.DeepClone();
        switch (table.Path)
        {
            case "users":
                item["name"] ??= item["email"]?.DeepClone();
                item["organization_id"] = _state.Org["id"]!.ToString();
                item["deactivated"] ??= false;
                item["organization_admin"] ??= false;
                item["default_workspace_id"] ??= null;
                item["public_key"] ??= null;
                item["last_login_at"] = null;
                break;
            case "nodes":
                if (item["url"]?.ToString() is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)) item["host"] ??= uri.Host;
                break;
            case "workspaces":
                aoc.Seed.PrepareWorkspace(item);
                break;
            case "clients":
                item["secret"] ??= Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
                item["jwt_grant_enabled"] ??= false;
                break;
            case "admin/client_registration_tokens":
                item["value"] = "crt_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
                item["token"] = item["value"]!.ToString();
                break;
            case "automation/workflows":
                item["status"] ??= "draft";
                item["created_by"] = caller.UserId;
                break;
        }
        item["created_at"] = AocState.Now();
        item["updated_at"] = item["created_at"]!.ToString();
        return item;
    }

    // ---- helpers ----

    private T Locked<T>(Func<T> read)
    {
        lock (_state.Lock) return read();
    }

    /// <summary>The JSON object body, or null after answering 400.</summary>
    internal static async Task<JsonObject?> ObjectBody(HttpContext ctx)
    {
        if (await EmulatorHost.Body(ctx) is JsonObject body) return body;
        await Error(ctx, 400, "bad_request", "Request body must be a JSON object");
        return null;
    }

    internal static Task Error(HttpContext ctx, int status, string code, string message)
        => EmulatorHost.Json(ctx, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["user_message"] = message, ["request_id"] = Guid.NewGuid().ToString() },
        }, status);

    internal static Task NotFound(HttpContext ctx) => Error(ctx, 404, "not_found", "Record not found");
    internal static Task Forbidden(HttpContext ctx) => Error(ctx, 403, "forbidden", "You are not authorized to perform this action");
    internal static Task Unprocessable(HttpContext ctx, string code, string message) => Error(ctx, 422, code, message);
}
