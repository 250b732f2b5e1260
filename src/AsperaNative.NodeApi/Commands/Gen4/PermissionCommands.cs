using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Commands.Gen3;

namespace AsperaNative.NodeApi.Commands.Gen4;

/// <summary>Permissions on a folder; &lt;path&gt;: folder path, or %id:&lt;file_id&gt;</summary>
[CommandGroup("gen4 permission <path:path or %id:<id>>")]
internal sealed class PermissionCommands(Gen4Files files, CommandOptions options)
{
    private static readonly string[] AccessLevels = ["delete", "list", "mkdir", "preview", "read", "rename", "write"];

    /// <summary>List permissions of the folder (filter with --query)</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext c)
    {
        string id = await files.FileIdAsync(c.Identifier("path"));
        var query = new JsonObject { ["include"] = new JsonArray("[]", "access_level", "permission_count"), ["file_id"] = id, ["inherited"] = false };
        if (options.QueryHash() is { } user) foreach (var (k, v) in user) query[k] = v?.DeepClone();
        return Result.ObjectList(await files.Api.ReadAsync("permissions", query) as JsonArray ?? []);
    }

    /// <summary>Create a permission on the folder</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c, [Argument("creation data", Name = "params")] JsonObject parameters)
    {
        string id = await files.FileIdAsync(c.Identifier("path"));
        if (parameters.ContainsKey("file_id")) throw CliException.Runtime("no file_id");
        parameters["file_id"] = id;
        parameters["access_levels"] ??= new JsonArray([.. AccessLevels.Select(static l => (JsonNode)l)]);
        return Result.SingleObject(await files.Api.CreateAsync("permissions", parameters) as JsonObject ?? []);
    }

    /// <summary>Delete a permission</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c, [Argument("permission id", Name = "perm_id")] string permission)
    {
        await files.FileIdAsync(c.Identifier("path"));
        await files.Api.DeleteAsync($"permissions/{permission}");
        return Result.SingleObject(new JsonObject { ["id"] = permission, ["status"] = "deleted" });
    }
}
