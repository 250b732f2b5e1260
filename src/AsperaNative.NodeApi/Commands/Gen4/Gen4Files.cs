// The gen4 Node API file commands (file ids: /files/{id}/files, /permissions, previews), declared once and
// mounted by every plugin that offers them: node `access_keys do <id>`, aoc `files` and `admin node do <id>`,
// ats `access_key node <id>`, shares… Manual: "Plugin: node", "Plugin: aoc" (files).
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Sync;

namespace AsperaNative.NodeApi.Commands.Gen4;

/// <summary>
/// The scope of the gen4 commands: a node API with the credentials that reach the files (an access key's
/// secret or a bearer token) and the file id of the top folder that paths are relative to.
/// </summary>
[CommandSet("gen4")]
[MountCommands(typeof(Gen3Node), "v3", Scope = nameof(V3))]
[MountCommands(typeof(SyncScope), "sync", Scope = nameof(Sync))]
public sealed class Gen4Files(NodeApiClient api, string rootId, PluginContext context)
{
    public NodeApiClient Api { get; } = api;
    /// <summary>The file id of the top folder.</summary>
    public string RootId { get; } = rootId;
    public PluginContext Context { get; } = context;
    /// <summary>The access key's information when it was read to find the top folder.</summary>
    public JsonObject? AccessKeyInfo { get; init; }

    /// <summary><c>v3</c>: the classic (gen3) API with the same credentials.</summary>
    public Gen3Node V3() => new(Api, Context);

    /// <summary>
    /// <c>sync</c>: the gen4 transfer spec of the remote folder (sending to push and both ways, receiving to pull);
    /// async then addresses the root of the token.
    /// </summary>
    public SyncScope Sync() => new(async (direction, _, remote) =>
    {
        var folder = await ResolveAsync(remote);
        string ts = direction == "pull" ? TransferRunner.DirectionReceive : TransferRunner.DirectionSend;
        return await Gen4TransferSpec.BuildAsync(folder.Api, folder.FileId, ts, new NodeOptions(Context.Options).DefaultPorts != false);
    });

    /// <summary>The file of a path below the top folder, or of a <c>%id:&lt;file_id&gt;</c> selector (on the top node).</summary>
    public async Task<NodeFile> FileAsync(string pathOrSelector)
    {
        if (pathOrSelector.StartsWith('%'))
        {
            int colon = pathOrSelector.IndexOf(':');
            if (colon < 0 || pathOrSelector[1..colon] != "id") throw CliException.Runtime("Only selection \"id\" is supported (file id)");
            return new NodeFile(Api, pathOrSelector[(colon + 1)..]);
        }
        return await FileResolver.ResolveAsync(Api, RootId, pathOrSelector);
    }

    /// <summary>The file of a path below the top folder (no selector); a link at the end is followed when asked (or when the path ends with <c>/</c>).</summary>
    public Task<NodeFile> ResolveAsync(string path, bool followLastLink = false) => FileResolver.ResolveAsync(Api, RootId, path, followLastLink);
}
