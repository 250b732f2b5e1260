// Plugin cos: IBM Cloud Object Storage buckets with Aspera: the bucket's FASP connection info from the S3 API
// (GET {endpoint}/{bucket}?faspConnectionInfo with an IBM Cloud IAM token), a delegated refresh token from IAM
// ({identity}/token), then the node commands on the bucket's ATS node (Node API, storage credentials header).
// Manual: "Plugin: cos: IBM Cloud Object Storage".
using AsperaNative.Auth.Cache;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.NodeApi.Commands.Transfers;
using AsperaNative.Plugins.Cos.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Cos;

/// <summary>IBM Cloud Object Storage</summary>
[Plugin("cos")]
[MountCommands(typeof(Gen3Node), "node", Scope = nameof(Node), Verbs = "access_keys|api_details|download|info|upload")]
[MountCommands(typeof(NodeTransfers), "node transfer", Scope = nameof(Transfers))]
public sealed class CosPlugin(CosOptions options, RestFactory rest, TokenCache tokens, PluginContext context)
{
    private NodeApiClient? _node;

    /// <summary><c>node</c>: the node commands on the bucket's transfer node.</summary>
    public async Task<Gen3Node> Node() => new(await BucketNodeAsync(), context);

    /// <summary><c>node transfer</c>: the transfers of the bucket's transfer node.</summary>
    public async Task<NodeTransfers> Transfers() => new(await BucketNodeAsync());

    private async Task<NodeApiClient> BucketNodeAsync() => _node ??= await CosBucket.ConnectAsync(rest, tokens, options, new NodeApi.NodeOptions(context.Options));
}
