using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.Agents;

/// <summary>What a factory gets to build the agent of <c>--transfer</c>: the options, the plugin's services, <c>--transfer-info</c>, the transfer log, the local SDK.</summary>
public sealed record TransferAgentRequest(GlobalOptions Global, PluginContext Context, JsonObject Info, TransferLog Log)
{
    /// <summary>The local Aspera installation (<c>--ascp-path</c>, <c>--use-product</c>, <c>--sdk-folder</c>).</summary>
    public Direct.AscpInstallation Installation => new(Context.ExtendedValues.HomeFolder, Global.AscpPath, Global.UseProduct, Global.SdkFolder);
}

/// <summary>Builds the agent of one <c>--transfer</c> value.</summary>
public delegate ITransferAgent TransferAgentFactory(TransferAgentRequest request);

/// <summary>
/// The agents other libraries provide (the node agent lives in AsperaNative.NodeApi, which references this
/// library): each registers its factory once at start-up, <see cref="TransferRunner"/> looks it up by the
/// <c>--transfer</c> value. The direct agent is built in, never registered.
/// </summary>
public static class TransferAgentRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, TransferAgentFactory> Factories = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) the factory of an agent name; idempotent.</summary>
    public static void Register(string name, TransferAgentFactory factory)
    {
        lock (Gate) Factories[name] = factory;
    }

    /// <summary>The factory of an agent name, if one is registered.</summary>
    public static TransferAgentFactory? Find(string name)
    {
        lock (Gate) return Factories.GetValueOrDefault(name);
    }
}
