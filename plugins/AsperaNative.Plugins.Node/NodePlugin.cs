// Plugin node: IBM Aspera HSTS Node API (gen3 on paths: /files/browse, /files/create, /info, /ops/transfers,
// /access_keys…; gen4 on file ids with access keys: /files/{id}/files, /permissions). The API client and the
// gen3/gen4 command sets are the reusable library AsperaNative.NodeApi (also used by AoC, Shares, ATS, Faspex).
// Manual: "Plugin: node".
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Agent;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.NodeApi.Commands.Transfers;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Node;

/// <summary>HSTS Node API</summary>
[Plugin("node")]
[MountCommands(typeof(Gen3Node), "", Scope = nameof(Gen3))]
[MountCommands(typeof(Entity), "ssync", Scope = nameof(Ssyncs), Verbs = "create|delete|list|show", Name = "sync")]
[MountCommands(typeof(NodeTransfers), "transfer", Scope = nameof(Transfers))]
public sealed partial class NodePlugin : IApplicationDetector, IApplicationWizard
{
    private readonly PluginContext _context;
    private readonly RestFactory _rest;
    private NodeApiClient? _api;

    public NodePlugin(BasicAuthOptions auth, NodeOptions node, TransferOptions transfer, RestFactory rest, TransferRunner runner, PluginContext context)
    {
        Auth = auth;
        Node = node;
        _rest = rest;
        _context = context;
        // --transfer=node without a node in --transfer-info transfers through this plugin's node
        runner.AgentFor = type => type == NodeAgent.Name && transfer.TransferInfo is not { Count: > 0 } ? NodeAgent.FromInfo(rest, NodeAgentInfo()) : null;
    }

    public BasicAuthOptions Auth { get; }
    public NodeOptions Node { get; }
    public PluginContext Context => _context;

    /// <summary>The node of <c>--url</c>, <c>--username</c>, <c>--password</c> (a <c>Bearer</c> password is an access key token).</summary>
    public NodeApiClient Api => _api ??= CreateApi();

    /// <summary>The gen3 commands of the plugin's root, on the main node.</summary>
    public Gen3Node Gen3() => new(Api, _context);

    /// <summary><c>transfer</c>: the main node's transfers.</summary>
    public NodeTransfers Transfers() => new(Api);

    /// <summary><c>ssync</c>: the node's syncs (new API), <c>%name:</c> looked up in their configuration.</summary>
    public Entity Ssyncs() => new(Api.Rest, "asyncs") { ItemListKey = "ids", Lookup = SsyncLookup };

    /// <summary>A sync id, or <c>%name:value</c> resolved among the node's syncs (ascli's <c>ssync_lookup</c>).</summary>
    public async Task<string> SsyncId(string given)
    {
        if (!InstanceIdentifier.IsSelector(given)) return given;
        int colon = given.IndexOf(':');
        return await SsyncLookup(given[1..colon], given[(colon + 1)..]);
    }

    private async Task<string> SsyncLookup(string field, string value)
    {
        if (field != "name") throw Core.Errors.CliException.BadArgument($"Only search by name is supported ({field})");
        var ids = (await Api.ReadAsync("asyncs"))?["ids"] as JsonArray ?? [];
        foreach (var id in ids)
        {
            var configuration = (await Api.ReadAsync($"asyncs/{id}"))?["configuration"];
            if (configuration?[field]?.ToString() == value) return id?.ToString() ?? "";
        }
        throw Core.Errors.CliException.BadArgument($"no such sync: {field}={value}");
    }

    private NodeApiClient CreateApi()
    {
        // ascli reads the password first: a bearer token needs no username
        string password = Auth.RequiredPassword, url = Auth.RequiredUrl, username = Auth.RequiredUsername;
        return NodeConnection.Create(_rest, url, username, password, Node.NodeCache != false);
    }

    /// <summary>This plugin's node as the node agent's parameters.</summary>
    private JsonObject NodeAgentInfo()
    {
        var result = new JsonObject { ["url"] = Auth.Url, ["username"] = Auth.Username, ["password"] = Auth.Password };
        if (Node.RootId is { } root) result["root_id"] = root;
        return result;
    }
}
