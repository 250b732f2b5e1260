using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Notifications;

namespace AsperaNative.Transfer;

/// <summary>Services of the transfer library for plugin and group constructors.</summary>
[ServiceProviders]
public static class TransferServices
{
    /// <summary>The run's transfer front-end (one command, one runner): the agent of <c>--transfer</c>, progress, notification.</summary>
    public static TransferRunner Runner(PluginContext context) => context.Once(static c =>
        new TransferRunner(new TransferOptions(c.Options), new AscpOptions(c.Options), new NotificationOptions(c.Options), new RestOptions(c.Options), c));
}
