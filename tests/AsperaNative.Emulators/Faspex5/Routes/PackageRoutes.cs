using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex5.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Faspex5.Faspex5Emulator;

namespace AsperaNative.Emulators.Faspex5.Routes;

/// <summary>
/// Packages: boxes (<c>{box}/packages</c>, <c>packages</c> for admins, <c>shared_inboxes|workgroups/{id}/packages</c>),
/// creation with recipient resolution, show, delete, upload details, transfer specs (upload, download)
/// into the node docroot, browse of the files, and sending from a shared folder (remote transfer).
/// </summary>
internal static class PackageRoutes
{
    public static readonly string[] Boxes = ["inbox", "inbox_history", "inbox_all", "inbox_all_history", "outbox", "outbox_history", "pending", "pending_history", "all"];

    public static void Map(WebApplication app, Faspex5Emulator f5)
    {
        var api = app.MapGroup(BasePath + "/api/v5");
        foreach (string box in Boxes)
            api.MapGet(box + "/packages", ctx => List(ctx, f5, (s, user) => s.Packages.Where(p => InBox(s, p, user, box))));
        api.MapGet("packages", ctx =>
        {
            f5.AdminOf(ctx);
            return List(ctx, f5, static (s, _) => s.Packages.Where(static p => p.DeletedAt is null));
        });
        foreach (string kind in new[] { "shared_inboxes", "workgroups" })
            api.MapGet(kind + "/{id}/packages", (HttpContext ctx, string id) => List(ctx, f5, (s, user) =>
            {
                int group = Faspex5Http.IntOf(id);
                s.Collection(kind).Get(id);
                if (!s.IsAdmin(user) && !s.IsMember(kind, group, user)) throw Faspex5Http.Forbidden();
                return s.Packages.Where(p => p.DeletedAt is null && p.Released && p.Recipients.Any(r => r.GroupId == group && KindOf(r.Type) == kind));
            }));
        api.MapPost("packages", async ctx => await Create(ctx, f5, await Faspex5Http.BodyObject(ctx)));
        api.MapGet("packages/{id}", (HttpContext ctx, string id) =>
        {
            f5.RefreshPackages();
            return Crud.Run(ctx, () => Visible(ctx, f5.State, id).ToJson());
        });
        api.MapDelete("packages", async ctx =>
        {
            var ids = (await Faspex5Http.BodyObject(ctx))["ids"] as JsonArray ?? throw Faspex5Http.BadRequest("ids is required");
            await Crud.Run(ctx, () =>
            {
                int user = UserOf(ctx);
                bool admin = f5.State.IsAdmin(user);
                foreach (string id in ids.Select(static i => i?.ToString() ?? ""))
                {
                    var package = f5.State.GetPackage(id);
                    if (admin || package.SenderId == user) package.DeletedAt = DateTime.UtcNow;
                    else if (package.RecipientUserIds.Contains(user) || package.GroupIds.Any()) package.View(user).Deleted = true;
                    else throw Faspex5Http.NotFound("Package");
                }
                return null;
            }, 204);
        });
        api.MapGet("packages/{id}/upload_details", (HttpContext ctx, string id) =>
        {
            f5.RefreshPackages();
            return Crud.Run(ctx, () =>
            {
                var p = Visible(ctx, f5.State, id);
                return new JsonObject
                {
                    ["upload_status"] = p.Upload.ToString().ToLowerInvariant(),
                    ["bytes_written"] = p.TotalBytes,
                    ["bytes_total"] = p.TotalBytes,
                    ["files_completed"] = p.TotalFiles,
                };
            });
        });
        api.MapPost("packages/{id}/transfer_spec/upload", async (HttpContext ctx, string id) => await UploadSpec(ctx, f5, id, await Faspex5Http.BodyObject(ctx, optional: true)));
        api.MapPost("packages/{id}/transfer_spec/download", async (HttpContext ctx, string id) => await DownloadSpec(ctx, f5, id, await Faspex5Http.BodyObject(ctx, optional: true)));
        foreach (string side in new[] { "received", "sent" })
            api.MapPost("packages/{id}/files/" + side, async (HttpContext ctx, string id) =>
            {
                f5.RefreshPackages();
                string root;
                lock (f5.State.Sync)
                {
                    var p = Visible(ctx, f5.State, id);
                    var caller = CallerOf(ctx);
                    if (side == "sent" && caller.UserId is { } u && p.SenderId != u && !f5.State.IsAdmin(u)) throw Faspex5Http.NotFound("Package");
                    root = p.ContentsFolder;
                }
                Directory.CreateDirectory(root);
                await Browse.Answer(ctx, f5, root);
            });
        api.MapPost("packages/{id}/remote_transfer", async (HttpContext ctx, string id) => await RemoteTransfer(ctx, f5, id, await Faspex5Http.BodyObject(ctx)));
    }

