using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Core.Values;

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
        var file = await files.FileAsync(c.Identifier("path"));
        // --query replaces the default include list; the folder and inherited=false are added (ascli's order)
        var query = options.QueryHash()?.DeepClone() as JsonObject ?? new JsonObject { ["include"] = new JsonArray("[]", "access_level", "permission_count") };
        if (file.FileId.Length > 0) query["file_id"] = file.FileId;
        if (query.ContainsKey("file_id") && !query.ContainsKey("inherited")) query["inherited"] = false;
        return Result.ObjectList(await file.Api.ReadAsync("permissions", query) as JsonArray ?? []);
    }

    /// <summary>Create a permission on the folder</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c, [Argument("creation data", Name = "params")] JsonObject parameters)
    {
        var file = await files.FileAsync(c.Identifier("path"));
        if (parameters.ContainsKey("file_id")) throw CliException.Runtime("no file_id");
        parameters["file_id"] = file.FileId;
        parameters["access_levels"] ??= new JsonArray([.. AccessLevels.Select(static l => (JsonNode)l)]);
        // the application's tags and helpers (AoC: workspace tags, "with", "as", "link_name")
        if (file.Api.Application is { } app) await app.PreparePermissionAsync(parameters);
        var created = await file.Api.CreateAsync("permissions", parameters);
        if (file.Api.Application is { } notified) await notified.PermissionEventAsync(created?.DeepClone(), ["permission.created"]);
        return Result.SingleObject(created as JsonObject ?? []);
    }

    /// <summary>Delete a permission</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c, [Argument("identifier", Name = "perm_id", Bulk = true, Types = "String")] JsonNode permission)
    {
        var file = await files.FileAsync(c.Identifier("path"));
        bool bulk = options.Bulk == true;
        var ids = bulk ? (JsonArray)permission : new JsonArray(permission.DeepClone());
        var rows = new JsonArray();
        foreach (var one in ids)
        {
            string id = one is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : one?.ToJsonString() ?? "";
            var row = new JsonObject { ["id"] = one?.DeepClone() };
            try
            {
                await file.Api.DeleteAsync($"permissions/{id}");
                if (file.Api.Application is { } app) await app.PermissionEventAsync(new JsonObject(), ["permission.deleted"]);
                row["status"] = "deleted";
            }
            catch (CliException e) when (options.Bfail == false) { row["status"] = e.Message; }
            rows.Add((JsonNode)row);
        }
        string[] fields = ["id", "status"];
        return bulk ? Result.ObjectList(rows, fields) : Result.SingleObject((JsonObject)rows[0]!.DeepClone(), fields);
    }
}
