using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex5.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsperaNative.Emulators.Faspex5.Routes;

/// <summary>Who may use an entity's routes.</summary>
internal enum Access
{
    Admin,
    /// <summary>any user reads; admins write</summary>
    UserRead,
}

/// <summary>Hooks that specialise the generic create/list/show/modify/delete of one entity kind.</summary>
internal sealed class CrudHooks
{
    /// <summary>checks or completes a creation body (caller id given), under the state lock</summary>
    public Func<JsonObject, int, JsonObject>? Create { get; init; }
    /// <summary>the list before query filters (default: the collection)</summary>
    public Func<HttpContext, int, IEnumerable<JsonObject>>? List { get; init; }
    public Action<JsonObject>? Deleted { get; init; }
    /// <summary>updates an entity before it is shown (time-driven state, like job status)</summary>
    public Action<JsonObject>? Showing { get; init; }
}

/// <summary>
/// The generic entity routes: <c>GET P</c> (page of the filtered list), <c>POST P</c> (201 + entity),
/// <c>GET|PUT|DELETE P/{id}</c>; the collection may depend on route values (members of a group…).
/// </summary>
internal static class Crud
{
    public static void Map(IEndpointRouteBuilder routes, Faspex5Emulator f5, string path, Func<HttpContext, EntityCollection> collection,
        Access access = Access.Admin, CrudHooks? hooks = null)
    {
        hooks ??= new CrudHooks();
        routes.MapGet(path, ctx => Run(ctx, () =>
        {
            int user = Check(ctx, f5, access, write: false);
            var c = collection(ctx);
            var items = hooks.List?.Invoke(ctx, user) ?? c.Items;
            return Faspex5Http.Page(ctx, c.ListKey, EntityCollection.Filter(items, Faspex5Http.QueryPairs(ctx)), f5.DefaultPageSize);
        }));
        routes.MapPost(path, async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Run(ctx, () =>
            {
                int user = Check(ctx, f5, access, write: true);
                if (hooks.Create is not null) body = hooks.Create(body, user);
                return collection(ctx).Add(body).DeepClone();
            }, 201);
        });
        routes.MapGet(path + "/{id}", (HttpContext ctx, string id) => Run(ctx, () =>
        {
            Check(ctx, f5, access, write: false);
            var entity = collection(ctx).Get(id);
            hooks.Showing?.Invoke(entity);
            return entity.DeepClone();
        }));
        routes.MapPut(path + "/{id}", async (HttpContext ctx, string id) =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Run(ctx, () =>
            {
                Check(ctx, f5, access, write: true);
                return collection(ctx).Update(id, body).DeepClone();
            });
        });
        routes.MapDelete(path + "/{id}", (HttpContext ctx, string id) => Run(ctx, () =>
        {
            Check(ctx, f5, access, write: true);
            var c = collection(ctx);
            var entity = c.Get(id);
            c.Remove(id);
            hooks.Deleted?.Invoke(entity);
            return null;
        }, 204));
    }

    /// <summary>Runs <paramref name="compute"/> under the state lock and writes its JSON (or nothing for 204).</summary>
    public static Task Run(HttpContext ctx, Func<JsonNode?> compute, int status = 200)
    {
        JsonNode? result;
        lock (StateOf(ctx).Sync) result = compute();
        return status == 204 ? Faspex5Http.NoContent(ctx) : Faspex5Http.Ok(ctx, result, status);
    }

    private static Faspex5State StateOf(HttpContext ctx) => ((Faspex5Emulator)ctx.Items[nameof(Faspex5Emulator)]!).State;

    private static int Check(HttpContext ctx, Faspex5Emulator f5, Access access, bool write)
        => access == Access.Admin || write ? f5.AdminOf(ctx) : Faspex5Emulator.UserOf(ctx);
}
