// The gen3 Node API file and information commands (paths: /files/browse, /files/create, /info, /access_keys…),
// declared once and mounted by every plugin that offers them: node (its root), node's `access_keys do <id> v3`,
// shares `files`, faspex `source node <id>`. Manual: "Plugin: node".
using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen4;
using AsperaNative.Rest.Entities;
using AsperaNative.Transfer.Sync;

namespace AsperaNative.NodeApi.Commands.Gen3;

/// <summary>
/// The scope of the gen3 commands: one node API with its credentials, and the path prefix that the
/// mounting side adds to every path argument and removes from results (Faspex 4 remote sources).
/// </summary>
[CommandSet("gen3")]
[MountCommands(typeof(Entity), "access_keys", Scope = nameof(AccessKeys), Name = "access key")]
[MountCommands(typeof(Gen4Files), "access_keys do <id:access key id>", Scope = nameof(AccessKey))]
[MountCommands(typeof(SyncScope), "sync", Scope = nameof(Sync))]
public sealed class Gen3Node(NodeApiClient api, PluginContext context, string? prefixPath = null)
{
    public NodeApiClient Api { get; } = api;
    public PluginContext Context { get; } = context;
    public string? PrefixPath { get; } = prefixPath;

    /// <summary>
    /// The mounting side gives ascli's plain REST object instead of a node API object (Shares' <c>files</c>, Faspex 4
    /// remote sources): the node API's own methods are missing there, so <c>transport</c> fails as in the original.
    /// </summary>
    public bool PlainRest { get; init; }

    /// <summary>The path given on the command line, below the prefix when there is one.</summary>
    public string WithPrefix(string path) => PrefixPath is null ? path : PrefixPath.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>A result path without the prefix.</summary>
    public string WithoutPrefix(string path) => PrefixPath is not null && path.StartsWith(PrefixPath, StringComparison.Ordinal) ? path[PrefixPath.Length..] : path;

    /// <summary>
    /// <c>sync</c>: the node authorizes the session (<c>files/sync_setup</c>, type <c>sync_upload</c> to push,
    /// <c>sync_download</c> to pull, <c>sync</c> both ways), its null values removed as async refuses them.
    /// </summary>
    public SyncScope Sync() => new(async (direction, local, remote) =>
    {
        var request = new JsonObject
        {
            ["type"] = direction switch { "push" => "sync_upload", "pull" => "sync_download", _ => "sync" },
            ["paths"] = new JsonArray(new JsonObject { ["source"] = remote, ["destination"] = local }),
        };
        var spec = await Api.TransferSetupAsync("sync", request);
        foreach (var key in spec.Where(static p => p.Value is null).Select(static p => p.Key).ToList()) spec.Remove(key);
        return spec;
    });

    /// <summary><c>access_keys</c>: the node's access keys; <c>%id:self</c> is the only selector.</summary>
    public Entity AccessKeys() => new(Api.Rest, "access_keys")
    {
        // ascli gives no default fields: list, show and create show all of them
        Lookup = async (field, value) =>
        {
            if (field != "id" || value != "self") throw CliException.Runtime("only selector: %id:self");
            return (await Api.ReadAsync("access_keys/self"))?["id"]?.ToString() ?? "";
        },
    };

    /// <summary>
    /// <c>access_keys do &lt;id&gt;</c>: the access key's files (gen4) from its top folder (or <c>--root-id</c>); another
    /// key than <c>self</c> is reached with its own credentials (the secret from <c>--secret</c> or the vault).
    /// </summary>
    public async Task<Gen4Files> AccessKey(CommandContext command)
    {
        string id = command.Identifier("id");
        var api = Api;
        string? root = new NodeOptions(Context.Options).RootId;
        JsonObject? info = null;
        if (root is null)
        {
            info = await api.ReadAsync($"access_keys/{id}") as JsonObject ?? [];
            if (id != "self")
            {
                string akId = info["id"]?.ToString() ?? id;
                string secret = new ConfigOptions(Context.Options).Secret ?? throw NodeConnection.MissingSecret(api.BaseUrl, akId);
                api = api.WithCredentials(akId, secret);
            }
            root = info["root_file_id"]?.ToString() ?? throw CliException.Runtime("no root_file_id for access key");
        }
        return new Gen4Files(api, root, Context) { AccessKeyInfo = info };
    }
}
