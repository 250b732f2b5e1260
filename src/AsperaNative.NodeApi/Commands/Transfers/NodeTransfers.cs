using AsperaNative.Core.Attributes;
using AsperaNative.NodeApi.Api;

namespace AsperaNative.NodeApi.Commands.Transfers;

/// <summary>The scope of the transfer commands: the node whose <c>ops/transfers</c> are listed and acted on.</summary>
[CommandSet("transfers")]
public sealed class NodeTransfers(NodeApiClient api)
{
    public NodeApiClient Api { get; } = api;
}
