using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// Packages: creation (a folder with <c>contents</c> on the workspace node), <c>PUT</c> by the sender
/// (<c>sent</c>, <c>transfers_expected</c>…) or by a recipient (its own <c>archived</c> state), lists
/// with AoC's filters (received, sent, archived, has_content, completed, dropbox_id,
/// exclude_dropbox_packages, workspace_id, sort). Content fields (has_content, bytes_transferred,
/// files_completed, completed) are read from the node storage, so a real transfer shows.
/// </summary>
internal sealed partial class AocRoutes
{
    private async Task Packages(HttpContext ctx, AocCaller caller, string? id)
    {
        var table = _state["packages"];
        switch (ctx.Request.Method, id)
        {
            case ("GET", null): await List(ctx, table, items => PackageSelection(items, ctx.Request.Query, caller), p => PackageView(p, caller)); return;
            case ("POST", null): await CreatePackage(ctx, caller); return;
            case ("GET", { } one):
                JsonNode? answer;
                lock (_state.Lock) answer = table.Find(one) is { } p && PackageVisible(p, caller) ? PackageView(p, caller) : null;
                if (answer is null) await NotFound(ctx);
                else await EmulatorHost.Json(ctx, answer);
                return;
            case ("PUT", { } one): await ModifyPackage(ctx, caller, one); return;
            case ("DELETE", { } one):
                int status;
                lock (_state.Lock)
                {
                    var p = table.Find(one);
                    if (p is null || !PackageVisible(p, caller)) status = 404;
                    else if (caller.Admin || Sender(p) == caller.UserId)
                    {
                        table.Remove(one);
                        if (aoc.Seed.PathOfFile(p["file_id"]!.ToString()) is { } folder) Directory.Delete(folder, true);
                        status = 204;
                    }
                    else
                    {
                        RecipientState(p, caller.UserId!)["deleted"] = true;
                        status = 204;
                    }
                }
                if (status == 404) await NotFound(ctx);
                else ctx.Response.StatusCode = status;
                return;
            default: await Error(ctx, 405, "method_not_allowed", "Method Not Allowed"); return;
        }
    }

