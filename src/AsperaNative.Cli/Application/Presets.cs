using System.Collections;
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;

namespace AsperaNative.Cli.Application;

/// <summary>
/// Option presets in the evaluation order of the manual: <c>-P</c>/<c>--preset</c> (a name or a
/// hash, queued until the config file is read), then the plugin's default preset unless <c>-N</c>,
/// then the global default preset (<c>default: config:</c>); a queued value never replaces one
/// queued before it by a more specific source.
/// </summary>
internal sealed class Presets(OptionStore options, GlobalOptions global, IDictionary environment, string userHome)
{
    private readonly List<string> _pendingNames = [];
    private IConfigPresets? _config;

    /// <summary>Handler of the <c>preset</c> option.</summary>
    public void Queue(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject hash: options.AddPreset(hash); break;
            case JsonValue v when v.TryGetValue(out string? name):
                if (_config is null) _pendingNames.Add(name);
                else options.AddPreset(Resolve(name));
                break;
            case null: break;
            default: throw CliException.BadArgument($"preset must be a name or a Hash: {Core.Values.RubyInspect.Inspect(value)}");
        }
    }

    /// <summary>Reads the config file named by the global options, then resolves the presets queued by name.</summary>
    public void LoadConfig()
    {
        _config = ConfigPresets.Load(global.Home, global.ConfigFile, environment, userHome);
        options.ExtendedValues.PresetLookup = _config.Lookup;
        foreach (var name in _pendingNames) options.AddPreset(Resolve(name));
        _pendingNames.Clear();
    }

    /// <summary>Queues the default presets of the plugin (unless -N) and of the whole tool.</summary>
    public void QueueDefaults(string? plugin)
    {
        if (_config is null) return;
        if (plugin is not null && global.NoDefault != true && _config.DefaultPresetName(plugin) is { } pluginDefault)
            options.AddPreset(Resolve(pluginDefault), overrideQueued: false);
        if (_config.DefaultPresetName("config") is { } globalDefault)
            options.AddPreset(Resolve(globalDefault), overrideQueued: false);
    }

    /// <summary>Makes the config file available to plugins.</summary>
    public void Register(PluginContext context)
    {
        if (_config is not null) context.AddService(_config);
    }

    /// <summary>Saves the file when a command changed it, with ascli's status line.</summary>
    public void SaveIfNeeded(PluginContext context)
    {
        if (_config is { IsModified: true })
        {
            _config.Save();
            context.Status("Saving config file.");
        }
    }

    private JsonObject Resolve(string name)
        => _config!.Preset(name) ?? throw CliException.Runtime($"no such preset: {name}");
}
