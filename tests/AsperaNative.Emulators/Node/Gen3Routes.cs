using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Node.NodeEmulator;

namespace AsperaNative.Emulators.Node;

/// <summary>Gen3 calls on paths below the caller's root: browse (count/skip paging), create, delete, rename, space, search, setups.</summary>
internal static class Gen3Routes
{
    public static void Map(WebApplication app, NodeStore store)
    {
        app.MapGet("/info", ctx => Json(ctx, Info()));
        app.MapGet("/license", ctx => Json(ctx, new JsonObject { ["license"] = new JsonObject { ["customer_name"] = "Emulator" }, ["product_name"] = "IBM Aspera High-Speed Transfer Server", ["product_version"] = "4.4.5" }));
        app.MapPost("/services/soap/Transfer-201210", ctx => { ctx.Response.ContentType = "text/xml"; return ctx.Response.WriteAsync("<ok/>"); });
        app.MapPost("/files/browse", async ctx =>
        {
            var body = await Body(ctx) ?? new JsonObject();
            string root = Root(ctx);
            string? full = NodeStore.Resolve(root, body["path"]?.ToString() ?? "/");
            if (full is null || !(File.Exists(full) || Directory.Exists(full))) { await Error(ctx, 404, 404, "Not Found", "File not found"); return; }
            var self = Entry(root, full);
            if (!Directory.Exists(full)) { await Json(ctx, new JsonObject { ["self"] = self, ["items"] = new JsonArray(), ["item_count"] = 0, ["total_count"] = 0 }); return; }
            var all = Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal).ToList();
            int count = body["count"]?.GetValue<int>() ?? 100, skip = body["skip"]?.GetValue<int>() ?? 0;
            var items = new JsonArray([.. all.Skip(skip).Take(count).Select(e => (JsonNode)Entry(root, e))]);
            await Json(ctx, new JsonObject { ["self"] = self, ["items"] = items, ["item_count"] = items.Count, ["total_count"] = all.Count });
        });
        app.MapPost("/files/create", ctx => Paths(ctx, (root, item) =>
        {
            string full = Check(root, item["path"]);
            switch (item["type"]?.ToString())
            {
                case "directory": Directory.CreateDirectory(full); break;
                case "file": File.WriteAllBytes(full, Convert.FromBase64String(item["contents"]?.ToString() ?? "")); break;
                case "symbolic_link": File.CreateSymbolicLink(full, Check(root, item["target"]?["path"])); break;
                default: throw new IOException("unsupported type");
            }
            store.AddEvent("file.created", new JsonObject { ["path"] = item["path"]?.ToString() });
        }));
        app.MapPost("/files/delete", ctx => Paths(ctx, (root, item) =>
        {
            string full = Check(root, item["path"]);
            if (Directory.Exists(full)) Directory.Delete(full, true);
            else if (File.Exists(full)) File.Delete(full);
            else throw new FileNotFoundException("No such file or directory");
        }));
        app.MapPost("/files/rename", ctx => Paths(ctx, (root, item) =>
        {
            string folder = Check(root, item["path"]);
            string from = Check(folder, item["source"]), to = Check(folder, item["destination"]);
            if (Directory.Exists(from)) Directory.Move(from, to);
            else File.Move(from, to);
        }));
        app.MapPost("/space", async ctx =>
        {
            var drive = new DriveInfo(store.Docroot);
            var paths = new JsonArray();
            foreach (var p in (await Body(ctx))?["paths"] as JsonArray ?? [])
                paths.Add((JsonNode)new JsonObject { ["path"] = p?["path"]?.ToString(), ["bytes_total"] = drive.TotalSize, ["bytes_free"] = drive.AvailableFreeSpace, ["percent_free"] = (int)(100 * drive.AvailableFreeSpace / drive.TotalSize) });
            await Json(ctx, new JsonObject { ["paths"] = paths });
        });
        app.MapPost("/files/search", async ctx =>
        {
            var body = await Body(ctx) ?? new JsonObject();
            string root = Root(ctx);
            string full = NodeStore.Resolve(root, body["path"]?.ToString() ?? "/") ?? root;
            var items = new JsonArray([.. Directory.EnumerateFileSystemEntries(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(e => (JsonNode)Entry(root, e))]);
            await Json(ctx, new JsonObject { ["items"] = items, ["item_count"] = items.Count, ["total_count"] = items.Count, ["parameters"] = new JsonObject { ["path"] = body["path"]?.ToString() } });
        });
        app.MapGet("/files/{path}/contents", async (HttpContext ctx, string path) =>
        {
            string? full = NodeStore.Resolve(Root(ctx), Uri.UnescapeDataString(path));
            if (full is null || !File.Exists(full)) { await Error(ctx, 404, 404, "Not Found", "File not found"); return; }
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.SendFileAsync(full);
        });
        // sync_setup authorizes an async session (its request's type: sync_upload, sync_download or sync)
        foreach (string direction in new[] { "upload", "download", "sync" })
            app.MapPost($"/files/{direction}_setup", async ctx =>
            {
                var request = (await Body(ctx))?["transfer_requests"]?[0]?["transfer_request"] as JsonObject ?? [];
                var spec = new JsonObject
                {
                    ["direction"] = direction == "upload" || request["type"]?.ToString() == "sync_upload" ? "send" : "receive",
                    ["remote_host"] = "127.0.0.1", ["remote_user"] = "xfer", ["ssh_port"] = 33001, ["fasp_port"] = 33001,
                    ["token"] = "ATV7_emulated", ["paths"] = request["paths"]?.DeepClone(),
                };
                // the node's upload authorization carries the destination folder
                if (direction == "upload") spec["destination_root"] = request["paths"]?[0]?["destination"]?.ToString() ?? "/";
                await Json(ctx, new JsonObject { ["transfer_specs"] = new JsonArray(new JsonObject { ["transfer_spec"] = spec }) });
            });
        app.MapGet("/events", ctx =>
        {
            var q = ctx.Request.Query;
            if (q["iteration_token"].ToString() is { Length: > 0 } token && !long.TryParse(token, out _))
                return Error(ctx, 400, 400, "Bad Request", "Invalid iteration_token");
            return Json(ctx, store.SelectEvents(q["type"], q["iteration_token"], q["access_key"]));
        });
    }

