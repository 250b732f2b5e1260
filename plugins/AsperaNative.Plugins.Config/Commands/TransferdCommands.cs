using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// <c>config transferd</c>: the Transfer SDK (its daemon <c>asperatransferd</c> runs <c>--transfer=trsdk</c>, manual
/// "Agent: Transfer SDK"): the SDK versions published for each platform, and their installation in the SDK folder.
/// </summary>
[CommandGroup("config transferd")]
internal sealed class TransferdCommands(PluginContext context, GlobalOptions global)
{
    /// <summary>List the transfer SDK versions published (platform, version)</summary>
    [Command("list")]
    public Result List()
    {
        var list = SdkDownload.Locations(context.GetService<RestFactory>());
        var fields = list.Count == 0 ? [] : list[0].Select(static p => p.Key).Where(static k => k != "url").ToList();
        return Result.ObjectList(new System.Text.Json.Nodes.JsonArray([.. list.Select(static l => (System.Text.Json.Nodes.JsonNode)l.DeepClone())]), fields);
    }

    /// <summary>Download and install the transfer SDK (daemon and ascp)</summary>
    [Command("install")]
    public Result Install(CommandContext command) => new AscpCommands(context, global).InstallSdk(command);
}
