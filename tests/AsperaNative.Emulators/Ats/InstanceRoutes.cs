using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Iam;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static AsperaNative.Emulators.Ats.AtsEmulator;

namespace AsperaNative.Emulators.Ats;

/// <summary>
/// <c>/v2</c> with an IBM Cloud IAM bearer token: the account's ATS instances, and the ATS API keys of
/// the instance named by <c>X-ATS-Service-Instance-Id</c>. Lists are <c>{"data":[…],"remaining":n}</c>.
/// </summary>
internal static class InstanceRoutes
{
    public const string InstanceHeader = "X-ATS-Service-Instance-Id";

    public static void Map(RouteGroupBuilder v2, AtsStore store, IamService iam)
    {
        v2.MapGet("/instances", ctx => WithAccount(ctx, iam, who
            => EmulatorHost.Json(ctx, new JsonObject { ["data"] = new JsonArray([.. store.InstancesOf(who.AccountId).Select(static i => (JsonNode)i)]), ["remaining"] = 0 })));
        v2.MapGet("/api_keys", ctx => WithInstance(ctx, store, iam, instance =>
        {
            int offset = int.TryParse(ctx.Request.Query["offset"], CultureInfo.InvariantCulture, out int o) ? Math.Max(0, o) : 0;
            int max = int.TryParse(ctx.Request.Query["max_results"], CultureInfo.InvariantCulture, out int m) ? Math.Clamp(m, 1, 1000) : 100;
            var all = store.ApiKeysOf(instance);
            var page = all.Skip(offset).Take(max).Select(static k => (JsonNode)k.Id).ToArray();
            return EmulatorHost.Json(ctx, new JsonObject { ["data"] = new JsonArray(page), ["remaining"] = Math.Max(0, all.Count - offset - page.Length) });
        }));
        v2.MapPost("/api_keys", ctx => WithInstance(ctx, store, iam, async instance =>
        {
            var body = await EmulatorHost.Body(ctx);
            if (body is not null and not JsonObject) { await Error(ctx, 400, "Bad Request", "A JSON object is expected"); return; }
            var key = store.AddApiKey(instance);
            var answer = Show(key);
            answer["secret"] = key.Secret;
            foreach (var (name, value) in body as JsonObject ?? [])
                if (!answer.ContainsKey(name)) answer[name] = value?.DeepClone();
            await EmulatorHost.Json(ctx, answer, 201);
        }));
        v2.MapGet("/api_keys/{id}", (HttpContext ctx, string id) => WithInstance(ctx, store, iam, instance
            => store.ApiKey(id) is { } key && key.InstanceId == instance ? EmulatorHost.Json(ctx, Show(key)) : Error(ctx, 404, "Not Found", $"API key {id} not found")));
        v2.MapDelete("/api_keys/{id}", (HttpContext ctx, string id) => WithInstance(ctx, store, iam, instance =>
        {
            if (!store.RemoveApiKey(instance, id)) return Error(ctx, 404, "Not Found", $"API key {id} not found");
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
    }

    private static JsonObject Show(AtsApiKey key) => new() { ["id"] = key.Id, ["instance_id"] = key.InstanceId };

    private static Task WithAccount(HttpContext ctx, IamService iam, Func<IamIdentity, Task> action)
        => iam.Validate(EmulatorHost.Bearer(ctx)) is { } who ? action(who) : Error(ctx, 401, "Unauthorized", "Invalid or expired IAM token");

    private static Task WithInstance(HttpContext ctx, AtsStore store, IamService iam, Func<string, Task> action) => WithAccount(ctx, iam, who =>
    {
        string instance = ctx.Request.Headers[InstanceHeader].ToString();
        if (instance.Length == 0) return Error(ctx, 400, "Bad Request", $"Missing header {InstanceHeader}");
        return store.InstanceOwnedBy(instance, who.AccountId) ? action(instance) : Error(ctx, 403, "Forbidden", $"Instance {instance} is not accessible with this token");
    });
}
