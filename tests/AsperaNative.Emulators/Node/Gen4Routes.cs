using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Node.NodeEmulator;

namespace AsperaNative.Emulators.Node;

/// <summary>Gen4 calls on file ids: show, list (pages of 1000 linked by <c>iteration_token</c>, <c>name</c> filter), create folder, rename, delete, content, permissions.</summary>
internal static class Gen4Routes
{
    public const int PageSize = 1000;

    public static void Map(WebApplication app, NodeStore store)
    {
        app.MapGet("/files/{id}", async (HttpContext ctx, string id) =>
        {
            if (Find(ctx, store, id) is { } full) await Json(ctx, Entry(store, full, Gen3Routes.Root(ctx)));
            else await NotFound(ctx);
        });
        app.MapGet("/files/{id}/files", async (HttpContext ctx, string id) =>
        {
            if (Find(ctx, store, id) is not { } full || !Directory.Exists(full)) { await NotFound(ctx); return; }
            // name: only the entry of that name (how ascli finds one folder)
            string name = ctx.Request.Query["name"].ToString();
            var all = Directory.EnumerateFileSystemEntries(full).Where(e => name.Length == 0 || Path.GetFileName(e) == name).Order(StringComparer.Ordinal).ToList();
            int offset = int.TryParse(ctx.Request.Query["iteration_token"], out int o) ? o : 0;
            var page = all.Skip(offset).Take(PageSize).Select(e => (JsonNode)Entry(store, e, Gen3Routes.Root(ctx))).ToArray();
            ctx.Response.Headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
            if (offset + PageSize < all.Count)
                ctx.Response.Headers["Link"] = $"<{ctx.Request.Scheme}://{ctx.Request.Host}/files/{id}/files?iteration_token={offset + PageSize}>; rel=\"next\"";
            await Json(ctx, new JsonArray(page));
        });
        app.MapPost("/files/{id}/files", async (HttpContext ctx, string id) =>
        {
            var body = await Body(ctx) ?? new JsonObject();
            if (Find(ctx, store, id) is not { } full) { await NotFound(ctx); return; }
            string target = Path.Combine(full, body["name"]?.ToString() ?? "new");
            if (body["type"]?.ToString() == "folder") Directory.CreateDirectory(target);
            else File.WriteAllText(target, "");
            await Json(ctx, Entry(store, target, Gen3Routes.Root(ctx)), 201);
        });
        app.MapPut("/files/{id}", async (HttpContext ctx, string id) =>
        {
            var body = await Body(ctx) ?? new JsonObject();
            if (Find(ctx, store, id) is not { } full) { await NotFound(ctx); return; }
            if (body["name"]?.ToString() is { } name)
            {
                string to = Path.Combine(Path.GetDirectoryName(full)!, name);
                if (Directory.Exists(full)) Directory.Move(full, to); else File.Move(full, to);
                store.Moved(full, to);
                full = to;
            }
            await Json(ctx, Entry(store, full, Gen3Routes.Root(ctx)));
        });
        app.MapDelete("/files/{id}", async (HttpContext ctx, string id) =>
        {
            if (Find(ctx, store, id) is not { } full) { await NotFound(ctx); return; }
            if (Directory.Exists(full)) Directory.Delete(full, true); else File.Delete(full);
            ctx.Response.StatusCode = 204;
        });
        app.MapGet("/files/{id}/content", async (HttpContext ctx, string id) =>
        {
            if (Find(ctx, store, id) is not { } full || !File.Exists(full)) { await NotFound(ctx); return; }
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.SendFileAsync(full);
        });
        app.MapGet("/permissions", (HttpContext ctx) =>
        {
            string fileId = ctx.Request.Query["file_id"].ToString();
            lock (store.Permissions)
                return Json(ctx, new JsonArray([.. store.Permissions.Where(p => p["file_id"]?.ToString() == fileId).Select(static p => p.DeepClone())]));
        });
        app.MapPost("/permissions", async ctx =>
        {
            var body = await Body(ctx) as JsonObject ?? [];
            lock (store.Permissions)
            {
                body["id"] = (store.Permissions.Count + 1).ToString(CultureInfo.InvariantCulture);
                store.Permissions.Add(body);
            }
            await Json(ctx, body.DeepClone(), 201);
        });
        app.MapDelete("/permissions/{id}", (HttpContext ctx, string id) =>
        {
            lock (store.Permissions) store.Permissions.RemoveAll(p => p["id"]?.ToString() == id);
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private static Task NotFound(HttpContext ctx) => Error(ctx, 404, 404, "Not Found", "File not found");

    /// <summary>The path of a file id, only if inside the caller's root.</summary>
    private static string? Find(HttpContext ctx, NodeStore store, string id)
    {
        string root = Gen3Routes.Root(ctx);
        store.IdOf(root);
        string? full = store.PathOf(id);
        return full is not null && (full == root || full.StartsWith(root + "/", StringComparison.Ordinal)) ? full : null;
    }

    internal static JsonObject Entry(NodeStore store, string full, string? root = null)
    {
        bool dir = Directory.Exists(full);
        var info = new FileInfo(full);
        var entry = new JsonObject
        {
            ["id"] = store.IdOf(full),
            ["name"] = Path.GetFileName(full),
            ["type"] = info.LinkTarget is not null ? "link" : dir ? "folder" : "file",
            ["size"] = dir ? 0 : info.Length,
            ["modified_time"] = (dir ? Directory.GetLastWriteTimeUtc(full) : info.LastWriteTimeUtc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["access_level"] = "edit",
        };
        if (store.EntriesWithPath && root is not null) entry["path"] = NodeStore.ApiPath(root, full);
        return entry;
    }
}
