using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;

namespace AsperaNative.Config;

/// <summary>Option presets, version check, plugin folder and the wizard's settings (declared by ascli's config plugin for all)</summary>
[OptionSet]
public sealed partial class PresetOptions
{
    /// <summary>Do not load default configuration for plugin</summary>
    [Option("no_default", Type = OptionType.Flag, Short = "N")] public partial bool? NoDefault { get; }
    /// <summary>Load the named option preset from current config file</summary>
    [Option("preset", Short = "P")] public partial JsonNode? Preset { get; }
    /// <summary>Period in days to check new version (zero to disable)</summary>
    [Option("version_check_days", Default = "7")] public partial long? VersionCheckDays { get; }
    /// <summary>Folder where to find additional plugins</summary>
    [Option("plugin_folder")] public partial string? PluginFolder { get; }
    /// <summary>Wizard: override existing value</summary>
    [Option("override", Default = "no")] public partial bool? Override { get; }
    /// <summary>Wizard: set as default configuration for specified plugin (also: update)</summary>
    [Option("default", Default = "yes")] public partial bool? Default { get; }
    /// <summary>Wizard: skip private key check step</summary>
    [Option("test_mode", Default = "no")] public partial bool? TestMode { get; }
    /// <summary>Wizard: path to private key for JWT</summary>
    [Option("key_path")] public partial string? KeyPath { get; }
}