    private static string KindOf(string recipientType) => recipientType == "workgroup" ? "workgroups" : "shared_inboxes";

    /// <summary>Box membership of a package for one user (see docs/products/faspex5.md §4).</summary>
    public static bool InBox(Faspex5State s, Package p, int user, string box)
    {
        if (p.DeletedAt is not null) return false;
        var view = p.Views.GetValueOrDefault(user);
        if (view?.Deleted == true) return false;
        bool archived = view?.Archived == true;
        bool direct = p.RecipientUserIds.Contains(user);
        bool viaGroup = p.Recipients.Any(r => r.GroupId is { } g && s.IsMember(KindOf(r.Type), g, user));
        bool sent = p.SenderId == user;
        return box switch
        {
            "inbox" => p.Released && direct && !archived,
            "inbox_history" => p.Released && direct && archived,
            "inbox_all" => p.Released && (direct || viaGroup) && !archived,
            "inbox_all_history" => p.Released && (direct || viaGroup) && archived,
            "outbox" => sent && p.Released && !archived,
            "outbox_history" => sent && p.Released && archived,
            "pending" => sent && p.Upload is UploadStatus.Submitted or UploadStatus.Uploading,
            "pending_history" => sent && p.Upload == UploadStatus.Failed,
            _ => direct || viaGroup || sent,
        };
    }

    private static Task List(HttpContext ctx, Faspex5Emulator f5, Func<Faspex5State, int, IEnumerable<Package>> select)
    {
        f5.RefreshPackages();
        return Crud.Run(ctx, () =>
        {
            int user = UserOf(ctx);
            var packages = select(f5.State, user);
            if (ctx.Request.Query["status"].ToString() == "completed") packages = packages.Where(static p => p.Released);
            string q = ctx.Request.Query["q"].ToString();
            if (q.Length > 0) packages = packages.Where(p => p.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || (p.Note ?? "").Contains(q, StringComparison.OrdinalIgnoreCase));
            return Faspex5Http.Page(ctx, "packages", [.. packages.Select(static p => p.ToJson())], f5.DefaultPageSize);
        });
    }

    /// <summary>A package the caller may see: recipient (directly or through a group), sender, admin, or its public link.</summary>
    private static Package Visible(HttpContext ctx, Faspex5State s, string id)
    {
        var package = s.GetPackage(id);
        var caller = CallerOf(ctx);
        bool allowed = caller.UserId is { } user
            ? s.IsAdmin(user) || package.SenderId == user || InBox(s, package, user, "all")
            : caller.Link?.PackageId == id || caller.Link is not null && package.SentWithPasscode == caller.Link.Passcode;
        return allowed ? package : throw Faspex5Http.NotFound("Package");
    }

