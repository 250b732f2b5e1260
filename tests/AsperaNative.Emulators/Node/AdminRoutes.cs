using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Node.NodeEmulator;

namespace AsperaNative.Emulators.Node;

/// <summary>Access keys (<c>self</c> is the caller's) and transfers run by the node (files copied for real).</summary>
internal static class AdminRoutes
{
    public static void Map(WebApplication app, NodeStore store)
    {
        app.MapGet("/access_keys", ctx => Json(ctx, new JsonArray([.. store.AccessKeys.Values.Select(k => (JsonNode)Show(store, k))])));
        app.MapGet("/access_keys/{id}", async (HttpContext ctx, string id) =>
        {
            if (Key(ctx, store, id) is { } key) await Json(ctx, Show(store, key));
            else await Error(ctx, 404, 404, "Not Found", "Access key not found");
        });
        app.MapPost("/access_keys", async ctx =>
        {
            var body = await Body(ctx) ?? new JsonObject();
            string id = body["id"]?.ToString() ?? Guid.NewGuid().ToString("N");
            string root = NodeStore.Resolve(store.Docroot, body["storage"]?["path"]?.ToString() ?? "/") ?? store.Docroot;
            Directory.CreateDirectory(root);
            var key = new AccessKey(id, body["secret"]?.ToString() ?? "secret", root);
            store.AccessKeys[id] = key;
            await Json(ctx, Show(store, key), 201);
        });
        app.MapPut("/access_keys/{id}", async (HttpContext ctx, string id) =>
        {
            var body = await Body(ctx) ?? new JsonObject();
            if (Key(ctx, store, id) is not { } key) { await Error(ctx, 404, 404, "Not Found", "Access key not found"); return; }
            if (body["token_verification_key"]?.ToString() is { } pem) key.TokenVerificationKey = pem;
            if (body["secret"]?.ToString() is { } secret) key.Secret = secret;
            await Json(ctx, Show(store, key));
        });
        app.MapDelete("/access_keys/{id}", (HttpContext ctx, string id) =>
        {
            ctx.Response.StatusCode = store.AccessKeys.Remove(id) ? 204 : 404;
            return Task.CompletedTask;
        });
        app.MapPost("/ops/transfers", async ctx =>
        {
            var spec = await Body(ctx) as JsonObject ?? [];
            string id = Guid.NewGuid().ToString();
            var transfer = new JsonObject
            {
                ["id"] = id, ["status"] = "waiting", ["start_spec"] = spec.DeepClone(), ["bytes_transferred"] = 0,
                ["precalc"] = new JsonObject { ["status"] = "pending" },
            };
            lock (store.Transfers) store.Transfers[id] = transfer;
            string root = Gen3Routes.Root(ctx);
            if (store.TransfersTakeTime) _ = Task.Run(() => RunAsync(store, root, spec, transfer));
            else await RunAsync(store, root, spec, transfer);
            await Json(ctx, transfer.DeepClone());
        });
        app.MapGet("/ops/transfers", ctx =>
        {
            JsonArray all;
            lock (store.Transfers) all = [.. store.Transfers.Values.Select(static t => t.DeepClone())];
            foreach (var t in all) store.TransferStateRead(t!["id"]!.ToString());
            return Json(ctx, all);
        });
        app.MapGet("/ops/transfers/{id}", (HttpContext ctx, string id) =>
        {
            JsonNode? copy;
            lock (store.Transfers) copy = store.Transfers.TryGetValue(id, out var t) ? t.DeepClone() : null;
            if (copy is null) return Error(ctx, 404, 404, "Not Found", "Transfer not found");
            store.TransferStateRead(id);
            return Json(ctx, copy);
        });
    }

    private static AccessKey? Key(HttpContext ctx, NodeStore store, string id)
        => id == "self" ? ctx.Items["ak"] as AccessKey : store.AccessKeys.GetValueOrDefault(id);

    private static JsonObject Show(NodeStore store, AccessKey key) => new()
    {
        ["id"] = key.Id,
        ["root_file_id"] = store.IdOf(key.Root),
        ["secret"] = key.Secret,
        ["token_verification_key"] = key.TokenVerificationKey,
        ["storage"] = new JsonObject { ["type"] = "local", ["path"] = key.StoragePath ?? NodeStore.ApiPath(store.Docroot, key.Root) },
    };

    /// <summary>
    /// The node as a transfer client: sends its own files (sources below the caller's root) to the
    /// destination, or receives into its root; the remote side is this same host's file system. As a real
    /// node, the transfer is queued (<c>waiting</c>), then <c>running</c> with its size known and its bytes
    /// growing over a few status polls, then <c>completed</c> or <c>failed</c>.
    /// </summary>
    private static async Task RunAsync(NodeStore store, string root, JsonObject spec, JsonObject transfer)
    {
        string id = transfer["id"]!.ToString();
        // an immediate transfer is done before its creation answers: no state to hold
        Task HoldAsync(TimeSpan time) => store.TransfersTakeTime ? store.HoldTransferStateAsync(id, time) : Task.CompletedTask;
        await HoldAsync(store.TransferQueueTime);
        try
        {
            bool send = spec["direction"]?.ToString() == "send";
            string destination = spec["destination_root"]?.ToString() ?? "/";
            var copies = new List<(string From, string To)>();
            foreach (var p in (spec["paths"] as JsonArray ?? []).OfType<JsonObject>())
            {
                string source = p["source"]?.ToString() ?? "";
                string from = send ? NodeStore.Resolve(root, source) ?? throw new IOException("bad source") : Path.GetFullPath(source);
                string folder = send ? NodeStore.Resolve(store.Docroot, destination) ?? throw new IOException("bad destination") : NodeStore.Resolve(root, destination) ?? throw new IOException("bad destination");
                string to = Path.Combine(folder, p["destination"]?.ToString() ?? Path.GetFileName(from.TrimEnd('/')));
                if (Directory.Exists(from))
                {
                    // a folder is sent with its tree
                    foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                        copies.Add((f, Path.Combine(to, Path.GetRelativePath(from, f))));
                    continue;
                }
                if (!File.Exists(from)) throw new IOException($"No such file or directory: {source}");
                copies.Add((from, to));
            }
            long expected = copies.Sum(static c => new FileInfo(c.From).Length);
            Update(store, transfer, "running", 0, new JsonObject { ["status"] = "ready", ["bytes_expected"] = expected });
            var step = copies.Count == 0 ? store.TransferRunTime : store.TransferRunTime / copies.Count;
            long bytes = 0;
            foreach (var (from, to) in copies)
            {
                await HoldAsync(step / 2);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
                bytes += new FileInfo(to).Length;
                Update(store, transfer, "running", bytes, null);
                await HoldAsync(step / 2);
            }
            Update(store, transfer, "completed", bytes, null);
        }
        catch (IOException e)
        {
            lock (store.Transfers)
            {
                transfer["status"] = "failed";
                transfer["error_code"] = 2;
                transfer["error_desc"] = e.Message;
            }
        }
        store.AddEvent("transfer." + transfer["status"], new JsonObject { ["id"] = transfer["id"]?.ToString(), ["at"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture) });
    }

    private static void Update(NodeStore store, JsonObject transfer, string status, long bytes, JsonObject? precalc)
    {
        lock (store.Transfers)
        {
            transfer["status"] = status;
            transfer["bytes_transferred"] = bytes;
            if (precalc is not null) transfer["precalc"] = precalc;
        }
    }
}
