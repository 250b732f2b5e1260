using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Permissions on a folder; &lt;path&gt;: folder path, or %id:&lt;file_id&gt;</summary>
[CommandGroup("node access_keys do <id> permission <path>")]
internal sealed class PermissionCommands(NodePlugin plugin)
{
    private static readonly string[] AccessLevels = ["delete", "list", "mkdir", "preview", "read", "rename", "write"];

    /// <summary>List permissions of the folder (filter with --query)</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await Gen4Files.IdentifierFileIdAsync(scope, c, "path");
        var query = new JsonObject { ["include"] = new JsonArray("[]", "access_level", "permission_count"), ["file_id"] = id, ["inherited"] = false };
        if (Gen3Files.QueryObject(plugin) is { } user) foreach (var (k, v) in user) query[k] = v?.DeepClone();
        return Result.ObjectList(await scope.Api.ReadAsync("permissions", query) as JsonArray ?? []);
    }

    /// <summary>Create a permission on the folder</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        string id = await Gen4Files.IdentifierFileIdAsync(scope, c, "path");
        var parameters = c.Args.NextValue("creation data") as JsonObject ?? throw CliException.BadArgument("creation data: expecting Hash");
        if (parameters.ContainsKey("file_id")) throw CliException.Runtime("no file_id");
        parameters["file_id"] = id;
        parameters["access_levels"] ??= new JsonArray([.. AccessLevels.Select(static l => (JsonNode)l)]);
        return Result.SingleObject(await scope.Api.CreateAsync("permissions", parameters) as JsonObject ?? []);
    }

    /// <summary>Delete a permission</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c)
    {
        var scope = await plugin.AccessKeyAsync(c);
        await Gen4Files.IdentifierFileIdAsync(scope, c, "path");
        string permission = c.Args.NextString("permission id");
        await scope.Api.DeleteAsync($"permissions/{permission}");
        return Result.SingleObject(new JsonObject { ["id"] = permission, ["status"] = "deleted" });
    }
}
