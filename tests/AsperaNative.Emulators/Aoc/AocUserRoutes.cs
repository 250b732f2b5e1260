using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>Resources seen from the calling user: organization, self, preferences, workspaces, shared inbox memberships, contacts, url tokens, events.</summary>
internal sealed partial class AocRoutes
{
    private async Task Organization(HttpContext ctx, AocCaller caller)
    {
        if (ctx.Request.Method == "GET") { await EmulatorHost.Json(ctx, Locked(() => _state.Org.DeepClone())); return; }
        if (ctx.Request.Method != "PUT") { await Error(ctx, 405, "method_not_allowed", "Method Not Allowed"); return; }
        if (!caller.Admin) { await Forbidden(ctx); return; }
        if (await ObjectBody(ctx) is not { } body) return;
        JsonNode answer;
        lock (_state.Lock)
        {
            foreach (var (k, v) in body) if (k != "id") _state.Org[k] = v?.DeepClone();
            answer = _state.Org.DeepClone();
        }
        await EmulatorHost.Json(ctx, answer);
    }

    private async Task Self(HttpContext ctx, AocCaller caller)
    {
        if (caller.UserId is null) { await Forbidden(ctx); return; }
        if (ctx.Request.Method == "GET") { await Show(ctx, _state["users"], caller.UserId); return; }
        if (ctx.Request.Method == "PUT") { await Crud(ctx, _state["users"], caller.UserId, caller); return; }
        await Error(ctx, 405, "method_not_allowed", "Method Not Allowed");
    }

    private async Task Preferences(HttpContext ctx, AocCaller caller, string userId)
    {
        if (userId != caller.UserId && !caller.Admin) { await Forbidden(ctx); return; }
        JsonObject? body = null;
        if (ctx.Request.Method == "PUT" && (body = await ObjectBody(ctx)) is null) return;
        JsonNode? answer;
        lock (_state.Lock)
        {
            if (_state.User(userId) is null) answer = null;
            else
            {
                if (!_state.Preferences.TryGetValue(userId, out var prefs))
                    _state.Preferences[userId] = prefs = new JsonObject { ["id"] = userId, ["language"] = "en-US", ["email_notifications"] = true, ["packages_view"] = "list", ["files_sort"] = "name" };
                foreach (var (k, v) in body ?? []) if (k != "id") prefs[k] = v?.DeepClone();
                answer = prefs.DeepClone();
            }
        }
        if (answer is null) await NotFound(ctx);
        else await EmulatorHost.Json(ctx, answer);
    }

    /// <summary>
    /// Workspaces: a user scope sees the workspaces it is a member of, with its own
    /// <c>home_file_id</c>; <c>admin:all</c> sees and manages them all.
    /// </summary>
    private async Task Workspaces(HttpContext ctx, AocCaller caller, string? id)
    {
        var table = _state["workspaces"];
        string method = ctx.Request.Method;
        // the caller's home folder comes right after the home node, as AoC shows it
        JsonObject Project(JsonObject ws)
        {
            string? home = _state.User(caller.UserId) is { } user ? aoc.Seed.HomeFileId(ws, user) : null;
            var copy = new JsonObject();
            foreach (var (key, value) in ws)
            {
                copy[key] = value?.DeepClone();
                if (key == "home_node_id" && home is not null) copy["home_file_id"] = home;
            }
            return copy;
        }
        bool Visible(JsonObject ws) => caller.Admin || caller.UserId is { } u && _state.InWorkspace(u, ws["id"]!.ToString())
            || caller.UrlToken is { } t && _state.UrlTokens.GetValueOrDefault(t)?["data"]?["workspace_id"]?.ToString() == ws["id"]!.ToString();
        if (method == "GET" && id is null) { await List(ctx, table, items => items.Where(Visible), Project); return; }
        if (method == "GET")
        {
            JsonNode? answer;
            lock (_state.Lock) answer = table.Find(id!) is { } ws && Visible(ws) ? Project(ws) : null;
            if (answer is null) await NotFound(ctx);
            else await EmulatorHost.Json(ctx, answer);
            return;
        }
        if (!caller.Admin) { await Forbidden(ctx); return; }
        await Crud(ctx, table, id, caller);
    }

    /// <summary><c>dropbox_memberships</c> of the caller (direct or by group), shared inbox embedded, optionally one per inbox.</summary>
    private async Task MyDropboxMemberships(HttpContext ctx, AocCaller caller)
    {
        var query = ctx.Request.Query;
        bool embed = query["embed[]"].Contains("dropbox") || query["embed"].Contains("dropbox");
        bool aggregate = query["aggregate_permissions_by_dropbox"] == "true";
        string workspace = query["workspace_id"].ToString();
        IEnumerable<JsonObject> Select(IEnumerable<JsonObject> all)
        {
            if (caller.UserId is not { } user) return [];
            var groups = _state.GroupsOf(user);
            var mine = all.Where(m => m["member_type"]?.ToString() == "user" && m["member_id"]?.ToString() == user
                || m["member_type"]?.ToString() == "group" && groups.Contains(m["member_id"]?.ToString() ?? ""));
            if (workspace.Length > 0) mine = mine.Where(m => _state["dropboxes"].Find(m["dropbox_id"]!.ToString())?["workspace_id"]?.ToString() == workspace);
            if (aggregate) mine = mine.GroupBy(m => m["dropbox_id"]!.ToString()).Select(g => g.First());
            if (query["sort"] == "dropbox_name") mine = mine.OrderBy(m => _state["dropboxes"].Find(m["dropbox_id"]!.ToString())?["name"]?.ToString(), StringComparer.OrdinalIgnoreCase);
            return mine;
        }
        JsonNode Project(JsonObject m)
        {
            var copy = (JsonObject)m.DeepClone();
            if (embed) copy["dropbox"] = _state["dropboxes"].Find(m["dropbox_id"]!.ToString())?.DeepClone();
            return copy;
        }
        await List(ctx, _state["dropbox_memberships"], Select, Project);
    }

