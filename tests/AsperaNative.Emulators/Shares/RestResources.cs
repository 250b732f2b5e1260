using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Shares;

/// <summary>
/// One collection of the admin API and what it allows (null: the verb is refused). Callers hold the store lock.
/// <see cref="Name"/> makes the not-found message (<c>Share not found</c>).
/// </summary>
internal sealed record Resource(
    string Name,
    Func<IEnumerable<JsonObject>> List,
    Func<JsonObject, (JsonObject? Created, string? Error)>? Create = null,
    Func<JsonObject, JsonObject, string?>? Update = null,
    Func<int, bool>? Delete = null)
{
    public JsonObject? Find(int id) => List().FirstOrDefault(i => EntityList.Id(i) == id);
}

/// <summary>
/// Routes of REST collections and singletons in Shares' style: JSON arrays and objects, 201 on create,
/// 204 on delete, errors as <c>{"error":{"user_message":…}}</c> (404 not found, 422 invalid, 405 refused).
/// </summary>
internal static class RestResources
{
    public static Task Error(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = new JsonObject { ["user_message"] = message } }, status);

    /// <summary>
    /// Maps <c>GET pattern</c>, <c>POST pattern</c>, <c>GET/PUT/DELETE pattern/{id}</c>. <paramref name="resolve"/>
    /// gives the collection for the route values, or the not-found message of its parent.
    /// </summary>
    public static void Map(WebApplication app, SharesEmulator shares, string pattern, Func<HttpContext, (Resource? Resource, string? Missing)> resolve)
    {
        app.MapGet(pattern, ctx => Run(shares, ctx, resolve, null, static (ctx, r, _, _) =>
        {
            var items = r.List().Where(i => ctx.Request.Query.All(q => !i.ContainsKey(q.Key) || i[q.Key]?.ToString() == q.Value.ToString()));
            return EmulatorHost.Json(ctx, new JsonArray([.. items.Select(static i => i.DeepClone())]));
        }));
        app.MapPost(pattern, ctx => Run(shares, ctx, resolve, null, static (ctx, r, _, body) =>
        {
            if (r.Create is null) return Error(ctx, 405, "Method not allowed");
            var (created, error) = r.Create(body);
            return created is null ? Error(ctx, 422, error!) : EmulatorHost.Json(ctx, created.DeepClone(), 201);
        }));
        app.MapGet(pattern + "/{id}", ctx => Run(shares, ctx, resolve, Id(ctx), static (ctx, _, item, _) => EmulatorHost.Json(ctx, item!.DeepClone())));
        app.MapPut(pattern + "/{id}", ctx => Run(shares, ctx, resolve, Id(ctx), static (ctx, r, item, body) =>
        {
            if (r.Update is null) return Error(ctx, 405, "Method not allowed");
            return r.Update(item!, body) is { } error ? Error(ctx, 422, error) : EmulatorHost.Json(ctx, item!.DeepClone());
        }));
        app.MapDelete(pattern + "/{id}", ctx => Run(shares, ctx, resolve, Id(ctx), static (ctx, r, item, _) =>
        {
            if (r.Delete is null) return Error(ctx, 405, "Method not allowed");
            r.Delete(EntityList.Id(item!));
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
    }

    /// <summary>A singleton (transfer settings, application authorizations): <c>GET</c> shows, <c>PUT</c> merges the body.</summary>
    public static void MapSingleton(WebApplication app, SharesEmulator shares, string pattern, Func<HttpContext, (JsonObject? Value, string? Missing)> resolve)
    {
        app.MapGet(pattern, ctx => Singleton(shares, ctx, resolve, null));
        app.MapPut(pattern, async ctx => await Singleton(shares, ctx, resolve, await EmulatorHost.Body(ctx) as JsonObject ?? []));
    }

    private static async Task Singleton(SharesEmulator shares, HttpContext ctx, Func<HttpContext, (JsonObject? Value, string? Missing)> resolve, JsonObject? update)
    {
        if (!await AdminApiRoutes.Administrator(shares, ctx)) return;
        JsonNode? answer;
        string? missing;
        lock (shares.Store.Lock)
        {
            (var value, missing) = resolve(ctx);
            if (value is not null && update is not null)
                foreach (var (key, v) in update)
                    if (key is not "errors" and not "id") value[key] = v?.DeepClone();
            answer = value?.DeepClone();
        }
        await (answer is null ? Error(ctx, 404, missing ?? "Not found") : EmulatorHost.Json(ctx, answer));
    }

    private static int? Id(HttpContext ctx) => int.TryParse(ctx.Request.RouteValues["id"]?.ToString(), out int id) ? id : -1;

    private static async Task Run(SharesEmulator shares, HttpContext ctx, Func<HttpContext, (Resource? Resource, string? Missing)> resolve, int? id,
        Func<HttpContext, Resource, JsonObject?, JsonObject, Task> action)
    {
        if (!await AdminApiRoutes.Administrator(shares, ctx)) return;
        var body = ctx.Request.Method is "POST" or "PUT" ? await EmulatorHost.Body(ctx) as JsonObject ?? [] : [];
        Task reply;
        lock (shares.Store.Lock)
        {
            var (resource, missing) = resolve(ctx);
            if (resource is null) reply = Error(ctx, 404, missing ?? "Not found");
            else if (id is { } wanted && resource.Find(wanted) is not { } item) reply = Error(ctx, 404, $"{resource.Name} not found");
            else reply = action(ctx, resource, id is null ? null : resource.Find(id.Value), body);
        }
        await reply;
    }

    /// <summary>An integer route value.</summary>
    public static int Route(HttpContext ctx, string name) => int.TryParse(ctx.Request.RouteValues[name]?.ToString(), out int v) ? v : -1;
}
