using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Agent;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen4;
using AsperaNative.Plugins.Aoc.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Aoc.Commands;

/// <summary>Short links on a folder of the home</summary>
[CommandGroup("aoc files short_link <path:path> {type:public|private}")]
internal sealed class FileShortLinkCommands(AocPlugin plugin, CommandOptions options)
{
    /// <summary>Create the link</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c)
    {
        var (links, file, home, path) = await LinksAsync(c);
        var created = await links.CreateAsync();
        if (c.Identifier("type") == "public")
        {
            var self = await plugin.Aoc.UserInfoAsync();
            var app = (AocNodeApplication)file.Api.Application!;
            var workspace = app.Use.Workspace;
            var permission = new JsonObject
            {
                ["file_id"] = file.FileId,
                ["access_id"] = created["resource_id"]?.DeepClone(),
                ["access_type"] = "user",
                ["access_levels"] = new JsonArray([.. AocNodeApplication.AllAccessLevels.Select(static l => (JsonNode)l)]),
                ["tags"] = new JsonObject
                {
                    ["url_token"] = true,
                    ["workspace_id"] = workspace.Id,
                    ["workspace_name"] = workspace.Name,
                    ["folder_name"] = Path.GetFileName(path.TrimEnd('/')),
                    ["created_by_name"] = self["name"]?.DeepClone(),
                    ["created_by_email"] = self["email"]?.DeepClone(),
                    ["access_key"] = app.Node["access_key"]?.DeepClone(),
                    ["node"] = app.Node["host"]?.DeepClone(),
                },
            };
            var made = await file.Api.CreateAsync("permissions", permission);
            await app.PermissionEventAsync(made?.DeepClone(), ["permission.created"]);
        }
        return Result.SingleObject(created);
    }

    /// <summary>List links</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext c) => (await LinksAsync(c)).Links.List(options.Query);

    /// <summary>Delete a link</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c, [Argument("identifier", Name = "link_id")] string id)
        => await (await LinksAsync(c)).Links.DeleteAsync(id);

    private async Task<(ShortLinks Links, NodeFile File, Gen4Files Home, string Path)> LinksAsync(CommandContext c)
    {
        string path = c.Identifier("path");
        var home = await plugin.Home(c);
        var file = await home.ResolveAsync(path);
        var app = (AocNodeApplication)file.Api.Application!;
        var shared = new JsonObject { ["workspace_id"] = app.Use.Workspace.Id, ["node_id"] = app.NodeId, ["file_id"] = file.FileId };
        return (new ShortLinks(await plugin.Aoc.ApiAsync(), shared, "view_shared_file", c.Identifier("type") == "public"), file, home, path);
    }
}

/// <summary>Node-to-node transfers in the workspace</summary>
[CommandGroup("aoc files")]
internal sealed class FileTransferCommands(AocPlugin plugin, NodeOptions node, TransferRunner transfer)
{
    /// <summary>Node-to-node transfer in same workspace</summary>
    [Command("transfer")]
    public async Task<Result> Transfer(CommandContext c, [Argument("direction", Values = ["push", "pull"])] string direction, [Argument("source folder", Name = "source")] string source)
        => await NodeTransfer.RunAsync(await plugin.Home(c), node, transfer, direction, source);
}

/// <summary>Node-to-node transfers on an admin node</summary>
[CommandGroup("aoc admin node do <id:node id>")]
internal sealed class AdminNodeTransferCommands(AocPlugin plugin, NodeOptions node, TransferRunner transfer)
{
    /// <summary>Node-to-node transfer in same workspace</summary>
    [Command("transfer")]
    public async Task<Result> Transfer(CommandContext c, [Argument("direction", Values = ["push", "pull"])] string direction, [Argument("source folder", Name = "source")] string source)
        => await NodeTransfer.RunAsync(await plugin.AdminNode(c), node, transfer, direction, source);
}

/// <summary>
/// <c>transfer {push|pull}</c>: the client side is this node's folder (node agent with its token), the server side the other
/// folder's gen4 spec with <c>remote_access_key</c>, <c>destination_root_id</c> and <c>source_root_id</c>.
/// </summary>
internal static class NodeTransfer
{
    public static async Task<Result> RunAsync(Gen4Files files, NodeOptions node, TransferRunner transfer, string direction, string source)
    {
        bool push = direction == "push";
        string toFolder = transfer.DestinationFolder(push ? TransferRunner.DirectionSend : TransferRunner.DirectionReceive);
        var client = await files.ResolveAsync(push ? source : toFolder, followLastLink: true);
        var server = await files.ResolveAsync(push ? toFolder : source, followLastLink: true);
        var extra = new JsonObject
        {
            ["remote_access_key"] = server.Api.Credentials.Username,
            ["destination_root_id"] = server.FileId,
            ["source_root_id"] = client.FileId,
        };
        var spec = await Gen4TransferSpec.BuildAsync(server.Api, server.FileId, push ? TransferRunner.DirectionSend : TransferRunner.DirectionReceive, node.DefaultPorts != false, extra);
        transfer.Agent = NodeAgent.FromInfo(client.Api.Rest.Factory, new JsonObject
        {
            ["url"] = client.Api.BaseUrl,
            ["username"] = client.Api.Credentials.Username,
            ["password"] = await client.Api.AuthorizationAsync(),
            ["root_id"] = client.FileId,
        });
        return TransferRunner.ResultOf(await transfer.StartAsync(spec, null));
    }
}
