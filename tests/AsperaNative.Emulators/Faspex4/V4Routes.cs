using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// API v4: a bearer token from the OAuth password grant (<c>auth/oauth2/token</c>, user credentials in
/// Basic auth, scope <c>admin</c> for administrators only; errors in OAuth form), then JSON entities
/// under <c>/api</c>: <c>admin/dropboxes</c>, <c>admin/workgroups</c>, <c>dropbox_memberships</c>,
/// <c>workgroup_memberships</c>, <c>users</c>, <c>metadata_profiles</c>, <c>users/&lt;id&gt;/packages</c>.
/// Create bodies may be wrapped in the singular name (<c>{"dropbox":{…}}</c>), Rails style.
/// </summary>
internal static class V4Routes
{
    public static void Map(WebApplication app, Faspex4Emulator f)
    {
        const string b = Faspex4Emulator.BasePath;
        app.MapPost(b + "/auth/oauth2/token", ctx => Token(f, ctx));
        app.Map(b + "/api/{**rest}", (HttpContext ctx, string? rest) => Api(f, ctx, rest ?? ""));
    }

    private static Task OAuthError(HttpContext ctx, int status, string error, string description)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    private static async Task Token(Faspex4Emulator f, HttpContext ctx)
    {
        var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : null;
        string grant = form?["grant_type"].ToString() ?? "", scope = form?["scope"].ToString() ?? "";
        if (grant != "password")
        {
            await OAuthError(ctx, 400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
            return;
        }
        if (f.Authenticate(ctx) is not { } user)
        {
            await OAuthError(ctx, 401, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
            return;
        }
        if (scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => s != "admin" || !user.IsAdmin))
        {
            await OAuthError(ctx, 400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
            return;
        }
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        lock (f.Store.Lock) f.Store.Tokens[token] = user;
        await EmulatorHost.Json(ctx, new JsonObject
        {
            ["access_token"] = token, ["token_type"] = "bearer", ["expires_in"] = 7200, ["scope"] = scope,
            ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        });
    }

    private static Task Error(HttpContext ctx, int status, string message, string? detail = null)
    {
        var body = new JsonObject { ["user_message"] = message };
        if (detail is not null) body["internal_message"] = detail;
        return EmulatorHost.Json(ctx, body, status);
    }

    private static async Task Api(Faspex4Emulator f, HttpContext ctx, string rest)
    {
        Faspex4User? user = null;
        if (EmulatorHost.Bearer(ctx) is { } token)
            lock (f.Store.Lock) user = f.Store.Tokens.GetValueOrDefault(token);
        if (user is null)
        {
            ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"Faspex\", error=\"invalid_token\", error_description=\"The access token is invalid\"";
            await Error(ctx, 401, "The access token is invalid");
            return;
        }
        var parts = rest.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!Resolve(f, parts, out var collection, out string? id)) { await Error(ctx, 404, "Not found", $"No route matches /api/{rest}"); return; }
        if (collection.AdminOnly && !user.IsAdmin) { await Error(ctx, 403, "Forbidden", "admin rights required"); return; }
        var body = ctx.Request.Method is "POST" or "PUT" ? Unwrap(await EmulatorHost.Body(ctx) as JsonObject ?? [], collection.Singular) : [];
        switch (ctx.Request.Method, id)
        {
            case ("GET", null):
                JsonNode[] items;
                lock (f.Store.Lock) items = [.. collection.List().Where(o => Matches(o, ctx.Request.Query))];
                await EmulatorHost.Json(ctx, new JsonArray(items));
                break;
            case ("GET", _):
                JsonObject? one;
                lock (f.Store.Lock) one = collection.List().FirstOrDefault(o => o["id"]?.ToString() == id);
                await (one is null ? Error(ctx, 404, "Not found", $"Couldn't find {collection.Singular} with id={id}") : EmulatorHost.Json(ctx, one));
                break;
            case ("POST", null):
                (JsonObject? created, string? problem) result;
                lock (f.Store.Lock) result = collection.Create(body);
                await (result.created is null ? Error(ctx, 422, result.problem!, "Validation failed: " + result.problem) : EmulatorHost.Json(ctx, result.created, 201));
                break;
            case ("PUT", not null):
                (JsonObject? modified, string? problem) change;
                lock (f.Store.Lock) change = collection.Modify(id, body);
                await (change.modified is null ? Error(ctx, change.problem is null ? 404 : 422, change.problem ?? "Not found", change.problem ?? $"Couldn't find {collection.Singular} with id={id}") : EmulatorHost.Json(ctx, change.modified));
                break;
            case ("DELETE", not null):
                bool deleted;
                lock (f.Store.Lock) deleted = collection.Delete(id);
                if (deleted) ctx.Response.StatusCode = 204;
                else await Error(ctx, 404, "Not found", $"Couldn't find {collection.Singular} with id={id}");
                break;
            default:
                await Error(ctx, 405, "Method not allowed");
                break;
        }
    }

    /// <summary><c>{"dropbox":{…}}</c> and <c>{…}</c> are both accepted.</summary>
    private static JsonObject Unwrap(JsonObject body, string singular)
        => body.Count == 1 && body[singular] is JsonObject inner ? (JsonObject)inner.DeepClone() : body;

    /// <summary>A list filter: every query parameter naming a field must equal it.</summary>
    private static bool Matches(JsonObject item, IQueryCollection query)
        => query.All(q => !item.ContainsKey(q.Key) || item[q.Key]?.ToString() == q.Value.ToString());

    private static bool Resolve(Faspex4Emulator f, string[] parts, out EntityCollection collection, out string? id)
    {
        collection = null!;
        id = null;
        if (parts.Length is 3 or 4 && parts[0] == "users" && parts[2] == "packages")
        {
            Faspex4User? owner;
            lock (f.Store.Lock) owner = f.Store.Users.FirstOrDefault(u => u.Id.ToString(CultureInfo.InvariantCulture) == parts[1]);
            if (owner is null) return false;
            collection = V4Entities.Packages(f, owner);
            id = parts.Length == 4 ? parts[3] : null;
            return true;
        }
        string name = parts.Length > 0 && parts[0] == "admin" && parts.Length > 1 ? "admin/" + parts[1] : parts.FirstOrDefault() ?? "";
        int used = name.Count(static c => c == '/') + 1;
        if (parts.Length > used + 1 || V4Entities.ByPath(f, name) is not { } found) return false;
        collection = found;
        id = parts.Length == used + 1 ? parts[used] : null;
        return true;
    }
}

/// <summary>One v4 entity collection: JSON views over the store and the changes it allows (callers hold the store lock).</summary>
internal sealed record EntityCollection(
    string Singular,
    bool AdminOnly,
    Func<IEnumerable<JsonObject>> List,
    Func<JsonObject, (JsonObject? Created, string? Problem)> Create,
    Func<string, JsonObject, (JsonObject? Modified, string? Problem)> Modify,
    Func<string, bool> Delete);
