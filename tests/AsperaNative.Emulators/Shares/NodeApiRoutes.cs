using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Shares;

/// <summary>
/// The node API of Shares (<c>&lt;base&gt;/node_api</c>, Basic auth of a Shares user): <c>/</c> lists the shares the
/// user may browse (type <c>container</c>); <c>/&lt;share&gt;/…</c> is forwarded to the share's node with the
/// share's folder as root, after checking the user's share permission (browse, download, upload, mkdir,
/// rename, delete), and paths in answers are turned back into share paths. Transfer specs come from the
/// node, with absolute paths of its storage. <c>ping</c> answers a single space without authentication.
/// </summary>
internal static class NodeApiRoutes
{
    private sealed record Located(JsonObject Share, NodeTarget Node, string NodePath);

    private static JsonObject NodeError(int code, string reason, string message)
        => new() { ["code"] = code, ["reason"] = reason, ["user_message"] = message };

    private static readonly JsonObject ShareNotFound = NodeError(404, "Not Found", "Share not found or access denied");

    public static void Map(WebApplication app, SharesEmulator shares)
    {
        string b = shares.BasePath, n = b + "/node_api";
        app.MapGet(b + "/login", ctx => EmulatorHost.Text(ctx,
            $"<!DOCTYPE html>\n<html>\n<head><title>Aspera Shares</title></head>\n<body>\n<form action=\"{b}/login\" method=\"post\"></form>\n"
            + $"<div id=\"footer\">IBM Aspera Shares (v{SharesEmulator.Version})</div>\n</body>\n</html>\n", "text/html; charset=utf-8"));
        app.MapGet(n + "/ping", static ctx => EmulatorHost.Text(ctx, " ", "text/plain"));
        app.MapGet(n + "/app", ctx => WithUser(shares, ctx, _ => EmulatorHost.Json(ctx, new JsonObject { ["name"] = "Aspera Shares", ["version"] = SharesEmulator.Version })));
        app.MapGet(n + "/info", ctx => WithUser(shares, ctx, _ => Forward(shares, ctx, FirstNode(shares), HttpMethod.Get, "info", null)));
        app.MapPost(n + "/files/browse", ctx => WithUser(shares, ctx, user => Browse(shares, ctx, user)));
        app.MapPost(n + "/files/create", ctx => WithUser(shares, ctx, user => PerPath(shares, ctx, user, "files/create",
            static item => item["type"]?.ToString() == "directory" ? "mkdir" : "upload")));
        app.MapPost(n + "/files/delete", ctx => WithUser(shares, ctx, user => PerPath(shares, ctx, user, "files/delete", static _ => "delete")));
        app.MapPost(n + "/files/rename", ctx => WithUser(shares, ctx, user => PerPath(shares, ctx, user, "files/rename", static _ => "rename")));
        app.MapPost(n + "/space", ctx => WithUser(shares, ctx, user => PerPath(shares, ctx, user, "space", static _ => "browse")));
        foreach (string direction in new[] { "upload", "download" })
            app.MapPost($"{n}/files/{direction}_setup", ctx => WithUser(shares, ctx, user => Setup(shares, ctx, user, direction)));
        app.MapGet(n + "/files/{path}/contents", (HttpContext ctx, string path) => WithUser(shares, ctx, user => Contents(shares, ctx, user, Uri.UnescapeDataString(path))));
        app.MapFallback(n + "/{**rest}", ctx => WithUser(shares, ctx, _ => EmulatorHost.Json(ctx, new JsonObject { ["error"] = NodeError(404, "Not Found", "Not found") }, 404)));
    }

    private static async Task WithUser(SharesEmulator shares, HttpContext ctx, Func<JsonObject, Task> handler)
    {
        if (AdminApiRoutes.User(shares, ctx) is { } user) await handler(user);
        else await AdminApiRoutes.Unauthorized(ctx);
    }

    private static NodeTarget FirstNode(SharesEmulator shares)
    {
        lock (shares.Store.Lock) return shares.Store.NodeTargets.OrderBy(static t => t.Key).First().Value;
    }

    private static async Task Forward(SharesEmulator shares, HttpContext ctx, NodeTarget node, HttpMethod method, string path, JsonNode? body)
    {
        var (status, type, text) = await shares.Forwarder.Send(node, method, path, body);
        await EmulatorHost.Text(ctx, text, type ?? "application/json", status);
    }

