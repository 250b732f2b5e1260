// Faspex 5 admin entity commands beside the generic ones ({url}/api/v5): accounts/<id>/reset_password,
// nodes/<id>/browse, <group>/<id>/external_collaborator and <group>/<id>/members. docs/products/faspex5.md §7.1.
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Faspex5.Admin;

/// <summary>Accounts</summary>
[CommandGroup("f5admin accounts")]
internal sealed class AccountCommands(Faspex5Resources resources)
{
    /// <summary>Send a password reset to an account</summary>
    [Command("reset_password")]
    public async Task<Result> ResetPassword([Argument("identifier", Name = "id")] string id)
    {
        string account = resources.Selector(id) is { } s ? await resources.Api.LookupIdAsync("accounts", s.Field, s.Value) : id;
        await resources.Api.Rest.CreateAsync($"accounts/{account}/reset_password", new JsonObject());
        return Result.Status("password reset, user shall check email");
    }
}

/// <summary>Nodes</summary>
[CommandGroup("f5admin nodes")]
internal sealed class NodeCommands(Faspex5Resources resources, CommandOptions options)
{
    /// <summary>Browse the storage of a node</summary>
    [Command("browse")]
    public Task<Result> Browse([Argument("identifier", Name = "id")] string id, [Argument("folder path", Name = "path")] string folder = "/")
        => Task.FromResult(Result.ObjectList(resources.Api.Browse($"nodes/{Faspex5Plugin.PlainId(id)}/browse", folder, options.Query)));
}

/// <summary>Shared inboxes</summary>
[CommandGroup("f5admin shared_inboxes")]
internal sealed class SharedInboxCommands(Faspex5Resources resources)
{
    /// <summary>Invite an external user</summary>
    [Command("invite_external_collaborator")]
    public Task<Result> Invite([Argument("identifier", Name = "id")] string id,
        [Argument("parameters for invite_external_collaborator", Name = "email|params", Types = "Hash,String")] JsonNode invitation)
        => GroupOperations.InviteAsync(resources, "shared_inboxes", id, invitation);
}

/// <summary>Workgroups</summary>
[CommandGroup("f5admin workgroups")]
internal sealed class WorkgroupCommands(Faspex5Resources resources)
{
    /// <summary>Invite an external user</summary>
    [Command("invite_external_collaborator")]
    public Task<Result> Invite([Argument("identifier", Name = "id")] string id,
        [Argument("parameters for invite_external_collaborator", Name = "email|params", Types = "Hash,String")] JsonNode invitation)
        => GroupOperations.InviteAsync(resources, "workgroups", id, invitation);
}

/// <summary>Members of a shared inbox</summary>
[CommandGroup("f5admin shared_inboxes members <id>")]
internal sealed class SharedInboxMemberCommands(Faspex5Resources resources)
{
    /// <summary>Add member(s) with an access level</summary>
    [Command("create")]
    public Task<Result> Create(CommandContext context, [Argument("user id, %name:, or Array", Name = "user_id|%name:|list", Types = "String,Array")] JsonNode users,
        [Argument("level", Values = ["submit_only", "standard", "shared_inbox_admin"])] string access = "standard")
        => GroupOperations.AddMembersAsync(resources, "shared_inboxes", context.Identifier("id"), users, access);
}

/// <summary>Members of a workgroup</summary>
[CommandGroup("f5admin workgroups members <id>")]
internal sealed class WorkgroupMemberCommands(Faspex5Resources resources)
{
    /// <summary>Add member(s) with an access level</summary>
    [Command("create")]
    public Task<Result> Create(CommandContext context, [Argument("user id, %name:, or Array", Name = "user_id|%name:|list", Types = "String,Array")] JsonNode users,
        [Argument("level", Values = ["submit_only", "standard", "shared_inbox_admin"])] string access = "standard")
        => GroupOperations.AddMembersAsync(resources, "workgroups", context.Identifier("id"), users, access);
}

/// <summary>What shared inboxes and workgroups share: external collaborators and members.</summary>
internal static class GroupOperations
{
    /// <summary>
    /// Invites an external collaborator (an email or the API's Hash) and shows the new member, looked up by name
    /// among the group's members.
    /// </summary>
    public static async Task<Result> InviteAsync(Faspex5Resources resources, string word, string id, JsonNode invitation)
    {
        string group = await resources.GroupIdAsync(word, id);
        var body = invitation is JsonObject o ? o : new JsonObject { ["email_address"] = Faspex5Plugin.Text(invitation) };
        var answer = await resources.Api.Rest.CreateAsync($"{word}/{group}/external_collaborator", body);
        resources.Context.Status(Faspex5Plugin.Text(answer?["message"]));
        var member = await resources.Api.LookupAsync("members", "name", body["email_address"]?.DeepClone(), $"{word}/{group}/members", "members", []);
        return Result.SingleObject(member);
    }

    /// <summary>Adds users (ids, or <c>%field:value</c> of accounts) to a group with one access level.</summary>
    public static async Task<Result> AddMembersAsync(Faspex5Resources resources, string word, string id, JsonNode users, string access)
    {
        string group = await resources.GroupIdAsync(word, id);
        var list = users as JsonArray ?? new JsonArray(users.DeepClone());
        var entries = new JsonArray();
        foreach (var user in list)
        {
            JsonNode? userId = user?.DeepClone();
            if (user is JsonValue v && JsonScalar.TryGetText(v, out string? text) && resources.Selector(text) is { } s)
                userId = (await resources.Api.LookupAsync("accounts", s.Field, s.Value, query: (JsonObject)Faspex5Resources.MemberAccountQuery.DeepClone()))["id"]?.DeepClone();
            entries.Add((JsonNode)new JsonObject { ["id"] = userId, ["access"] = access });
        }
        var created = await resources.Api.Rest.CreateAsync($"{word}/{group}/members", new JsonObject { ["user"] = entries }) as JsonObject ?? [];
        created["status"] = "created";
        return Result.SingleObject(created);
    }
}
