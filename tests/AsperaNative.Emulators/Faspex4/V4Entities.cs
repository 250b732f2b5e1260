using System.Globalization;
using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// The v4 entity collections as views over <see cref="Faspex4Store"/> (users, dropboxes and workgroups
/// are the same objects as in the v3 API). Fields the emulator does not model are kept and shown back.
/// </summary>
internal static class V4Entities
{
    public static EntityCollection? ByPath(Faspex4Emulator f, string path) => path switch
    {
        "admin/dropboxes" => Groups(f, GroupKind.Dropbox, "dropbox"),
        "admin/workgroups" => Groups(f, GroupKind.Workgroup, "workgroup"),
        "dropbox_memberships" => Memberships(f, GroupKind.Dropbox, "dropbox"),
        "workgroup_memberships" => Memberships(f, GroupKind.Workgroup, "workgroup"),
        "users" => Users(f),
        "metadata_profiles" => Profiles(f),
        _ => null,
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonObject body, string key) => body[key] is JsonValue v ? v.ToString() : null;

    /// <summary>Keeps unmodelled fields of a create/modify body (modelled ones are handled by the caller).</summary>
    private static void KeepExtra(JsonObject extra, JsonObject body, params string[] modelled)
    {
        foreach (var (key, value) in body)
            if (key != "id" && !modelled.Contains(key)) extra[key] = value?.DeepClone();
    }

    private static JsonObject WithExtra(JsonObject view, JsonObject extra)
    {
        foreach (var (key, value) in extra) view[key] = value?.DeepClone();
        return view;
    }

    private static EntityCollection Groups(Faspex4Emulator f, GroupKind kind, string singular)
    {
        var store = f.Store;
        JsonObject View(Faspex4Group g) => WithExtra(new JsonObject
        {
            ["id"] = g.Id, ["e_wg_name"] = g.Name, ["e_wg_desc"] = g.Description, ["created_at"] = AtomXml.Time(g.CreatedAt),
            ["members_count"] = g.Members.Count,
        }, g.Extra);
        Faspex4Group? Find(string id) => store.Groups.FirstOrDefault(g => g.Kind == kind && Id(g.Id) == id);
        string? Apply(Faspex4Group? existing, JsonObject body, out Faspex4Group? result)
        {
            result = existing;
            string? name = Text(body, "e_wg_name") ?? existing?.Name;
            if (string.IsNullOrEmpty(name)) return "E wg name can't be blank";
            if (store.Groups.Any(g => g != existing && g.Name == name)) return "E wg name has already been taken";
            result ??= new Faspex4Group { Id = store.NextGroupId(), Kind = kind, Name = name, Email = $"{name}@example.com" };
            result.Name = name;
            result.Description = Text(body, "e_wg_desc") ?? result.Description;
            KeepExtra(result.Extra, body, "e_wg_name", "e_wg_desc", "created_at", "members_count");
            if (existing is null) store.Groups.Add(result);
            return null;
        }
        return new EntityCollection(singular, AdminOnly: true,
            List: () => store.Groups.Where(g => g.Kind == kind).Select(View),
            Create: body => Apply(null, body, out var g) is { } problem ? (null, problem) : (View(g!), null),
            Modify: (id, body) => Find(id) is not { } g ? (null, null) : Apply(g, body, out _) is { } problem ? (null, problem) : (View(g), null),
            Delete: id => Find(id) is { } g && store.Groups.Remove(g));
    }

    private static EntityCollection Memberships(Faspex4Emulator f, GroupKind kind, string group)
    {
        var store = f.Store;
        string groupKey = group + "_id";
        var all = () => store.Groups.Where(g => g.Kind == kind).SelectMany(g => g.Members.Select(m => (Group: g, Member: m)));
        JsonObject View((Faspex4Group Group, Membership Member) x) => WithExtra(new JsonObject
        {
            ["id"] = x.Member.Id, [groupKey] = x.Group.Id, ["user_id"] = x.Member.User.Id,
        }, x.Member.Extra);
        return new EntityCollection(group + "_membership", AdminOnly: false,
            List: () => all().Select(View),
            Create: body =>
            {
                var g = store.Groups.FirstOrDefault(g => g.Kind == kind && Id(g.Id) == Text(body, groupKey));
                var u = store.Users.FirstOrDefault(u => Id(u.Id) == Text(body, "user_id"));
                if (g is null) return (null, $"{char.ToUpperInvariant(group[0])}{group[1..]} must exist");
                if (u is null) return (null, "User must exist");
                if (g.MemberOf(u) is not null) return (null, "User has already been taken");
                var m = new Membership { Id = store.NextMembershipId(), User = u };
                KeepExtra(m.Extra, body, groupKey, "user_id");
                g.Members.Add(m);
                return (View((g, m)), null);
            },
            Modify: (id, body) =>
            {
                var x = all().FirstOrDefault(x => Id(x.Member.Id) == id);
                if (x.Member is null) return (null, null);
                KeepExtra(x.Member.Extra, body, groupKey, "user_id");
                return (View(x), null);
            },
            Delete: id => all().FirstOrDefault(x => Id(x.Member.Id) == id) is { Member: not null } x && x.Group.Members.Remove(x.Member));
    }

