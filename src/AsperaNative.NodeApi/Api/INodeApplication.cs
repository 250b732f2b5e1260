using System.Text.Json.Nodes;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// What an application that hands out a node (Aspera on Cloud: its workspaces' nodes) adds to the gen4 calls
/// on it, ascli's <c>app_info</c> of a node API object: tags and cookie of its transfer specs, another address
/// for transfers, the nodes that shared-folder links point to, and the application's side of permissions.
/// A <see cref="NodeApiClient"/> without one is a plain node (access key credentials).
/// </summary>
public interface INodeApplication
{
    /// <summary>The application's identifier of this node (link targets on this node are not looked up again).</summary>
    string NodeId { get; }

    /// <summary>The host transfers go to instead of the node API's host (AoC's <c>transfer_url</c>), or null.</summary>
    string? TransferHost { get; }

    /// <summary>Adds the application's tags (and cookie) to a gen4 transfer spec, before its transport fields.</summary>
    Task AddTransferTagsAsync(JsonObject spec, CancellationToken cancel = default);

    /// <summary>The node API of another node of the application (target of a link), with the same user.</summary>
    Task<NodeApiClient> NodeApiAsync(string nodeId, CancellationToken cancel = default);

    /// <summary>Completes the parameters of a permission before it is created (tags, <c>with</c>/<c>as</c> helpers).</summary>
    Task PreparePermissionAsync(JsonObject parameters, CancellationToken cancel = default);

    /// <summary>Tells the application that permissions changed (<c>permission.created</c>, <c>permission.deleted</c>).</summary>
    Task PermissionEventAsync(JsonNode? data, IReadOnlyList<string> types, CancellationToken cancel = default);
}
