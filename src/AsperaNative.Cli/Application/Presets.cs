using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Config.Vault;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Values;

namespace AsperaNative.Cli.Application;

/// <summary>
/// Option presets in the evaluation order of the manual: <c>-P</c>/<c>--preset</c> (a name or a
/// hash, queued until the config file is read), then the plugin's default preset unless <c>-N</c>,
/// then the global default preset (<c>default: config:</c>); a default never replaces a value
/// queued by an explicit preset.
/// </summary>
internal sealed class Presets(OptionStore options, Func<string, string?> variable, string userHome) : IDisposable
{
    private readonly List<string> _pendingNames = [];
    private PresetStore? _store;
    private ConfigPaths? _paths;
    private VaultProvider? _vault;
    private RunFolders? _folders;
    private readonly GlobalOptions _global = new(options);
    private readonly ConfigOptions _config = new(options);
    private readonly PresetOptions _presets = new(options);

    /// <summary>Handler of the <c>preset</c> option.</summary>
    public void Queue(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject hash: options.AddPreset(hash); break;
            case JsonValue v when JsonScalar.TryGetText(v, out string? name):
                if (_store is null) _pendingNames.Add(name);
                else options.AddPreset(Resolve(name));
                break;
            case null: break;
            default: throw CliException.Runtime("Preset definition must be a String for preset name, or Hash for set of values");
        }
    }

    /// <summary>Reads the config file named by the global options, then resolves the presets queued by name.</summary>
    public void LoadConfig()
    {
        _paths = ConfigPaths.Resolve(_global.Home, _config.ConfigFile, userHome, variable);
        _store = PresetStore.Open(_paths.ConfigFile);
        var context = options.ExtendedValues;
        context.PresetLookup = path => _store.Lookup(path, context);
        _vault = new VaultProvider(options, _paths.MainFolder);
        context.VaultLookup = _vault.Lookup;
        foreach (var name in _pendingNames) options.AddPreset(Resolve(name));
        _pendingNames.Clear();
    }

    /// <summary>Queues the default presets of the plugin (unless -N) and of the whole tool.</summary>
    public void QueueDefaults(string? plugin)
    {
        if (_store is null) return;
        if (plugin is not null && _presets.NoDefault != true && _store.PluginDefault(plugin) is { } pluginDefault)
            options.AddPreset(_store.Resolve(pluginDefault), overrideQueued: false);
        if (_store.PluginDefault(PresetStore.GlobalPluginKey) is { } globalDefault)
            options.AddPreset(_store.Resolve(globalDefault), overrideQueued: false);
    }

    /// <summary>The main folder and config file, once <see cref="LoadConfig"/> ran.</summary>
    public ConfigPaths? Paths => _paths;

    /// <summary>Makes the config file available to plugins.</summary>
    public void Register(PluginContext context)
    {
        if (_store is not null) context.Register(_store);
        if (_vault is not null) context.Register(_vault);
        if (_paths is not null)
        {
            context.Register(_paths);
            context.Register(_folders = RunFolders.From(_paths, options));
        }
    }

    /// <summary>Saves the file when it changed (a command, or a version upgrade), with ascli's status line.</summary>
    public void SaveIfNeeded(Action<string> status)
    {
        if (_store is { HasChanges: true } && _store.Save()) status("Saving config file.");
    }

    /// <summary>Removes the temporary folder of the run (unless --clean-temp=no).</summary>
    public void Dispose() => _folders?.Dispose();

    private JsonObject Resolve(string name) => _store!.Resolve(name);
}
