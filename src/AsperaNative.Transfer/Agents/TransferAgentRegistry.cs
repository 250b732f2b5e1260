using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.Agents;

/// <summary>What a factory gets to build the agent of <c>--transfer</c>: the run's context (for services), <c>--transfer-info</c>, the transfer log.</summary>
public sealed record TransferAgentRequest(PluginContext Context, JsonObject Info, TransferLog Log);

/// <summary>Builds the agent of one <c>--transfer</c> value.</summary>
public delegate ITransferAgent TransferAgentFactory(TransferAgentRequest request);

/// <summary>One agent of the executable's generated registry (<c>[TransferAgent("name")]</c> classes with a static <c>Create</c>).</summary>
public sealed record TransferAgentEntry(string Name, TransferAgentFactory Create);

/// <summary>
/// The agents the executable links (its generated registry, registered by the composition root), looked up
/// by the <c>--transfer</c> value. The direct agent is built in, never listed.
/// </summary>
public sealed class TransferAgentCatalog(IReadOnlyList<TransferAgentEntry> agents)
{
    public IReadOnlyList<TransferAgentEntry> Agents { get; } = agents;

    public TransferAgentFactory? Find(string name) => Agents.FirstOrDefault(a => a.Name == name)?.Create;
}
