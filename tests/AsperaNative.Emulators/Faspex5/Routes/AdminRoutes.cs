using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex5.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static AsperaNative.Emulators.Faspex5.Faspex5Emulator;

namespace AsperaNative.Emulators.Faspex5.Routes;

/// <summary>
/// The admin entities of <c>ascli faspex5 admin</c> (create/list/show/modify/delete each) and their special
/// routes: group members, SAML groups, external collaborators, password reset, node browse, node shared
/// folders and their custom access users, email notifications by type, distribution lists deleted by ids,
/// configuration, SMTP (with test jobs), jobs, package purge, application and webhook events.
/// </summary>
internal static class AdminRoutes
{
    public static void Map(WebApplication app, Faspex5Emulator f5)
    {
        var api = app.MapGroup(BasePath + "/api/v5");
        var s = f5.State;
        EntityCollection C(string name) => s.Collection(name);

        MapAccounts(api, f5);
        foreach (string kind in new[] { "shared_inboxes", "workgroups" }) MapGroup(api, f5, kind);
        Crud.Map(api, f5, "contacts", _ => C("contacts"), Access.UserRead, new CrudHooks
        {
            List = (_, _) => s.Contacts(),
            Create = static (body, _) => Default(Require(body, "name"), "type", "external_user"),
        });
        Crud.Map(api, f5, "nodes", _ => C("nodes"), hooks: new CrudHooks { Create = static (body, _) => Default(Require(body, "name", "url"), "status", "ok") });
        foreach (var (path, collection) in new[]
        {
            ("registrations", "registrations"), ("saml_configs", "saml_configs"), ("configuration/metadata_profiles", "metadata_profiles"),
            ("configuration/alternate_addresses", "alternate_addresses"),
        })
            Crud.Map(api, f5, path, _ => C(collection));
        Crud.Map(api, f5, "webhooks", _ => C("webhooks"), hooks: new CrudHooks
        {
            Create = static (body, _) => Default(Require(body, "endpoint"), "enabled", true),
        });
        MapJobs(api, f5);
        MapDistributionLists(api, f5);
        MapEmailNotifications(api, f5);
        MapNodes(api, f5);
        MapConfiguration(api, f5);
        foreach (var (path, collection) in new[] { ("application_events", "application_events"), ("all_webhooks_events", "webhook_events") })
            api.MapGet(path, ctx => Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                return Faspex5Http.Page(ctx, C(collection).ListKey, C(collection).Query(Faspex5Http.QueryPairs(ctx)), f5.DefaultPageSize);
            }));
    }

    /// <summary>Checks the mandatory fields of a creation body.</summary>
    private static JsonObject Require(JsonObject body, params string[] fields)
    {
        foreach (string field in fields)
            if (body[field] is null) throw Faspex5Http.BadRequest($"{field} is required");
        return body;
    }

    private static JsonObject Default(JsonObject body, string key, JsonNode value)
    {
        body[key] ??= value;
        return body;
    }

    private static void MapAccounts(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var s = f5.State;
        Crud.Map(api, f5, "accounts", _ => s.Collection("accounts"), hooks: new CrudHooks
        {
            Create = (body, _) =>
            {
                string email = body["email"]?.ToString() ?? body["name"]?.ToString() ?? throw Faspex5Http.BadRequest("email is required");
                if (s.Account(email) is not null) throw new Faspex5Exception(409, $"Account already exists: {email}");
                var account = new JsonObject
                {
                    ["name"] = email,
                    ["email"] = email,
                    ["first_name"] = body["first_name"]?.ToString() ?? "",
                    ["last_name"] = body["last_name"]?.ToString() ?? "",
                    ["account_type"] = body["account_type"]?.ToString() ?? "local_user",
                    ["user_level"] = body["user_level"]?.ToString() ?? "user",
                    ["status"] = "active",
                    ["account_activated"] = true,
                    ["user_profile_data_attributes"] = new JsonObject(),
                };
                foreach (var (k, v) in body)
                    if (k is not ("password" or "name")) account[k] = v?.DeepClone();
                return account;
            },
        });
        api.MapPost("accounts/{id}/reset_password", (HttpContext ctx, string id) => Crud.Run(ctx, () =>
        {
            f5.AdminOf(ctx);
            var account = s.Collection("accounts").Get(id);
            account["password_reset_requested"] = true;
            return new JsonObject { ["message"] = $"Password reset email sent to {account.Str("email")}" };
        }));
    }

    /// <summary>Shared inboxes and workgroups: members (user ids with access), SAML groups, external collaborators, packages list.</summary>
    private static void MapGroup(RouteGroupBuilder api, Faspex5Emulator f5, string kind)
    {
        var s = f5.State;
        var groups = s.Collection(kind);
        Crud.Map(api, f5, kind, _ => groups, Access.UserRead, new CrudHooks
        {
            // members see their groups; admins see all with all=true (manual: "list items you manage")
            List = (ctx, user) => s.IsAdmin(user) && Faspex5Http.Flag(ctx, "all")
                ? groups.Items
                : groups.Items.Where(g => s.IsMember(kind, g["id"]!.GetValue<int>(), user)),
            Create = (body, _) =>
            {
                Require(body, "name");
                if (groups.FindByName(body.Str("name")) is not null) throw new Faspex5Exception(409, $"Name already taken: {body.Str("name")}");
                body["member_count"] ??= 0;
                body["description"] ??= "";
                return body;
            },
        });
        EntityCollection Members(HttpContext ctx) => s.Members(kind, GroupId(ctx, s, kind));
        api.MapGet(kind + "/{id}/members", ctx => Crud.Run(ctx, () =>
        {
            GroupAdmin(ctx, f5, kind);
            var members = Members(ctx);
            return Faspex5Http.Page(ctx, "members", members.Query(Faspex5Http.QueryPairs(ctx)), f5.DefaultPageSize);
        }));
        api.MapPost(kind + "/{id}/members", async ctx =>
        {
            var users = (await Faspex5Http.BodyObject(ctx))["user"] as JsonArray ?? throw Faspex5Http.BadRequest("user is required");
            await Crud.Run(ctx, () =>
            {
                int group = GroupAdmin(ctx, f5, kind);
                JsonObject? first = null;
                foreach (var entry in users)
                {
                    string userId = entry?["id"]?.ToString() ?? throw Faspex5Http.BadRequest("user id is required");
                    var account = s.Collection("accounts").Find(userId) ?? throw Faspex5Http.NotFound("User");
                    string access = entry["access"]?.ToString() ?? "standard";
                    if (access is not ("submit_only" or "standard" or "shared_inbox_admin")) throw Faspex5Http.BadRequest($"Invalid access level: {access}");
                    var member = s.AddMember(kind, group, account["id"]!.GetValue<int>(), access);
                    first ??= member;
                }
                return new JsonObject { ["id"] = first?["id"]?.DeepClone(), ["user_id"] = first?["user_id"]?.DeepClone(), ["access"] = first.Str("access") };
            }, 201);
        });
        api.MapPut(kind + "/{id}/members/{member}", async (HttpContext ctx, string member) =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                GroupAdmin(ctx, f5, kind);
                return Members(ctx).Update(member, body).DeepClone();
            });
        });
        api.MapDelete(kind + "/{id}/members/{member}", (HttpContext ctx, string member) => Crud.Run(ctx, () =>
        {
            int group = GroupAdmin(ctx, f5, kind);
            var members = Members(ctx);
            members.Remove(member);
            groups.Get(group.ToString(CultureInfo.InvariantCulture))["member_count"] = members.Items.Count;
            return null;
        }, 204));
        Crud.Map(api, f5, kind + "/{group}/saml_groups", ctx => s.SubCollection($"{kind}/{GroupId(ctx, s, kind)}/saml_groups", "groups"));
        api.MapPost(kind + "/{id}/external_collaborator", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                int group = GroupAdmin(ctx, f5, kind);
                string email = body["email_address"]?.ToString() ?? throw Faspex5Http.BadRequest("email_address is required");
                var account = s.Account(email) ?? s.AddUser(email, accountType: "external_user");
                s.AddMember(kind, group, account["id"]!.GetValue<int>(), "submit_only");
                return new JsonObject { ["message"] = $"Invitation sent to {email}" };
            }, 201);
        });
    }

    private static int GroupId(HttpContext ctx, Faspex5State s, string kind)
    {
        string id = (ctx.Request.RouteValues["group"] ?? ctx.Request.RouteValues["id"])?.ToString() ?? "";
        s.Collection(kind).Get(id);
        return Faspex5Http.IntOf(id);
    }

    /// <summary>An admin, or a member of the group with shared_inbox_admin access.</summary>
    private static int GroupAdmin(HttpContext ctx, Faspex5Emulator f5, string kind)
    {
        int group = GroupId(ctx, f5.State, kind);
        int user = UserOf(ctx);
        bool manager = f5.State.Members(kind, group).Items.Any(m => m["user_id"]?.GetValue<int>() == user && m.Str("access") == "shared_inbox_admin");
        return f5.State.IsAdmin(user) || manager ? group : throw Faspex5Http.Forbidden();
    }

    private static void MapJobs(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var jobs = f5.State.Collection("jobs");
        Crud.Map(api, f5, "jobs", _ => jobs, hooks: new CrudHooks
        {
            Showing = job =>
            {
                if (job.Str("status") is "queued" or "working" && job["created_at"] is not null
                    && DateTime.Parse(job.Str("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) + f5.JobDuration <= DateTime.UtcNow)
                {
                    bool smtp = f5.State.Smtp is not null;
                    job["status"] = smtp ? "success" : "failed";
                    job["result"] = smtp ? "sent" : null;
                    job["error_desc"] = smtp ? null : "SMTP server is not configured";
                }
            },
        });
    }

    private static void MapDistributionLists(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var lists = f5.State.Collection("distribution_lists");
        Crud.Map(api, f5, "account/distribution_lists", _ => lists, Access.UserRead, new CrudHooks
        {
            List = (_, user) => lists.Items.Where(l => l["owner_id"] is null || l["owner_id"]!.GetValue<int>() == user || f5.State.IsAdmin(user)),
            Create = (body, user) =>
            {
                Require(body, "name");
                body["type"] ??= "personal";
                body["owner_id"] = user;
                foreach (var contact in body["contacts"] as JsonArray ?? [])
                    if (contact is JsonObject c && c["id"] is null && f5.State.Account(c.Str("name")) is { } a) c["id"] = a["id"]!.DeepClone();
                return body;
            },
        });
        // ascli deletes lists with a body of ids
        api.MapDelete("account/distribution_lists", async ctx =>
        {
            var ids = (await Faspex5Http.BodyObject(ctx))["ids"] as JsonArray ?? throw Faspex5Http.BadRequest("ids is required");
            await Crud.Run(ctx, () =>
            {
                UserOf(ctx);
                foreach (var id in ids) lists.Remove(id?.ToString() ?? "");
                return null;
            }, 204);
        });
    }

    /// <summary>Email templates, addressed by <c>?type=</c> for show and modify.</summary>
    private static void MapEmailNotifications(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var templates = f5.State.Collection("email_notifications");
        api.MapGet("email_notifications", ctx => Crud.Run(ctx, () =>
        {
            f5.AdminOf(ctx);
            string type = ctx.Request.Query["type"].ToString();
            return type.Length > 0 ? templates.Get(type).DeepClone() : new JsonArray([.. templates.Items.Select(static t => t.DeepClone())]);
        }));
        api.MapPut("email_notifications", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                return templates.Update(ctx.Request.Query["type"].ToString(), body).DeepClone();
            });
        });
        api.MapPost("email_notifications", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                string type = body["type"]?.ToString() ?? throw Faspex5Http.BadRequest("type is required");
                if (templates.Find(type) is not null) throw new Faspex5Exception(409, $"Template already exists: {type}");
                body["id"] = type;
                return templates.Add(body).DeepClone();
            }, 201);
        });
        api.MapDelete("email_notifications/{type}", (HttpContext ctx, string type) => Crud.Run(ctx, () =>
        {
            f5.AdminOf(ctx);
            templates.Remove(type);
            return null;
        }, 204));
    }

    /// <summary>Node browse, shared folders of a node and their custom access users.</summary>
    private static void MapNodes(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var s = f5.State;
        var folders = s.Collection("shared_folders");
        api.MapPost("nodes/{id}/browse", async (HttpContext ctx, string id) =>
        {
            f5.AdminOf(ctx);
            lock (s.Sync) s.Collection("nodes").Get(id);
            if (id != f5.NodeId.ToString(CultureInfo.InvariantCulture)) throw new Faspex5Exception(400, "Node is not reachable");
            await Browse.Answer(ctx, f5, s.Docroot);
        });
        string Node(HttpContext ctx)
        {
            string id = ctx.Request.RouteValues["node"]?.ToString() ?? "";
            s.Collection("nodes").Get(id);
            return id;
        }
        // a per-node view of the shared folders: the collection is global, filtered by node_id
        api.MapGet("nodes/{node}/shared_folders", ctx => Crud.Run(ctx, () =>
        {
            f5.AdminOf(ctx);
            string node = Node(ctx);
            return Faspex5Http.Page(ctx, "shared_folders", EntityCollection.Filter(folders.Items.Where(f => f.Str("node_id") == node), Faspex5Http.QueryPairs(ctx)), f5.DefaultPageSize);
        }));
        api.MapPost("nodes/{node}/shared_folders", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                int node = Faspex5Http.IntOf(Node(ctx));
                Require(body, "name", "path");
                if (node == f5.NodeId) Directory.CreateDirectory(Path.Combine(s.Docroot, body.Str("path").TrimStart('/')));
                body["node_id"] = node;
                return folders.Add(body).DeepClone();
            }, 201);
        });
        JsonObject Folder(HttpContext ctx)
        {
            string node = Node(ctx), id = ctx.Request.RouteValues["id"]?.ToString() ?? "";
            var folder = folders.Get(id);
            return folder.Str("node_id") == node ? folder : throw Faspex5Http.NotFound("Shared folder");
        }
        api.MapGet("nodes/{node}/shared_folders/{id}", ctx => Crud.Run(ctx, () => { f5.AdminOf(ctx); return Folder(ctx).DeepClone(); }));
        api.MapPut("nodes/{node}/shared_folders/{id}", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () => { f5.AdminOf(ctx); return folders.Update(EntityCollection.IdText(Folder(ctx)), body).DeepClone(); });
        });
        api.MapDelete("nodes/{node}/shared_folders/{id}", ctx => Crud.Run(ctx, () => { f5.AdminOf(ctx); folders.Remove(EntityCollection.IdText(Folder(ctx))); return null; }, 204));
        Crud.Map(api, f5, "nodes/{node}/shared_folders/{sf}/custom_access_users", ctx =>
        {
            string node = Node(ctx), sf = ctx.Request.RouteValues["sf"]?.ToString() ?? "";
            if (folders.Get(sf).Str("node_id") != node) throw Faspex5Http.NotFound("Shared folder");
            return s.SubCollection($"nodes/{node}/shared_folders/{sf}/custom_access_users", "users");
        }, hooks: new CrudHooks
        {
            Create = (body, _) =>
            {
                if (body["user_id"] is null && s.Account(body.Str("name")) is { } a) body["user_id"] = a["id"]!.DeepClone();
                return body;
            },
        });
    }

    private static void MapConfiguration(RouteGroupBuilder api, Faspex5Emulator f5)
    {
        var s = f5.State;
        api.MapGet("configuration", ctx => Crud.Run(ctx, () => { f5.AdminOf(ctx); return s.Configuration.DeepClone(); }));
        api.MapPut("configuration", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                foreach (var (k, v) in body) s.Configuration[k] = v?.DeepClone();
                return s.Configuration.DeepClone();
            });
        });
        api.MapGet("configuration/smtp", ctx => Crud.Run(ctx, () => { f5.AdminOf(ctx); return (s.Smtp ?? throw Faspex5Http.NotFound("SMTP configuration")).DeepClone(); }));
        api.MapPost("configuration/smtp", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                if (s.Smtp is not null) throw new Faspex5Exception(409, "SMTP configuration already exists");
                s.Smtp = body;
                return body.DeepClone();
            }, 201);
        });
        api.MapPut("configuration/smtp", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                var smtp = s.Smtp ?? throw Faspex5Http.NotFound("SMTP configuration");
                foreach (var (k, v) in body) smtp[k] = v?.DeepClone();
                return smtp.DeepClone();
            });
        });
        api.MapDelete("configuration/smtp", ctx => Crud.Run(ctx, () =>
        {
            f5.AdminOf(ctx);
            s.Smtp = s.Smtp is null ? throw Faspex5Http.NotFound("SMTP configuration") : null;
            return null;
        }, 204));
        api.MapPost("configuration/smtp/test", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                string recipient = body["test_email_recipient"]?.ToString() ?? throw Faspex5Http.BadRequest("test_email_recipient is required");
                var job = s.Collection("jobs").Add(new JsonObject
                {
                    ["type"] = "test_email",
                    ["job_type"] = "email",
                    ["status"] = "queued",
                    ["serialized_args"] = new JsonObject { ["recipient"] = recipient }.ToJsonString(),
                    ["created_at"] = Faspex5Http.Now(),
                    ["result"] = null,
                    ["error_desc"] = null,
                });
                return new JsonObject { ["job_id"] = job["id"]!.DeepClone() };
            });
        });
        api.MapPost("internal/packages/clean_deleted", async ctx =>
        {
            var body = await Faspex5Http.BodyObject(ctx, optional: true);
            await Crud.Run(ctx, () =>
            {
                f5.AdminOf(ctx);
                int days = body["days_before_deleting_package_records"]?.GetValue<int>() ?? s.Configuration["days_before_deleting_package_records"]?.GetValue<int>() ?? 30;
                var purged = s.Packages.Where(p => p.DeletedAt is { } at && at.AddDays(days) <= DateTime.UtcNow).ToList();
                foreach (var p in purged)
                {
                    s.Packages.Remove(p);
                    string folder = Path.GetDirectoryName(p.ContentsFolder)!;
                    if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                }
                return new JsonObject { ["days_before_deleting_package_records"] = days, ["deleted_packages"] = purged.Count };
            });
        });
    }
}
