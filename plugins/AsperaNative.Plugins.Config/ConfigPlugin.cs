// Plugin config: ascli's own configuration (presets, vault, keys, ascp discovery) and local tools.
// No server: every command works offline. Manual: "Plugin: config", "Option Preset", "Secret Vault".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;

namespace AsperaNative.Plugins.Config;

/// <summary>Manage ascli configuration, presets and local Aspera tools</summary>
[Plugin("config")]
public sealed class ConfigPlugin(PluginContext context)
{
    public PluginContext Context { get; } = context;
}