    /// <summary>The share, node and node path of a share path, if the user holds the permission there.</summary>
    private static Located? Locate(SharesEmulator shares, JsonObject user, string? path, string permission)
    {
        string trimmed = (path ?? "").Trim('/');
        if (trimmed.Length == 0) return null;
        int slash = trimmed.IndexOf('/');
        string name = slash < 0 ? trimmed : trimmed[..slash], rest = slash < 0 ? "" : trimmed[(slash + 1)..];
        lock (shares.Store.Lock)
        {
            if (shares.Store.ShareByName(name) is not { } share || !shares.Store.Allowed(user, share, permission)) return null;
            if (shares.Store.NodeTargets.GetValueOrDefault(share["node_id"]?.GetValue<int>() ?? 0) is not { } node) return null;
            string folder = (share["directory"]?.ToString() ?? "/").TrimEnd('/');
            string nodePath = rest.Length == 0 ? (folder.Length == 0 ? "/" : folder) : folder + "/" + rest;
            return new Located((JsonObject)share.DeepClone(), node, nodePath);
        }
    }

    /// <summary>A node path back as a share path (<c>/&lt;share&gt;/…</c>).</summary>
    private static string SharePath(JsonObject share, string nodePath)
    {
        string folder = (share["directory"]?.ToString() ?? "/").TrimEnd('/'), name = "/" + share["name"];
        if (nodePath == folder || (folder.Length == 0 && nodePath == "/")) return name;
        return nodePath.StartsWith(folder + "/", StringComparison.Ordinal) ? name + nodePath[folder.Length..] : nodePath;
    }

    /// <summary>A node entry seen through the share: share path, and a share root shown as a container named like the share.</summary>
    private static JsonObject Through(JsonObject share, JsonObject entry)
    {
        string path = SharePath(share, entry["path"]?.ToString() ?? "/");
        entry["path"] = path;
        if (path == "/" + share["name"])
        {
            entry["basename"] = share["name"]?.ToString();
            entry["type"] = "container";
        }
        return entry;
    }

    private static async Task Browse(SharesEmulator shares, HttpContext ctx, JsonObject user)
    {
        var body = await EmulatorHost.Body(ctx) as JsonObject ?? [];
        string path = body["path"]?.ToString() ?? "/";
        if (path.Trim('/').Length == 0)
        {
            await EmulatorHost.Json(ctx, Root(shares, user, body));
            return;
        }
        if (Locate(shares, user, path, "browse") is not { } located)
        {
            await EmulatorHost.Json(ctx, new JsonObject { ["error"] = ShareNotFound.DeepClone() }, 404);
            return;
        }
        body["path"] = located.NodePath;
        var (status, type, text) = await shares.Forwarder.Send(located.Node, HttpMethod.Post, "files/browse", body);
        if (status != 200 || JsonNode.Parse(text) is not JsonObject answer) { await EmulatorHost.Text(ctx, text, type ?? "application/json", status); return; }
        if (answer["self"] is JsonObject self) Through(located.Share, self);
        foreach (var item in (answer["items"] as JsonArray ?? []).OfType<JsonObject>()) Through(located.Share, item);
        await EmulatorHost.Json(ctx, answer);
    }

    /// <summary>The root: one container per share the user may browse, paged by <c>count</c> and <c>skip</c>.</summary>
    private static JsonObject Root(SharesEmulator shares, JsonObject user, JsonObject body)
    {
        int count = int.TryParse(body["count"]?.ToString(), out int c) && c > 0 ? c : 100, skip = int.TryParse(body["skip"]?.ToString(), out int k) ? k : 0;
        List<JsonObject> visible;
        lock (shares.Store.Lock)
            visible = [.. shares.Store.Shares.Items.Where(s => shares.Store.Allowed(user, s, "browse")).OrderBy(static s => s["name"]?.ToString(), StringComparer.Ordinal)];
        JsonObject Container(string path, string name, string? created) => new()
        {
            ["path"] = path, ["basename"] = name, ["type"] = "container", ["size"] = 0, ["mtime"] = created,
            ["permissions"] = new JsonArray(new JsonObject { ["name"] = "view" }),
        };
        var items = new JsonArray([.. visible.Skip(skip).Take(count).Select(s => (JsonNode)Container("/" + s["name"], s["name"]!.ToString(), s["created_at"]?.ToString()))]);
        return new JsonObject
        {
            ["self"] = Container("/", "/", null), ["items"] = items, ["item_count"] = items.Count, ["total_count"] = visible.Count,
        };
    }