    private async Task CreatePackage(HttpContext ctx, AocCaller caller)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        (int Status, string Code, string Message)? problem = null;
        JsonObject? created = null;
        lock (_state.Lock)
        {
            var link = caller.UrlToken is { } t ? _state.UrlTokens.GetValueOrDefault(t) : null;
            string wsId = body["workspace_id"]?.ToString() ?? "";
            var ws = _state["workspaces"].Find(wsId);
            var sender = _state.User(caller.UserId);
            var recipients = new JsonArray();
            if (ws is null) problem = (422, "invalid", "Workspace must exist");
            else if (link is null && (sender is null || !caller.Admin && !_state.InWorkspace(sender["id"]!.ToString(), wsId))) problem = (403, "forbidden", "You are not authorized to perform this action");
            else if (link is not null && link["purpose"]?.ToString() is not ("send_package_to_user" or "send_package_to_dropbox")) problem = (403, "forbidden", "You are not authorized to perform this action");
            else
                foreach (var r in (body["recipients"] as JsonArray ?? []).Concat(body["bcc_recipients"] as JsonArray ?? []))
                {
                    string type = r?["type"]?.ToString() ?? "", rid = r?["id"]?.ToString() ?? "";
                    var entity = type switch { "user" => _state.User(rid), "dropbox" => _state["dropboxes"].Find(rid), "group" => _state["groups"].Find(rid), _ => null };
                    if (entity is null) { problem = (422, "invalid", $"Recipient not found: {type} {rid}"); break; }
                    if ((body["recipients"] as JsonArray)?.Contains(r) == true) recipients.Add((JsonNode)aoc.Seed.Recipient(entity));
                }
            if (problem is null && recipients.Count == 0) problem = (422, "invalid", "Recipients can't be blank");
            if (problem is null)
            {
                created = aoc.Seed.NewPackage(ws!, sender, body["name"]?.ToString(), recipients, body);
                if (caller.UrlToken is { } token) created["created_by_url_token"] = token;
                _state["packages"].Add(created);
                created = PackageView(created, caller);
            }
        }
        if (problem is { } p) await Error(ctx, p.Status, p.Code, p.Message);
        else await EmulatorHost.Json(ctx, created, 201);
    }

    private async Task ModifyPackage(HttpContext ctx, AocCaller caller, string id)
    {
        if (await ObjectBody(ctx) is not { } body) return;
        JsonObject? answer = null;
        lock (_state.Lock)
        {
            var p = _state["packages"].Find(id);
            if (p is not null && PackageVisible(p, caller))
            {
                bool sender = caller.Admin || Sender(p) == caller.UserId || caller.UrlToken is not null && p["created_by_url_token"]?.ToString() == caller.UrlToken;
                foreach (var (key, value) in body)
                {
                    if (key is "archived" or "read" && caller.UserId is { } user) RecipientState(p, user)[key] = value?.DeepClone();
                    else if (sender && key is "sent" or "transfers_expected" or "name" or "note" or "metadata" or "expires_at") p[key] = value?.DeepClone();
                }
                if (body["sent"]?.GetValue<bool>() == true) p["sent_at"] ??= AocState.Now();
                answer = PackageView(p, caller);
            }
        }
        if (answer is null) await NotFound(ctx);
        else await EmulatorHost.Json(ctx, answer);
    }

    private IEnumerable<JsonObject> PackageSelection(IEnumerable<JsonObject> all, IQueryCollection query, AocCaller caller)
    {
        bool Flag(string name, out bool value)
        {
            value = query[name] == "true";
            return query.ContainsKey(name);
        }
        string? user = caller.UserId;
        string dropbox = query["dropbox_id"].ToString(), workspace = query["workspace_id"].ToString();
        var items = all.Where(p => PackageVisible(p, caller));
        if (workspace.Length > 0) items = items.Where(p => p["workspace_id"]?.ToString() == workspace);
        if (dropbox.Length > 0) items = items.Where(p => Recipients(p).Any(r => r.Type == "dropbox" && r.Id == dropbox) && (caller.Admin || user is not null && _state.InDropbox(user, dropbox)));
        if (Flag("received", out bool received) && received && user is not null)
            items = items.Where(p => dropbox.Length > 0 || ReceivesDirectly(p, user) || !ExcludesDropboxes(query, dropbox) && ReceivesByDropbox(p, user));
        if (Flag("exclude_dropbox_packages", out bool exclude) && exclude && user is not null)
            items = items.Where(p => ReceivesDirectly(p, user) || Sender(p) == user);
        if (Flag("sent", out bool sent)) items = items.Where(p => (Sender(p) == user) == sent && (!sent || p["sent"]?.GetValue<bool>() == true));
        if (Flag("archived", out bool archived) && user is not null) items = items.Where(p => (RecipientState(p, user)["archived"]?.GetValue<bool>() == true) == archived);
        if (Flag("has_content", out bool content)) items = items.Where(p => (ContentFiles(p).Count > 0) == content);
        if (Flag("completed", out bool completed)) items = items.Where(p => Completed(p) == completed);
        if (user is not null) items = items.Where(p => RecipientState(p, user)["deleted"]?.GetValue<bool>() != true);
        string sort = query["sort"].ToString().TrimStart('-');
        bool descending = query["sort"].ToString().StartsWith('-');
        if (sort is "received_at" or "sent_at" or "created_at" or "name")
        {
            string Key(JsonObject p) => sort == "name" ? p["name"]?.ToString() ?? "" : p["sent_at"]?.ToString() ?? p["created_at"]!.ToString();
            items = descending ? items.OrderByDescending(Key, StringComparer.Ordinal) : items.OrderBy(Key, StringComparer.Ordinal);
        }
        return items;
    }

    private static bool ExcludesDropboxes(IQueryCollection query, string dropbox) => query["exclude_dropbox_packages"] == "true" && dropbox.Length == 0;

    /// <summary>The package as the caller sees it: stored fields plus content and caller state fields.</summary>
    private JsonObject PackageView(JsonObject p, AocCaller caller)
    {
        var copy = (JsonObject)p.DeepClone();
        copy.Remove("created_by_url_token");
        var files = ContentFiles(p);
        long bytes = files.Sum(static f => f.Length);
        copy["has_content"] = files.Count > 0;
        copy["completed"] = Completed(p);
        copy["bytes_transferred"] = bytes;
        copy["files_completed"] = files.Count;
        copy["transfers_completed"] = files.Count > 0 ? 1 : 0;
        copy["received_at"] = p["sent_at"]?.DeepClone();
        if (caller.UserId is { } user && _state.PackageStates.TryGetValue($"{p["id"]}|{user}", out var state))
            foreach (var (k, v) in state) copy[k] = v?.DeepClone();
        copy["archived"] ??= false;
        return copy;
    }

    private bool Completed(JsonObject p) => p["sent"]?.GetValue<bool>() == true && ContentFiles(p).Count > 0;

    private List<FileInfo> ContentFiles(JsonObject p)
        => aoc.Seed.PathOfFile(p["contents_file_id"]!.ToString()) is { } folder && Directory.Exists(folder)
            ? [.. new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)]
            : [];

    private bool PackageVisible(JsonObject p, AocCaller caller)
    {
        if (caller.Admin) return true;
        if (caller.UrlToken is { } token)
            return _state.UrlTokens.GetValueOrDefault(token) is { } link
                && (link["data"]?["package_id"]?.ToString() == p["id"]!.ToString() || p["created_by_url_token"]?.ToString() == token);
        return caller.UserId is { } user && (Sender(p) == user || ReceivesDirectly(p, user) || ReceivesByDropbox(p, user));
    }

    private static string? Sender(JsonObject p) => p["sender"]?["id"]?.ToString();

    private static IEnumerable<(string Type, string Id)> Recipients(JsonObject p)
        => (p["recipients"] as JsonArray ?? []).Concat(p["bcc_recipients"] as JsonArray ?? []).Select(static r => (r?["type"]?.ToString() ?? "", r?["id"]?.ToString() ?? ""));

    private bool ReceivesDirectly(JsonObject p, string user)
    {
        var groups = _state.GroupsOf(user);
        return Recipients(p).Any(r => r.Type == "user" && r.Id == user || r.Type == "group" && groups.Contains(r.Id));
    }

    private bool ReceivesByDropbox(JsonObject p, string user) => Recipients(p).Any(r => r.Type == "dropbox" && _state.InDropbox(user, r.Id));

    private JsonObject RecipientState(JsonObject p, string user)
    {
        string key = $"{p["id"]}|{user}";
        if (!_state.PackageStates.TryGetValue(key, out var state)) _state.PackageStates[key] = state = [];
        return state;
    }
}
