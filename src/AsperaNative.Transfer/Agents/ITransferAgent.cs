using System.Text.Json.Nodes;

namespace AsperaNative.Transfer.Agents;

/// <summary>
/// Executes a transfer spec (ARCHITECTURE "TransferAgent"): the direct agent runs ascp, others delegate
/// to a server or daemon. One status per session; progress goes to the listener.
/// </summary>
public interface ITransferAgent
{
    Task<IReadOnlyList<SessionStatus>> TransferAsync(JsonObject spec, ITransferListener listener, Func<string>? tokenRegenerator, CancellationToken cancel);
}
