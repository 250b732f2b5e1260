using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex5.Routes;

/// <summary>
/// Folder browsing (<c>POST …/browse</c>, <c>…/files/received|sent</c>): body <c>{"path","filters":{"basenames":[…]}}</c>,
/// answer <c>{"items":[…]}</c> of <see cref="Faspex5Emulator.BrowsePageSize"/> entries, the next page announced by
/// the <c>X-Aspera-Next-Iteration-Token</c> header and asked with <c>?iteration_token=</c>.
/// </summary>
internal static class Browse
{
    private static readonly ConcurrentDictionary<string, (string Key, int Offset)> Tokens = new(StringComparer.Ordinal);

    /// <param name="root">folder the API paths are relative to</param>
    public static async Task Answer(HttpContext ctx, Faspex5Emulator f5, string root)
    {
        var body = await Faspex5Http.BodyObject(ctx, optional: true);
        string path = body["path"]?.ToString() ?? "/";
        var patterns = (body["filters"]?["basenames"] as JsonArray ?? []).Select(static b => Glob(b?.ToString() ?? "")).ToList();
        string? full = NodeStore.Resolve(Path.GetFullPath(root), path) ?? throw Faspex5Http.BadRequest($"Invalid path: {path}");
        if (!Directory.Exists(full) && !File.Exists(full)) throw new Faspex5Exception(404, $"Folder not found: {path}");
        var entries = Directory.Exists(full) ? Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal).ToList() : [full];
        if (patterns.Count > 0) entries = [.. entries.Where(e => patterns.Any(p => p.IsMatch(Path.GetFileName(e))))];
        string key = ctx.Request.Path + "\n" + full;
        int offset = 0;
        string token = ctx.Request.Query["iteration_token"].ToString();
        if (token.Length > 0)
        {
            if (!Tokens.TryRemove(token, out var state) || state.Key != key) throw Faspex5Http.BadRequest("Invalid iteration token");
            offset = state.Offset;
        }
        var page = entries.Skip(offset).Take(f5.BrowsePageSize).ToList();
        if (offset + page.Count < entries.Count)
        {
            string next = Guid.NewGuid().ToString("N");
            Tokens[next] = (key, offset + page.Count);
            ctx.Response.Headers[Faspex5Http.IterationTokenHeader] = next;
        }
        string apiRoot = Path.GetFullPath(root);
        await Faspex5Http.Ok(ctx, new JsonObject { ["items"] = new JsonArray([.. page.Select(e => (JsonNode)Item(apiRoot, e))]) });
    }

    public static JsonObject Item(string root, string full)
    {
        bool dir = Directory.Exists(full);
        var info = new FileInfo(full);
        return new JsonObject
        {
            ["path"] = NodeStore.ApiPath(root, full),
            ["basename"] = Path.GetFileName(full),
            ["type"] = dir ? "directory" : "file",
            ["size"] = dir ? 0 : info.Length,
            ["mtime"] = (dir ? Directory.GetLastWriteTimeUtc(full) : info.LastWriteTimeUtc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }

    private static Regex Glob(string pattern)
        => new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
