// Plugin node: IBM Aspera HSTS Node API (gen3 on paths: /files/browse, /files/create, /info, /ops/transfers,
// /access_keys…; gen4 on file ids with access keys: /files/{id}/files, /permissions). The API client is
// the reusable library AsperaNative.NodeApi (also used by AoC, Shares, ATS). Manual: "Plugin: node".
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.NodeApi.Agent;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Node;

/// <summary>HSTS Node API</summary>
[Plugin("node")]
public sealed class NodePlugin(NodeOptions options, GlobalOptions global, PluginContext context)
{
    private NodeApiClient? _api;
    private TransferRunner? _transfer;
    private AccessKeyScope? _scope;

    public NodeOptions Options => options;
    public GlobalOptions Global => global;
    public PluginContext Context => context;
    public RestFactory Rest => context.GetService<RestFactory>();

    /// <summary>The node of <c>--url</c>, <c>--username</c>, <c>--password</c> (a <c>Bearer</c> password is an access key token).</summary>
    public NodeApiClient MainApi => _api ??= CreateApi();

    /// <summary>The node API of gen3 commands: the main one, or the access key's under <c>access_keys do &lt;id&gt; v3</c>.</summary>
    public NodeApiClient Api => _scope?.Api ?? MainApi;

    /// <summary>The transfer front-end; with <c>--transfer=node</c> the node agent of <c>--transfer-info</c>.</summary>
    public TransferRunner Transfer => _transfer ??= CreateRunner();

    private NodeApiClient CreateApi()
    {
        // ascli reads the password first
        string password = options.Password!;
        return NodeConnection.Create(Rest, options.Url!, options.Username!, password, options.NodeCache != false);
    }

    private TransferRunner CreateRunner()
    {
        var runner = new TransferRunner(global, context);
        if (global.Transfer == "node") runner.Agent = NodeAgent.FromInfo(Rest, NodeAgentInfo());
        return runner;
    }

    /// <summary><c>--transfer-info</c>, else this plugin's node (ascli takes the default node preset).</summary>
    private JsonObject NodeAgentInfo()
    {
        var info = global.TransferInfo;
        if (info is { Count: > 0 } && info.ContainsKey("url")) return info;
        var result = new JsonObject { ["url"] = options.Url, ["username"] = options.Username, ["password"] = options.Password };
        if (options.RootId is { } root) result["root_id"] = root;
        return result;
    }

    /// <summary>Under <c>v3 access_keys do</c>: the access key's API becomes the main one, the next access key is read through it.</summary>
    public void EnterV3(AccessKeyScope scope)
    {
        _api = scope.Api;
        _scope = null;
    }

    /// <summary>The access key of <c>access_keys do &lt;id&gt;</c>: its API and top folder id (read once per invocation).</summary>
    public async Task<AccessKeyScope> AccessKeyAsync(CommandContext command)
    {
        if (_scope is not null) return _scope;
        string id = command.Identifiers["id"]?.ToString() ?? "self";
        var api = MainApi;
        string? root = options.RootId;
        JsonObject? info = null;
        if (root is null)
        {
            info = await api.ReadAsync($"access_keys/{id}") as JsonObject ?? [];
            root = info["root_file_id"]?.ToString() ?? throw Core.Errors.CliException.Runtime("no root_file_id for access key");
        }
        if (id != "self")
        {
            string akId = info?["id"]?.ToString() ?? id;
            string secret = global.Secret ?? throw NodeConnection.MissingSecret(api.BaseUrl, akId);
            api = api.WithCredentials(akId, secret);
        }
        return _scope = new AccessKeyScope(api, root, info);
    }
}

/// <summary>An access key in use: the API with its credentials, the top folder's file id, the key's information if read.</summary>
public sealed record AccessKeyScope(NodeApiClient Api, string RootId, JsonObject? Info);