    private static EntityCollection Users(Faspex4Emulator f)
    {
        var store = f.Store;
        JsonObject View(Faspex4User u) => WithExtra(new JsonObject
        {
            ["id"] = u.Id, ["name"] = u.Name, ["email"] = u.Email, ["first_name"] = u.FirstName, ["last_name"] = u.LastName,
            ["created_at"] = AtomXml.Time(u.CreatedAt),
        }, u.Extra);
        string[] modelled = ["name", "email", "first_name", "last_name", "password", "created_at"];
        return new EntityCollection("user", AdminOnly: false,
            List: () => store.Users.Select(View),
            Create: body =>
            {
                string? name = Text(body, "name");
                if (string.IsNullOrEmpty(name)) return (null, "Name can't be blank");
                if (store.UserByName(name) is not null) return (null, "Name has already been taken");
                var u = new Faspex4User
                {
                    Id = store.NextUserId(), Name = name, Password = Text(body, "password") ?? Guid.NewGuid().ToString("N"),
                    Email = Text(body, "email") ?? $"{name}@example.com", FirstName = Text(body, "first_name") ?? "", LastName = Text(body, "last_name") ?? "",
                };
                KeepExtra(u.Extra, body, modelled);
                store.Users.Add(u);
                return (View(u), null);
            },
            Modify: (id, body) =>
            {
                if (store.Users.FirstOrDefault(u => Id(u.Id) == id) is not { } u) return (null, null);
                if (Text(body, "name") is { } name && store.Users.Any(o => o != u && o.Name == name)) return (null, "Name has already been taken");
                u.Name = Text(body, "name") ?? u.Name;
                u.Email = Text(body, "email") ?? u.Email;
                u.FirstName = Text(body, "first_name") ?? u.FirstName;
                u.LastName = Text(body, "last_name") ?? u.LastName;
                u.Password = Text(body, "password") ?? u.Password;
                KeepExtra(u.Extra, body, modelled);
                return (View(u), null);
            },
            Delete: id => store.Users.FirstOrDefault(u => Id(u.Id) == id) is { } u && store.Users.Remove(u));
    }

    private static EntityCollection Profiles(Faspex4Emulator f)
    {
        var store = f.Store;
        JsonObject View(MetadataProfile p) => WithExtra(new JsonObject
        {
            ["id"] = p.Id, ["name"] = p.Name,
            ["fields"] = new JsonArray([.. p.RequiredFields.Select(static n => (JsonNode)new JsonObject { ["name"] = n, ["required"] = true })]),
        }, p.Extra);
        void Apply(MetadataProfile p, JsonObject body)
        {
            p.Name = Text(body, "name") ?? p.Name;
            if (body["fields"] is JsonArray fields)
            {
                p.RequiredFields.Clear();
                p.RequiredFields.AddRange(fields.OfType<JsonObject>().Where(static x => x["required"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
                    .Select(static x => x["name"]?.ToString() ?? ""));
            }
            KeepExtra(p.Extra, body, "name", "fields");
        }
        return new EntityCollection("metadata_profile", AdminOnly: false,
            List: () => store.MetadataProfiles.Select(View),
            Create: body =>
            {
                if (string.IsNullOrEmpty(Text(body, "name"))) return (null, "Name can't be blank");
                var p = new MetadataProfile { Id = store.NextProfileId(), Name = "" };
                Apply(p, body);
                store.MetadataProfiles.Add(p);
                return (View(p), null);
            },
            Modify: (id, body) =>
            {
                if (store.MetadataProfiles.FirstOrDefault(p => Id(p.Id) == id) is not { } p) return (null, null);
                Apply(p, body);
                return (View(p), null);
            },
            Delete: id => store.MetadataProfiles.FirstOrDefault(p => Id(p.Id) == id) is { } p && store.MetadataProfiles.Remove(p));
    }

    /// <summary>The packages a user sent or received.</summary>
    public static EntityCollection Packages(Faspex4Emulator f, Faspex4User owner)
    {
        var store = f.Store;
        IEnumerable<Faspex4Package> Mine() => store.Packages.Where(p => p.Sender == owner || p.Recipients.Any(r => Faspex4Store.Reads(owner, r)));
        JsonObject View(Faspex4Package p) => new()
        {
            ["id"] = p.Id, ["title"] = p.Title, ["note"] = p.Note, ["uuid"] = p.Uuid, ["delivery_id"] = p.DeliveryId,
            ["sender_id"] = p.Sender.Id, ["sender_name"] = p.Sender.Name, ["created_at"] = AtomXml.Time(p.Created),
            ["recipients"] = new JsonArray([.. p.Recipients.Select(static r => (JsonNode)new JsonObject { ["name"] = r.Name, ["recipient_delivery_id"] = r.DeliveryId })]),
        };
        return new EntityCollection("package", AdminOnly: false,
            List: () => Mine().Select(View),
            Create: body =>
            {
                string? title = Text(body, "title");
                if (string.IsNullOrEmpty(title)) return (null, "Title can't be blank");
                var names = (body["recipients"] as JsonArray ?? []).Select(static r => r?.ToString() ?? "").Where(static r => r.Length > 0);
                var recipients = f.ResolveRecipients(owner, names, checkRights: true, out string? error);
                if (recipients is null) return (null, error);
                var p = f.CreatePackage(owner, title, Text(body, "note") ?? "", [], recipients, DateTime.UtcNow);
                Directory.CreateDirectory(f.NodeLink.Absolute(p.Folder));
                return (View(p), null);
            },
            Modify: (id, body) =>
            {
                if (Mine().FirstOrDefault(p => Id(p.Id) == id) is not { } p) return (null, null);
                p.Title = Text(body, "title") ?? p.Title;
                p.Note = Text(body, "note") ?? p.Note;
                return (View(p), null);
            },
            Delete: id => Mine().FirstOrDefault(p => Id(p.Id) == id) is { } p && store.Packages.Remove(p));
    }
}
