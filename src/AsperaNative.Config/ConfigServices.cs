using AsperaNative.Config.Vault;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;

namespace AsperaNative.Config;

/// <summary>
/// The configuration file of the run for plugin and group constructors: loaded by the composition root
/// before the plugin is built (presets apply to its options), so registered by it.
/// </summary>
[ServiceProviders]
public static class ConfigServices
{
    public static PresetStore Presets(PluginContext context) => context.Registered<PresetStore>();

    public static ConfigPaths Paths(PluginContext context) => context.Registered<ConfigPaths>();

    /// <summary>The run's folders (persistency, temporary, once-only state).</summary>
    public static RunFolders Folders(PluginContext context) => context.Registered<RunFolders>();

    /// <summary>The vault of <c>--vault</c>, opened on first use.</summary>
    public static VaultProvider Vault(PluginContext context) => context.IsRegistered<VaultProvider>()
        ? context.Registered<VaultProvider>()
        : context.Once(static c => new VaultProvider(c.Options, c.IsRegistered<ConfigPaths>() ? c.Registered<ConfigPaths>().MainFolder : null));
}
