using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Faspex5.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static AsperaNative.Emulators.Faspex5.Faspex5Emulator;

namespace AsperaNative.Emulators.Faspex5.Routes;

/// <summary>
/// What any user reaches: version, ping (detection), health, public link pages, the account and its
/// preferences (public key for JWT), contacts, shared folders and their browse, invitations.
/// </summary>
internal static class UserRoutes
{
    public static void Map(WebApplication app, Faspex5Emulator f5)
    {
        app.MapGet(BasePath + "/health", ctx => Faspex5Http.Ok(ctx, new JsonObject { ["faspex"] = "ok", ["database"] = "ok", ["redis"] = "ok", ["node"] = "ok" }));
        app.MapGet(BasePath + "/public/{page}", ctx => EmulatorHost.Text(ctx, "<html><body>IBM Aspera Faspex</body></html>", "text/html"));
        var api = app.MapGroup(BasePath + "/api/v5");
        // detection: 200 with an empty body and the X-IBM-Aspera header
        api.MapGet("configuration/ping", static ctx => { ctx.Response.StatusCode = 200; return Task.CompletedTask; });
        api.MapGet("version", ctx => Faspex5Http.Ok(ctx, new JsonObject { ["version"] = f5.Version, ["api_version"] = "v5" }));
        api.MapGet("account", ctx => Crud.Run(ctx, () =>
        {
            var account = f5.State.Account(UserOf(ctx))!.DeepClone().AsObject();
            account["gateway_url"] = null;
            return account;
        }));
        api.MapGet("account/preferences", ctx => Crud.Run(ctx, () => f5.State.PreferencesOf(UserOf(ctx)).DeepClone()));
        api.MapPut("account/preferences", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                var prefs = f5.State.PreferencesOf(UserOf(ctx));
                foreach (var (k, v) in body) prefs[k] = v?.DeepClone();
                return prefs.DeepClone();
            });
        });
        api.MapGet("shared_folders", ctx => Crud.Run(ctx, () =>
        {
            var all = VisibleSharedFolders(f5.State, UserOf(ctx)).ToList();
            return Faspex5Http.Page(ctx, "shared_folders", EntityCollection.Filter(all, Faspex5Http.QueryPairs(ctx)), f5.DefaultPageSize);
        }));
        api.MapPost("nodes/{node}/shared_folders/{id}/browse", async (HttpContext ctx, string node, string id) =>
        {
            string root;
            lock (f5.State.Sync)
            {
                var folder = VisibleSharedFolders(f5.State, UserOf(ctx)).FirstOrDefault(f => EntityCollection.IdText(f) == id && f.Str("node_id") == node)
                    ?? throw Faspex5Http.NotFound("Shared folder");
                root = Path.Combine(f5.State.Docroot, folder.Str("path").TrimStart('/'));
            }
            await Browse.Answer(ctx, f5, root);
        });
        MapInvitations(api, f5);
    }

    /// <summary>Shared folders of the emulator's node a user may use: all, unless the folder has custom access users.</summary>
    public static IEnumerable<JsonObject> VisibleSharedFolders(Faspex5State s, int user)
    {
        string name = s.UserName(user);
        foreach (var folder in s.Collection("shared_folders").Items)
        {
            var custom = s.SubCollection($"nodes/{folder.Str("node_id")}/shared_folders/{EntityCollection.IdText(folder)}/custom_access_users", "users").Items;
            if (s.IsAdmin(user) || custom.Count == 0 || custom.Any(u => u.Str("user_id") == user.ToString(System.Globalization.CultureInfo.InvariantCulture) || u.Str("name") == name))
                yield return folder;
        }
    }

    private static void MapInvitations(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var invitations = f5.State.Collection("invitations");
        Crud.Map(api, f5, "invitations", _ => invitations, Access.UserRead, new CrudHooks
        {
            Create = (body, user) => Invitation(f5, body, user, isPublic: false),
            List = (_, user) => f5.State.IsAdmin(user) ? invitations.Items : invitations.Items.Where(i => i["sender_id"]?.GetValue<int>() == user),
        });
        api.MapPost("public_invitations", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () => invitations.Add(Invitation(f5, body, UserOf(ctx), isPublic: true)).DeepClone(), 201);
        });
        api.MapPost("invitations/{id}/resend", (HttpContext ctx, string id) => Crud.Run(ctx, () =>
        {
            UserOf(ctx);
            var invitation = invitations.Get(id);
            invitation["resent_count"] = (invitation["resent_count"]?.GetValue<int>() ?? 0) + 1;
            return invitation.DeepClone();
        }));
    }

    /// <summary>A private invitation (by email) or a public one (for a recipient, <c>recipient_name</c>).</summary>
    private static JsonObject Invitation(Faspex5Emulator f5, JsonObject body, int user, bool isPublic)
    {
        string? email = body["email_address"]?.ToString();
        string? recipient = body["recipient_name"]?.ToString();
        if (!isPublic && string.IsNullOrEmpty(email)) throw Faspex5Http.BadRequest("email_address is required");
        if (isPublic && string.IsNullOrEmpty(recipient)) throw Faspex5Http.BadRequest("recipient_name is required");
        string type = body["recipient_type"]?.ToString() ?? (isPublic ? f5.State.ResolveRecipient(recipient!, null).Type : "user");
        var link = f5.State.AddPublicLink(null, recipient ?? f5.State.UserName(user), isPublic ? type : "user");
        var invitation = new JsonObject
        {
            ["public"] = isPublic,
            ["recipient_type"] = type,
            ["recipient_name"] = recipient ?? f5.State.UserName(user),
            ["email_address"] = email,
            ["sender_id"] = user,
            ["access_url"] = $"{f5.Url}/public/submit?passcode={link.Passcode}",
            ["expiration_date"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (k, v) in body)
            if (!invitation.ContainsKey(k)) invitation[k] = v?.DeepClone();
        return invitation;
    }
}
