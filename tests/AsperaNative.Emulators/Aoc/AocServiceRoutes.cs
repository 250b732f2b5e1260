using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// The services beside <c>/api/v1</c> on the API host: analytics (<c>/analytics/v2</c>, scope
/// admin-user:all), automation (<c>/automation/v1</c>; its errors are <c>{"error":"…"}</c>), the BSS
/// GraphQL endpoint (subscription) and ATS through AoC (<c>/api/v1/admin/ats/pub/v1</c>).
/// </summary>
internal sealed partial class AocRoutes
{
    private async Task Analytics(HttpContext ctx, AocCaller caller, string rest)
    {
        if (!caller.AdminUser) { await Forbidden(ctx); return; }
        string[] p = rest.TrimEnd('/').Split('/');
        var query = ctx.Request.Query;
        if (p is ["organizations", var orgId, "application_events"])
        {
            JsonArray events;
            lock (_state.Lock) events = orgId == _state.Org["id"]!.ToString() ? new JsonArray([.. _state.ApplicationEvents.Select(static e => e.DeepClone())]) : [];
            await EmulatorHost.Json(ctx, new JsonObject { ["application_events"] = events });
            return;
        }
        if (p is not [var resource and ("organizations" or "users" or "nodes"), var id, "transfers"]) { await Error(ctx, 404, "not_found", "Not Found"); return; }
        string start = query["start_time"].ToString(), stop = query["stop_time"].ToString();
        if (start.Length > 0 && stop.Length > 0 && DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var s)
            && DateTime.TryParse(stop, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var e) && (e - s) < TimeSpan.FromMinutes(5))
        {
            await Error(ctx, 400, "invalid_time_range", "The time range must be between 5 minutes and 6 months");
            return;
        }
        int limit = int.TryParse(query["limit"], out int l) ? l : 100;
        string field = resource switch { "organizations" => "organization_id", "users" => "user_id", _ => "node_id" };
        JsonArray transfers;
        lock (_state.Lock)
        {
            var selected = _state.TransferEvents.Where(t => t[field]?.ToString() == id);
            foreach (string key in new[] { "status", "direction" })
                if (query[key].ToString() is { Length: > 0 } wanted) selected = selected.Where(t => t[key]?.ToString() == wanted);
            if (start.Length > 0) selected = selected.Where(t => string.CompareOrdinal(t["stopped_at"]?.ToString(), start) >= 0);
            if (stop.Length > 0) selected = selected.Where(t => string.CompareOrdinal(t["stopped_at"]?.ToString(), stop) < 0);
            transfers = new JsonArray([.. selected.Take(limit).Select(static t => t.DeepClone())]);
        }
        await EmulatorHost.Json(ctx, new JsonObject { ["transfers"] = transfers, ["total_count"] = transfers.Count });
    }

    private async Task Automation(HttpContext ctx, AocCaller caller, string rest)
    {
        string[] p = rest.TrimEnd('/').Split('/');
        if (p is ["workflows", var wf, "launch"] && ctx.Request.Method == "POST")
        {
            JsonObject? instance = null;
            lock (_state.Lock)
                if (_state["automation/workflows"].Find(wf) is not null)
                {
                    instance = new JsonObject { ["id"] = _state.NewId(), ["workflow_id"] = wf, ["status"] = "running", ["created_by"] = caller.UserId, ["created_at"] = AocState.Now() };
                    _state["workflow_instances"].Add(instance);
                }
            if (instance is null) await AutomationError(ctx, 404, "Workflow not found");
            else await EmulatorHost.Json(ctx, instance.DeepClone(), 201);
            return;
        }
        if (p.Length is < 1 or > 2 || p[0] is not ("workflows" or "steps" or "actions")) { await AutomationError(ctx, 404, "Not found"); return; }
        var table = _state["automation/" + p[0]];
        if (ctx.Request.Method == "GET" && p.Length == 1 && ctx.Request.Query["show_org_workflows"] != "true")
        {
            await List(ctx, table, items => items.Where(w => caller.Admin || w["created_by"] is null || w["created_by"]?.ToString() == caller.UserId));
            return;
        }
        if (p.Length == 2 && ctx.Request.Method != "POST")
        {
            bool exists;
            lock (_state.Lock) exists = table.Find(p[1]) is not null;
            if (!exists) { await AutomationError(ctx, 404, $"{p[0].TrimEnd('s')} not found"); return; }
        }
        await Crud(ctx, table, p.Length == 2 ? p[1] : null, caller);
    }

    private static Task AutomationError(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = message }, status);

    /// <summary>BSS GraphQL: answers the <c>aoc(organization_id){bssSubscription{…}}</c> query of <c>admin subscription</c>.</summary>
    private async Task Graphql(HttpContext ctx)
    {
        var body = await EmulatorHost.Body(ctx);
        string query = body?["query"]?.ToString() ?? "", org = body?["variables"]?["organization_id"]?.ToString() ?? "";
        JsonNode answer;
        lock (_state.Lock)
            answer = !query.Contains("bssSubscription", StringComparison.Ordinal)
                ? new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "Unsupported query" }) }
                : org != _state.Org["id"]!.ToString()
                    ? new JsonObject { ["data"] = null, ["errors"] = new JsonArray(new JsonObject { ["message"] = $"Organization {org} not found" }) }
                    : new JsonObject { ["data"] = new JsonObject { ["aoc"] = new JsonObject { ["bssSubscription"] = _state.Subscription.DeepClone() } } };
        await EmulatorHost.Json(ctx, answer);
    }

    /// <summary>ATS access keys managed through AoC (<c>admin ats access_key …</c>): lists are <c>{"data":[…]}</c>.</summary>
    private async Task Ats(HttpContext ctx, AocCaller caller, string rest)
    {
        if (!caller.AdminUser) { await Forbidden(ctx); return; }
        string[] p = rest.TrimEnd('/').Split('/');
        var table = _state["ats/access_keys"];
        if (p is ["servers"]) { await EmulatorHost.Json(ctx, Servers()); return; }
        if (p is ["access_keys"] && ctx.Request.Method == "GET")
        {
            JsonArray data;
            lock (_state.Lock) data = new JsonArray([.. table.All().Select(static k => k.DeepClone())]);
            await EmulatorHost.Json(ctx, new JsonObject { ["data"] = data, ["total"] = data.Count });
            return;
        }
        if (p is not (["access_keys"] or ["access_keys", _])) { await Error(ctx, 404, "not_found", "Not Found"); return; }
        await Crud(ctx, table, p.Length == 2 ? p[1] : null, caller);
    }
}
