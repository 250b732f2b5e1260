using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Results;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Direct;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// <c>config transferd</c>: the Transfer SDK (its daemon <c>asperatransferd</c> runs <c>--transfer=trsdk</c>, manual
/// "Agent: Transfer SDK"): the SDK versions published for each platform, and their installation in the SDK folder.
/// </summary>
[CommandGroup("config transferd")]
internal sealed class TransferdCommands(PluginContext context, TransferRunner transfer, AscpOptions ascp, RestFactory rest, PresetStore store, AppLog log)
{
    /// <summary>List the transfer SDK versions published (platform, version)</summary>
    [Command("list")]
    public Result List()
    {
        var list = SdkDownload.Locations(rest);
        var fields = list.Count == 0 ? [] : list[0].Select(static p => p.Key).Where(static k => k != "url").ToList();
        return Result.ObjectList(new JsonArray([.. list.Select(static l => (JsonNode)l.DeepClone())]), fields);
    }

    /// <summary>Download and install the transfer SDK (daemon and ascp)</summary>
    [Command("install")]
    public Result Install([Argument("transferd version", Name = "version")] string? version = null) => new AscpCommands(context, transfer, ascp, rest, store, log).InstallSdk(version);
}
