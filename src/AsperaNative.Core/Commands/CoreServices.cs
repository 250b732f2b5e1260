using AsperaNative.Core.Attributes;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Options;

namespace AsperaNative.Core.Commands;

/// <summary>Services of the core library for plugin and group constructors.</summary>
[ServiceProviders]
public static class CoreServices
{
    /// <summary>The process log, with the level known once presets are applied; its pipeline is built on the first message.</summary>
    public static AppLog Log(PluginContext context) => context.Once(static c =>
    {
        var global = new GlobalOptions(c.Options);
        return new AppLog(global.LogLevel ?? "warn", global.Logger ?? "stderr", c.Terminal.Err, c.Terminal.Out);
    });

    /// <summary>The plugins of the executable.</summary>
    public static PluginCatalog Plugins(PluginContext context) => context.Registered<PluginCatalog>();

    /// <summary>The terminal of the run (prompts, progress, browser messages).</summary>
    public static Terminal.Terminal Terminal(PluginContext context) => context.Terminal;
}