    /// <summary>The <c>{"paths":[…]}</c> calls, one node call per path, answers in order with the node's error objects.</summary>
    private static async Task PerPath(SharesEmulator shares, HttpContext ctx, JsonObject user, string endpoint, Func<JsonObject, string> permission)
    {
        var body = await EmulatorHost.Body(ctx) as JsonObject ?? [];
        var answers = new JsonArray();
        foreach (var item in (body["paths"] as JsonArray ?? []).OfType<JsonObject>())
        {
            string? path = item["path"]?.ToString();
            if (Locate(shares, user, path, permission(item)) is not { } located)
            {
                answers.Add((JsonNode)new JsonObject { ["path"] = path, ["error"] = ShareNotFound.DeepClone() });
                continue;
            }
            var forwarded = (JsonObject)item.DeepClone();
            forwarded["path"] = located.NodePath;
            if (forwarded["target"] is JsonObject target && Locate(shares, user, target["path"]?.ToString(), "browse") is { } linked) target["path"] = linked.NodePath;
            var (status, _, text) = await shares.Forwarder.Send(located.Node, HttpMethod.Post, endpoint, new JsonObject { ["paths"] = new JsonArray(forwarded) });
            var answer = status == 200 ? (JsonNode.Parse(text)?["paths"]?[0] as JsonObject)?.DeepClone() as JsonObject : null;
            answer ??= new JsonObject { ["path"] = path, ["error"] = NodeError(status, "Error", text) };
            if (answer["path"] is not null) answer["path"] = SharePath(located.Share, answer["path"]!.ToString());
            answers.Add((JsonNode)answer);
        }
        await EmulatorHost.Json(ctx, new JsonObject { ["paths"] = answers });
    }

    /// <summary>
    /// Upload and download setups: each transfer request goes to the node of its share (the first path
    /// decides it) with node paths; the node's spec comes back with absolute paths of the node's storage.
    /// </summary>
    private static async Task Setup(SharesEmulator shares, HttpContext ctx, JsonObject user, string direction)
    {
        var body = await EmulatorHost.Body(ctx) as JsonObject ?? [];
        string key = direction == "upload" ? "destination" : "source";
        var specs = new JsonArray();
        foreach (var request in (body["transfer_requests"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var transfer = (request["transfer_request"] as JsonObject)?.DeepClone() as JsonObject ?? [];
            var paths = (transfer["paths"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var first = Locate(shares, user, paths.FirstOrDefault()?[key]?.ToString(), direction);
            var located = paths.Select(p => Locate(shares, user, p[key]?.ToString(), direction)).ToList();
            if (first is null || located.Any(l => l is null || l.Share["id"]?.GetValue<int>() != first.Share["id"]?.GetValue<int>()))
            {
                specs.Add((JsonNode)new JsonObject { ["error"] = ShareNotFound.DeepClone() });
                continue;
            }
            for (int i = 0; i < paths.Count; i++) paths[i][key] = located[i]!.NodePath;
            var forwarded = new JsonObject { ["transfer_requests"] = new JsonArray(new JsonObject { ["transfer_request"] = transfer }) };
            var (status, _, text) = await shares.Forwarder.Send(first.Node, HttpMethod.Post, $"files/{direction}_setup", forwarded);
            if (status != 200 || JsonNode.Parse(text)?["transfer_specs"]?[0]?["transfer_spec"]?.DeepClone() is not JsonObject spec)
            {
                specs.Add((JsonNode)new JsonObject { ["error"] = NodeError(status, "Error", text) });
                continue;
            }
            if (first.Node.Emulator is { } node) Absolute(node, spec, key);
            specs.Add((JsonNode)new JsonObject { ["transfer_spec"] = spec });
        }
        await EmulatorHost.Json(ctx, new JsonObject { ["transfer_specs"] = specs });
    }

    /// <summary>The node's transfer user has no docroot in the emulation: paths become absolute paths of its storage.</summary>
    private static void Absolute(NodeEmulator node, JsonObject spec, string key)
    {
        string Abs(string nodePath) => NodeStore.Resolve(node.Store.Docroot, nodePath) ?? nodePath;
        if (key == "destination") spec["destination_root"] = Abs(spec["destination_root"]?.ToString() ?? "/");
        foreach (var p in (spec["paths"] as JsonArray ?? []).OfType<JsonObject>())
            if (p[key]?.ToString() is { } value) p[key] = Abs(value);
    }

    private static async Task Contents(SharesEmulator shares, HttpContext ctx, JsonObject user, string path)
    {
        if (Locate(shares, user, path, "download") is not { } located)
        {
            await EmulatorHost.Json(ctx, new JsonObject { ["error"] = ShareNotFound.DeepClone() }, 404);
            return;
        }
        using var answer = await shares.Forwarder.Get(located.Node, $"files/{Uri.EscapeDataString(located.NodePath)}/contents");
        ctx.Response.StatusCode = (int)answer.StatusCode;
        ctx.Response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        if (answer.Content.Headers.ContentLength is { } length) ctx.Response.ContentLength = length;
        await answer.Content.CopyToAsync(ctx.Response.Body);
    }
}
