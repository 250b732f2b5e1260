using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;

namespace AsperaNative.Rest;

/// <summary>Services of the REST library for plugin and group constructors.</summary>
[ServiceProviders]
public static class RestServices
{
    /// <summary>The REST stack of the run: its HTTP pipeline is built on the first call, with the options as they are then.</summary>
    public static RestFactory Rest(PluginContext context) => context.Once(static c =>
    {
        // the log exists before the stack, so that it is disposed after it and gets the stack's last lines
        var log = CoreServices.Log(c);
        return new RestFactory(() => RestSettings.From(new RestOptions(c.Options), new GlobalOptions(c.Options), c.Terminal.Err, log));
    });
}