    private static Task Create(HttpContext ctx, Faspex5Emulator f5, JsonObject body) => Crud.Run(ctx, () =>
    {
        var caller = CallerOf(ctx);
        string title = body["title"]?.ToString() ?? throw Faspex5Http.BadRequest("title is required");
        var recipientList = body["recipients"] as JsonArray ?? throw Faspex5Http.BadRequest("recipients is required");
        if (recipientList.Count == 0) throw Faspex5Http.BadRequest("recipients is required");
        var recipients = recipientList.Select(r => r switch
        {
            JsonObject o => f5.State.ResolveRecipient(o.Str("name"), o["recipient_type"]?.ToString()),
            _ => f5.State.ResolveRecipient(r?.ToString() ?? "", null),
        }).ToList();
        Package package;
        if (caller.UserId is { } user)
        {
            var account = f5.State.Account(user)!;
            package = f5.State.NewPackage(user, account.Str("name"), account.Str("email"), title, recipients, account.Str("account_type"));
        }
        else if (caller.Link is { RecipientName: not null } link)
        {
            if (recipients.Any(r => !string.Equals(r.Name, link.RecipientName, StringComparison.OrdinalIgnoreCase))) throw Faspex5Http.Forbidden();
            string email = body["sender_email"]?.ToString() ?? "external@public.link";
            package = f5.State.NewPackage(null, body["sender_name"]?.ToString() ?? email, email, title, recipients, "external_user", link.Passcode);
        }
        else throw Faspex5Http.Forbidden();
        package.Note = body["note"]?.ToString();
        package.Metadata = body["metadata"]?.DeepClone() as JsonObject;
        Directory.CreateDirectory(package.ContentsFolder);
        return package.ToJson();
    }, 201);

    private static Package Sending(HttpContext ctx, Faspex5State s, string id)
    {
        var package = s.GetPackage(id);
        var caller = CallerOf(ctx);
        bool mine = caller.UserId is { } user ? package.SenderId == user : caller.Link is not null && package.SentWithPasscode == caller.Link.Passcode;
        return mine ? package : throw Faspex5Http.NotFound("Package");
    }

    private static Task UploadSpec(HttpContext ctx, Faspex5Emulator f5, string id, JsonObject body) => Crud.Run(ctx, () =>
    {
        var package = Sending(ctx, f5.State, id);
        if (package.Released) throw Faspex5Http.BadRequest("Package already uploaded");
        var paths = new JsonArray();
        foreach (var item in body["paths"] as JsonArray ?? [])
        {
            if (item is JsonObject o)
            {
                paths.Add((JsonNode)o.DeepClone());
                if (o["source"]?.ToString() is { Length: > 0 } source) package.ExpectedNames.Add(Path.GetFileName(source.TrimEnd('/')));
            }
            else if (item?.ToString() is { Length: > 0 } source)
            {
                paths.Add((JsonNode)new JsonObject { ["source"] = source });
                package.ExpectedNames.Add(Path.GetFileName(source.TrimEnd('/')));
            }
        }
        package.Upload = UploadStatus.Uploading;
        package.AwaitingFiles = true;
        var spec = TransferSpecs.Base(f5, package, "send");
        spec["destination_root"] = TransferSpecs.StoragePath(f5, package.ContentsFolder);
        spec["paths"] = paths;
        return spec;
    });

    private static async Task DownloadSpec(HttpContext ctx, Faspex5Emulator f5, string id, JsonObject body)
    {
        f5.RefreshPackages();
        Package package;
        string? recipient = null;
        JsonObject spec;
        lock (f5.State.Sync)
        {
            package = Visible(ctx, f5.State, id);
            if (!package.Released) throw Faspex5Http.BadRequest("Package is not available for download");
            var caller = CallerOf(ctx);
            if (ctx.Request.Query["recipient_workgroup_id"].ToString() is { Length: > 0 } wg && caller.UserId is { } member)
            {
                int group = Faspex5Http.IntOf(wg);
                if (!package.GroupIds.Contains(group)) throw Faspex5Http.NotFound("Package");
                if (!f5.State.IsAdmin(member) && !f5.State.IsMember("shared_inboxes", group, member) && !f5.State.IsMember("workgroups", group, member))
                    throw Faspex5Http.Forbidden();
            }
            var paths = new JsonArray();
            var wanted = (body["paths"] as JsonArray ?? []).Select(static p => p?["path"]?.ToString() ?? p?.ToString() ?? "").Where(static p => p.Length > 0).ToList();
            var sources = wanted.Count > 0
                ? wanted.Select(p => Path.Combine(package.ContentsFolder, p.TrimStart('/')))
                : Directory.EnumerateFileSystemEntries(package.ContentsFolder).Order(StringComparer.Ordinal);
            foreach (string source in sources)
            {
                if (!File.Exists(source) && !Directory.Exists(source)) throw new Faspex5Exception(404, $"File not found: {Path.GetRelativePath(package.ContentsFolder, source)}");
                paths.Add((JsonNode)new JsonObject { ["source"] = TransferSpecs.StoragePath(f5, source) });
            }
            spec = TransferSpecs.Base(f5, package, "receive");
            spec["paths"] = paths;
            if (package.ContentProtection) spec["content_protection"] = "decrypt";
            if (caller.UserId is { } user)
            {
                package.View(user).Downloaded = true;
                recipient = f5.State.UserName(user);
            }
            else recipient = "public link";
        }
        f5.Webhooks.PackageEvent(package, "package_downloaded", recipient);
        await Faspex5Http.Ok(ctx, spec);
    }