    internal static JsonObject Info() => new()
    {
        ["version"] = "4.4.5.1234",
        ["current_time"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["os"] = "Linux", ["transfer_user"] = "xfer",
        ["capabilities"] = new JsonArray(new JsonObject { ["name"] = "auth_bearer", ["value"] = true }),
        ["settings"] = new JsonArray(new JsonObject { ["name"] = "wss_enabled", ["value"] = false }),
    };

    internal static string Root(HttpContext ctx) => (string)ctx.Items["root"]!;

    private static string Check(string root, JsonNode? path)
        => NodeStore.Resolve(root, path?.ToString() ?? "") ?? throw new UnauthorizedAccessException("path outside of docroot");

    internal static JsonObject Entry(string root, string full)
    {
        var info = new FileInfo(full);
        bool link = info.LinkTarget is not null, dir = Directory.Exists(full);
        return new JsonObject
        {
            ["path"] = NodeStore.ApiPath(root, full),
            ["basename"] = Path.GetFileName(full) is { Length: > 0 } n ? n : "/",
            ["type"] = link ? "symbolic_link" : dir ? "directory" : "file",
            ["size"] = dir ? 4096 : info.Length,
            ["mtime"] = (dir ? Directory.GetLastWriteTimeUtc(full) : info.LastWriteTimeUtc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["permissions"] = new JsonArray(new JsonObject { ["name"] = "view" }, new JsonObject { ["name"] = "edit" }, new JsonObject { ["name"] = "delete" }),
        };
    }

    /// <summary>The <c>{"paths":[…]}</c> calls: one answer per path, with the node's error object when it failed.</summary>
    private static async Task Paths(HttpContext ctx, Action<string, JsonObject> action)
    {
        string root = Root(ctx);
        var result = new JsonArray();
        foreach (var item in ((await Body(ctx))?["paths"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var answer = new JsonObject { ["path"] = item["path"]?.ToString() };
            try { action(root, item); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                answer["error"] = new JsonObject { ["code"] = 500, ["reason"] = "Error", ["user_message"] = e is FileNotFoundException ? "No such file or directory" : e.Message };
            }
            result.Add((JsonNode)answer);
        }
        await Json(ctx, new JsonObject { ["paths"] = result });
    }
}