    /// <summary>
    /// Contacts of a workspace (<c>current_workspace_id</c>): its users and groups, the workspace itself,
    /// and the external contacts created for packages; each <c>{id, name, email, source_type, source_id}</c>.
    /// </summary>
    private async Task Contacts(HttpContext ctx, AocCaller caller)
    {
        string ws = ctx.Request.Query["current_workspace_id"].ToString();
        IEnumerable<JsonObject> Select(IEnumerable<JsonObject> explicitContacts)
        {
            var result = new List<JsonObject>();
            foreach (var m in _state["workspace_memberships"].All().Where(m => m["workspace_id"]?.ToString() == ws))
            {
                bool user = m["member_type"]?.ToString() == "user";
                var entity = user ? _state.User(m["member_id"]?.ToString()) : _state["groups"].Find(m["member_id"]!.ToString());
                if (entity is not null) result.Add(Contact(entity, user ? "user" : "group"));
            }
            if (_state["workspaces"].Find(ws) is { } workspace) result.Add(Contact(workspace, "workspace"));
            result.AddRange(explicitContacts.Where(c => c["workspace_id"]?.ToString() == ws));
            return result;
        }
        await List(ctx, _state["contacts"], Select);
    }

    private static JsonObject Contact(JsonObject entity, string type) => new()
    {
        ["id"] = $"{type}_{entity["id"]}", ["name"] = entity["name"]?.ToString(), ["email"] = entity["email"]?.ToString(),
        ["source_type"] = type, ["source_id"] = entity["id"]!.ToString(), ["workspace_id"] = null,
    };

    /// <summary>
    /// <c>POST contacts</c> for an unknown package recipient: an external user is created
    /// (<c>package_contact</c> true: no invitation; else invited into the workspace).
    /// </summary>
    private async Task CreateContact(HttpContext ctx, AocCaller caller)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        string email = body["email"]?.ToString() ?? "", ws = body["current_workspace_id"]?.ToString() ?? "";
        if (email.Length == 0) { await Unprocessable(ctx, "invalid", "Email can't be blank"); return; }
        JsonObject contact;
        lock (_state.Lock)
        {
            var user = _state.UserByEmail(email);
            if (user is null)
            {
                user = new JsonObject
                {
                    ["id"] = _state.NewId(), ["name"] = email, ["email"] = email, ["organization_id"] = _state.Org["id"]!.ToString(),
                    ["default_workspace_id"] = null, ["public_key"] = null, ["organization_admin"] = false, ["deactivated"] = false,
                    ["member_of_any_workspace"] = false, ["package_contact"] = body["package_contact"]?.GetValue<bool>() == true,
                    ["created_at"] = AocState.Now(), ["last_login_at"] = null,
                };
                _state["users"].Add(user);
                if (body["package_contact"]?.GetValue<bool>() != true && _state["workspaces"].Find(ws) is { } workspace) aoc.Seed.AddMemberUnlocked(workspace, user);
            }
            contact = Contact(user, "user");
            contact["id"] = _state.NewId();
            contact["workspace_id"] = ws;
            _state["contacts"].Add(contact);
        }
        await EmulatorHost.Json(ctx, contact.DeepClone(), 201);
    }

    /// <summary><c>GET url_tokens</c>: for a public-link caller its own link, else the links the user created.</summary>
    private async Task UrlTokens(HttpContext ctx, AocCaller caller)
    {
        JsonArray list;
        lock (_state.Lock)
            list = new JsonArray([.. _state.UrlTokens.Values
                .Where(t => caller.UrlToken is { } mine ? t["token"]!.ToString() == mine : t["created_by"]?.ToString() == caller.UserId)
                .Select(static t => new JsonObject { ["id"] = t["id"]!.ToString(), ["purpose"] = t["purpose"]!.ToString(), ["data"] = t["data"]!.DeepClone(), ["password_protected"] = t["password_protected"]!.DeepClone() })]);
        await EmulatorHost.Json(ctx, list);
    }

    private async Task Event(HttpContext ctx)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        lock (_state.Lock)
        {
            body["id"] = _state.NewId();
            body["created_at"] = AocState.Now();
            _state.Events.Add(body);
        }
        await EmulatorHost.Json(ctx, body.DeepClone(), 201);
    }
}