    private static async Task RemoteTransfer(HttpContext ctx, Faspex5Emulator f5, string id, JsonObject body)
    {
        Package package;
        lock (f5.State.Sync)
        {
            package = Sending(ctx, f5.State, id);
            if (package.Released) throw Faspex5Http.BadRequest("Package already uploaded");
            string folderId = body["shared_folder_id"]?.ToString() ?? throw Faspex5Http.BadRequest("shared_folder_id is required");
            var folder = UserRoutes.VisibleSharedFolders(f5.State, UserOf(ctx)).FirstOrDefault(f => State.EntityCollection.IdText(f) == folderId)
                ?? throw Faspex5Http.NotFound("Shared folder");
            string root = Path.Combine(f5.State.Docroot, folder.Str("path").TrimStart('/'));
            Directory.CreateDirectory(package.ContentsFolder);
            foreach (string path in (body["paths"] as JsonArray ?? []).Select(static p => p?.ToString() ?? ""))
            {
                string source = Node.NodeStore.Resolve(Path.GetFullPath(root), path) ?? throw Faspex5Http.BadRequest($"Invalid path: {path}");
                string target = Path.Combine(package.ContentsFolder, Path.GetFileName(source.TrimEnd('/')));
                if (File.Exists(source)) File.Copy(source, target, overwrite: true);
                else if (Directory.Exists(source)) CopyTree(source, target);
                else throw new Faspex5Exception(404, $"File not found: {path}");
            }
            package.Upload = UploadStatus.Uploading;
        }
        if (f5.RemoteTransferDelay > TimeSpan.Zero)
        {
            _ = Task.Delay(f5.RemoteTransferDelay).ContinueWith(_ => f5.CompleteUpload(package.Id), TaskScheduler.Default);
            await Faspex5Http.Ok(ctx, new JsonObject { ["status"] = "in_progress", ["transfer_id"] = Guid.NewGuid().ToString() }, 201);
            return;
        }
        f5.CompleteUpload(package.Id);
        await Faspex5Http.Ok(ctx, new JsonObject { ["status"] = "completed", ["transfer_id"] = Guid.NewGuid().ToString() }, 201);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

/// <summary>Transfer specs of the emulated Faspex: the "remote" side is the node emulator's docroot.</summary>
internal static class TransferSpecs
{
    public static JsonObject Base(Faspex5Emulator f5, Package package, string direction) => new()
    {
        ["direction"] = direction,
        ["remote_host"] = "127.0.0.1",
        ["remote_user"] = "xfer",
        ["ssh_port"] = 33001,
        ["fasp_port"] = 33001,
        ["authentication"] = "token",
        ["token"] = "Bearer " + TokenService.Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
        ["cipher"] = "aes-128",
        ["target_rate_kbps"] = 100000,
        ["rate_policy"] = "fair",
        ["http_fallback"] = false,
        ["create_dir"] = true,
        ["tags"] = new JsonObject
        {
            ["aspera"] = new JsonObject
            {
                ["app"] = "packages",
                ["usage_id"] = "faspex5",
                ["faspex"] = new JsonObject { ["package_id"] = package.Id, ["package_name"] = package.Title },
            },
        },
    };

    /// <summary>A docroot path as the transfer spec names it (absolute on disk, or relative to the docroot).</summary>
    public static string StoragePath(Faspex5Emulator f5, string full)
        => f5.PathStyle == TransferPathStyle.Disk ? full : "/" + Path.GetRelativePath(f5.State.Docroot, full).Replace('\\', '/');
}
