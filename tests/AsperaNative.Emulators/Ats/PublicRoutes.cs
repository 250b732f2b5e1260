using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static AsperaNative.Emulators.Ats.AtsEmulator;

namespace AsperaNative.Emulators.Ats;

/// <summary><c>/pub/v1</c>: server list (no auth), access keys and AWS trust policy (ATS API key), <c>servers</c> seen by an access key.</summary>
internal static class PublicRoutes
{
    public static void Map(RouteGroupBuilder pub, AtsStore store)
    {
        pub.MapGet("/servers/{cloud}", (HttpContext ctx, string cloud)
            => EmulatorHost.Json(ctx, new JsonArray([.. store.Servers(cloud).Select(static s => (JsonNode)s)])));
        pub.MapGet("/servers/{cloud}/{region}", (HttpContext ctx, string cloud, string region)
            => store.Servers(cloud, region) is [var first, ..]
                ? EmulatorHost.Json(ctx, first)
                : Error(ctx, 404, "Not Found", $"No transfer server for cloud {cloud} in region {region}"));
        // with access key credentials: the transfer server of that key
        pub.MapGet("/servers", ctx =>
        {
            var pair = EmulatorHost.Basic(ctx);
            var key = pair is { } p ? store.AccessKeyByCredentials(p.User, p.Password) : null;
            if (key is null) return Error(ctx, 401, "Unauthorized", "Invalid access key credentials");
            return store.Server(key["transfer_server_id"]?.ToString() ?? "") is { } server
                ? EmulatorHost.Json(ctx, server)
                : Error(ctx, 404, "Not Found", "Transfer server of the access key not found");
        });

        var keys = pub.MapGroup("/access_keys");
        keys.MapGet("", ctx => WithApiKey(ctx, store, key =>
        {
            int offset = int.TryParse(ctx.Request.Query["offset"], CultureInfo.InvariantCulture, out int o) ? Math.Max(0, o) : 0;
            int max = int.TryParse(ctx.Request.Query["max_results"], CultureInfo.InvariantCulture, out int m) ? Math.Clamp(m, 1, 1000) : 100;
            var all = store.AccessKeysOf(key.InstanceId);
            var page = all.Skip(offset).Take(max).Select(static k => (JsonNode)WithoutSecret(k)).ToArray();
            return EmulatorHost.Json(ctx, new JsonObject { ["data"] = new JsonArray(page), ["remaining"] = Math.Max(0, all.Count - offset - page.Length) });
        }));
        keys.MapPost("", ctx => WithApiKey(ctx, store, async key =>
        {
            if (await EmulatorHost.Body(ctx) is not JsonObject body) { await Error(ctx, 400, "Bad Request", "A JSON object is expected"); return; }
            string? serverId = body["transfer_server_id"]?.ToString();
            if (serverId is null) { await Error(ctx, 400, "Bad Request", "transfer_server_id is required"); return; }
            if (store.Server(serverId) is null) { await Error(ctx, 400, "Bad Request", $"Unknown transfer server: {serverId}"); return; }
            if (body["storage"]?["type"] is null) { await Error(ctx, 400, "Bad Request", "storage.type is required"); return; }
            if (store.AddAccessKey(key.InstanceId, body, key.Id) is not { } created) { await Error(ctx, 409, "Conflict", $"Access key {body["id"]} already exists"); return; }
            await EmulatorHost.Json(ctx, created, 201);
        }));
        keys.MapGet("/{id}", (HttpContext ctx, string id) => WithApiKey(ctx, store, key
            => store.AccessKey(key.InstanceId, id) is { } found ? EmulatorHost.Json(ctx, WithoutSecret(found)) : NotFound(ctx, id)));
        keys.MapPut("/{id}", (HttpContext ctx, string id) => WithApiKey(ctx, store, async key =>
        {
            if (await EmulatorHost.Body(ctx) is not JsonObject body) { await Error(ctx, 400, "Bad Request", "A JSON object is expected"); return; }
            if (body["id"] is { } bodyId && bodyId.ToString() != id) { await Error(ctx, 400, "Bad Request", "id cannot be changed"); return; }
            if (!store.UpdateAccessKey(key.InstanceId, id, body)) { await NotFound(ctx, id); return; }
            await EmulatorHost.Json(ctx, WithoutSecret(store.AccessKey(key.InstanceId, id)!));
        }));
        keys.MapDelete("/{id}", (HttpContext ctx, string id) => WithApiKey(ctx, store, key =>
        {
            if (!store.RemoveAccessKey(key.InstanceId, id)) return NotFound(ctx, id);
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));

        pub.MapGet("/aws/trustpolicy", ctx => WithApiKey(ctx, store, key =>
        {
            string region = ctx.Request.Query["region"].ToString();
            if (region.Length == 0) return Error(ctx, 400, "Bad Request", "region is required");
            return EmulatorHost.Json(ctx, new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::123456789012:role/ats-{region}" },
                    ["Action"] = "sts:AssumeRole",
                    ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["sts:ExternalId"] = key.InstanceId } },
                }),
            });
        }));
    }

    /// <summary>Runs <paramref name="action"/> for a valid ATS API key (Basic), else answers 401.</summary>
    private static Task WithApiKey(HttpContext ctx, AtsStore store, Func<AtsApiKey, Task> action)
    {
        var pair = EmulatorHost.Basic(ctx);
        var key = pair is { } p ? store.ApiKey(p.User) : null;
        return key is not null && key.Secret == pair!.Value.Password ? action(key) : Error(ctx, 401, "Unauthorized", "Invalid ATS API key or secret");
    }

    private static Task NotFound(HttpContext ctx, string id) => Error(ctx, 404, "Not Found", $"Access key {id} not found");

    private static JsonObject WithoutSecret(JsonObject key)
    {
        key.Remove("secret");
        return key;
    }
}
