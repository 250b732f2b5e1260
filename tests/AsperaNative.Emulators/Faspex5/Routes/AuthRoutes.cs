using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Faspex5.Faspex5Emulator;

namespace AsperaNative.Emulators.Faspex5.Routes;

/// <summary>
/// <c>/aspera/faspex/auth</c>: <c>POST token</c> (grants <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c> and
/// <c>authorization_code</c>; <c>refresh_token</c> is refused, Faspex answers <c>refresh_token: not_supported</c>),
/// <c>GET authorize</c> (the emulated browser login: a redirect with a code), and the API clients
/// (<c>oauth_clients</c>, admin).
/// </summary>
internal static class AuthRoutes
{
    public const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static void Map(WebApplication app, Faspex5Emulator f5)
    {
        app.MapPost(BasePath + "/auth/token", async ctx =>
        {
            if (!ctx.Request.HasFormContentType) throw Faspex5Http.BadRequest("Content-Type must be application/x-www-form-urlencoded");
            var form = await ctx.Request.ReadFormAsync();
            string clientId = form["client_id"].ToString();
            string grant = form["grant_type"].ToString();
            int user = grant switch
            {
                JwtGrant => f5.Tokens.VerifyAssertion(clientId, form["assertion"].ToString()),
                "authorization_code" => Code(f5, clientId, form["code"].ToString(), form["redirect_uri"].ToString()),
                "refresh_token" => throw Faspex5Http.BadRequest("Refresh token is not supported"),
                "" => throw Faspex5Http.BadRequest("grant_type is required"),
                _ => throw Faspex5Http.BadRequest($"Unsupported grant type: {grant}"),
            };
            string token = f5.Tokens.Issue(user, clientId);
            lock (f5.State.Sync)
                f5.State.Collection("application_events").Add(new JsonObject
                {
                    ["event_type"] = "user_login",
                    ["created_at"] = Faspex5Http.Now(),
                    ["application"] = "faspex",
                    ["user"] = new JsonObject { ["name"] = f5.State.UserName(user) },
                });
            await Faspex5Http.Ok(ctx, new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)f5.Tokens.AccessTokenLifetime.TotalSeconds,
                ["refresh_token"] = "not_supported",
            });
        });
        app.MapGet(BasePath + "/auth/authorize", ctx =>
        {
            var q = ctx.Request.Query;
            string redirect = q["redirect_uri"].ToString();
            if (q["response_type"].ToString() != "code") throw Faspex5Http.BadRequest("response_type must be code");
            int user;
            lock (f5.State.Sync)
            {
                var client = f5.State.Collection("oauth_clients").Find(q["client_id"].ToString()) ?? throw new Faspex5Exception(401, "Invalid client");
                var allowed = (client["redirect_uris"] as JsonArray ?? []).Select(static u => u?.ToString()).ToList();
                if (allowed.Count > 0 && !allowed.Contains(redirect)) throw Faspex5Http.BadRequest("redirect_uri is not registered for this client");
                user = f5.WebLoginUser is { } login ? f5.State.UserId(login)
                    : f5.State.Collection("accounts").Items.First(a => a.Str("user_level") == "admin")["id"]!.GetValue<int>();
            }
            string separator = redirect.Contains('?') ? "&" : "?";
            ctx.Response.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(f5.Tokens.NewCode(user))}&state={Uri.EscapeDataString(q["state"].ToString())}");
            return Task.CompletedTask;
        });
        var auth = app.MapGroup(BasePath + "/auth");
        Crud.Map(auth, f5, "oauth_clients", _ => f5.State.Collection("oauth_clients"), Access.Admin, new CrudHooks
        {
            Create = static (body, _) =>
            {
                string id = body["client_id"]?.ToString() ?? Guid.NewGuid().ToString();
                var client = new JsonObject { ["id"] = id, ["client_id"] = id, ["name"] = body["name"]?.ToString() ?? id, ["jwt_enabled"] = false, ["public_key"] = null, ["redirect_uris"] = new JsonArray() };
                foreach (var (k, v) in body) client[k] = v?.DeepClone();
                client["client_secret"] ??= Guid.NewGuid().ToString("N");
                return client;
            },
        });
    }

    private static int Code(Faspex5Emulator f5, string clientId, string code, string redirectUri)
    {
        lock (f5.State.Sync)
            if (f5.State.Collection("oauth_clients").Find(clientId) is null) throw new Faspex5Exception(401, "Invalid client");
        if (redirectUri.Length == 0) throw Faspex5Http.BadRequest("redirect_uri is required");
        return f5.Tokens.RedeemCode(code);
    }
}
