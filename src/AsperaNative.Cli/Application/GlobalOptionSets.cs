using AsperaNative.Config;
using AsperaNative.Core.Options;
using AsperaNative.Output;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Notifications;

namespace AsperaNative.Cli.Application;

/// <summary>
/// The options every command accepts, each set owned by its library, declared in the order of ascli's
/// help ("OPTIONS: global"): the order is the contract of <c>-h</c> and <c>--show-config</c>.
/// </summary>
internal static class GlobalOptionSets
{
    public static OptionDescriptor[] Descriptors =>
    [
        .. InputOptions.Descriptors,
        .. OutputOptions.Descriptors,
        .. GlobalOptions.Descriptors,
        .. ConfigOptions.Descriptors,
        .. CommandOptions.Descriptors,
        .. PresetOptions.Descriptors,
        .. AscpOptions.Descriptors,
        .. NotificationOptions.Descriptors,
        .. RestOptions.Descriptors,
        .. TransferOptions.Descriptors,
    ];
}
