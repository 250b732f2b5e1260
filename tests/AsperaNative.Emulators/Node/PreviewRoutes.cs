using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Node.NodeEmulator;

namespace AsperaNative.Emulators.Node;

/// <summary>
/// Gen4 previews: <c>GET /files/{id}/preview</c> (<c>Accept: image/png</c>) answers the PNG set by the test with
/// <see cref="SetPreview"/> for a file of the caller's root, else the node's 404.
/// </summary>
public static class PreviewRoutes
{
    private static readonly ConditionalWeakTable<NodeStore, ConcurrentDictionary<string, byte[]>> Previews = [];

    /// <summary>Gives the file <paramref name="fullPath"/> (in the docroot) a preview picture</summary>
    public static void SetPreview(this NodeEmulator node, string fullPath, byte[] png)
    {
        ArgumentNullException.ThrowIfNull(node);
        Previews.GetOrCreateValue(node.Store)[node.Store.IdOf(fullPath)] = png;
    }

    internal static void Map(WebApplication app, NodeStore store)
    {
        app.MapGet("/files/{id}/preview", async (HttpContext ctx, string id) =>
        {
            string root = Gen3Routes.Root(ctx);
            string? full = store.PathOf(id);
            bool inside = full is not null && full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (!inside || !Previews.GetOrCreateValue(store).TryGetValue(id, out var png))
            {
                await Error(ctx, 404, 404, "Not Found", "No preview for this file");
                return;
            }
            if (!ctx.Request.Headers.Accept.ToString().Contains("image/png", StringComparison.Ordinal))
            {
                await Error(ctx, 406, 406, "Not Acceptable", "Preview is only available as image/png");
                return;
            }
            ctx.Response.ContentType = "image/png";
            await ctx.Response.Body.WriteAsync(png);
        });
    }
}
