using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Values;
using AsperaNative.Core;

namespace AsperaNative.Config;

/// <summary>
/// The option presets of <c>config.yaml</c>: a hash of preset name to hash of option values, with the
/// reserved presets <c>config</c> (file version) and <c>default</c> (plugin → preset name), and the
/// <c>GLOBAL</c> alias of the global default preset. Changes are recorded and, on <see cref="Save"/>,
/// replayed on a fresh read of the file under its lock, so concurrent writers never lose updates.
/// </summary>
public sealed class PresetStore
{
    public const string ConfigPreset = "config";
    public const string VersionKey = "version";
    public const string DefaultsPreset = "default";
    public const string GlobalPresetName = "global_common_defaults";
    public const string GlobalKeyword = "GLOBAL";
    public const string GlobalPluginKey = "config";

    private readonly ConfigFile _file;
    private readonly List<Action<JsonObject>> _pending = [];
    private JsonObject _presets;
    private bool _mustSave;

    private PresetStore(ConfigFile file, JsonObject presets, bool mustSave)
    {
        _file = file;
        _presets = presets;
        _mustSave = mustSave;
    }

    /// <summary>Reads the file (a new one is created in memory when missing), stamping the current version.</summary>
    /// <exception cref="CliException">The file is no hash with a <c>config</c> key: it is renamed aside.</exception>
    public static PresetStore Open(string configFilePath)
    {
        var file = new ConfigFile(configFilePath);
        var presets = Load(file, out bool changed);
        return new PresetStore(file, presets, changed);
    }

    /// <summary>The file behind the store.</summary>
    public string FilePath => _file.Path;

    /// <summary>Whether <see cref="Save"/> would write.</summary>
    public bool HasChanges => _mustSave || _pending.Count > 0;

    /// <summary>The preset names, in file order.</summary>
    public IReadOnlyList<string> Names => [.. _presets.Select(static p => p.Key)];

    /// <summary>A copy of all presets.</summary>
    public JsonObject All => (JsonObject)_presets.DeepClone();

    public bool Exists(string name) => _presets.ContainsKey(name);

    /// <summary>A copy of a preset, as stored (values not evaluated).</summary>
    public JsonNode Get(string name)
        => _presets[name]?.DeepClone() ?? (_presets.ContainsKey(name) ? new JsonObject() : throw CliException.Runtime("no such preset: " + name));

    /// <summary>One parameter of a preset, as stored.</summary>
    public JsonNode? GetParameter(string name, string parameter)
    {
        if (Get(name) is not JsonObject preset || !preset.TryGetPropertyValue(parameter, out var value))
            throw CliException.Runtime($"no such option in preset {name} : {parameter}");
        return value?.DeepClone();
    }

    /// <summary>Sets one parameter (creating the preset); false when it already had this value (nothing to save).</summary>
    public bool Set(string name, string parameter, JsonNode? value)
    {
        parameter = PresetValue.ParameterName(parameter);
        var stored = value?.DeepClone();
        if (_presets[name] is { } other and not JsonObject)
            throw CliException.Assertion($"{name}.{parameter}: expecting Hash, but have {RubyInspect.Inspect(other)}");
        if (_presets[name] is JsonObject existing && existing.TryGetPropertyValue(parameter, out var current) && PresetValue.Same(current, stored))
            return false;
        return Record(p => SetKey(p, name, parameter, stored));
    }

    /// <summary>Removes one parameter; false when it was not there.</summary>
    public bool Unset(string name, string parameter)
    {
        if (_presets[name] is not JsonObject preset || !preset.ContainsKey(parameter)) return false;
        return Record(p => (p[name] as JsonObject)?.Remove(parameter));
    }

    /// <summary>Removes a whole preset; false when there was none.</summary>
    public bool Delete(string name)
    {
        if (!_presets.ContainsKey(name)) return false;
        return Record(p => p.Remove(name));
    }

    /// <summary>Creates or replaces a preset with the given values.</summary>
    public void Initialize(string name, JsonNode values)
    {
        var copy = values.DeepClone();
        Record(p => p[name] = copy.DeepClone());
    }

    /// <summary>Merges parameters into a preset (created when missing): names get underscores, values are stored as given.</summary>
    public void Update(string name, IEnumerable<KeyValuePair<string, JsonNode?>> parameters)
    {
        var entries = parameters.Select(static e => KeyValuePair.Create(PresetValue.ParameterName(e.Key), e.Value?.DeepClone())).ToList();
        Record(p =>
        {
            if (p[name] is not JsonObject) p[name] = new JsonObject();
            foreach (var (k, v) in entries) ((JsonObject)p[name]!)[k] = v?.DeepClone();
        });
    }

    /// <summary>The preset name a plugin uses by default (<c>default.&lt;plugin&gt;</c>), or null.</summary>
    /// <exception cref="CliException">The named preset does not exist.</exception>
    public string? PluginDefault(string plugin)
    {
        if (_presets[DefaultsPreset] is not JsonObject defaults || !JsonScalar.TryGetText(defaults[plugin], out string? name))
            return null;
        if (_presets[name] is not JsonObject) throw CliException.Tool($"Config name [{name}] must be a hash, check config file.");
        return name;
    }

    /// <summary>
    /// The global default preset (<c>default: config</c>, what <c>GLOBAL</c> names), set to <c>global_common_defaults</c>
    /// when missing, with ascli's status line for that change.
    /// </summary>
    public string GlobalDefault(Action<string> status)
    {
        if (PluginDefault(GlobalPluginKey) is { } name) return name;
        Set(DefaultsPreset, GlobalPluginKey, JsonValue.Create(GlobalPresetName));
        status($"Updated: {DefaultsPreset}: {GlobalPluginKey} <- {GlobalPresetName}");
        return GlobalPresetName;
    }

    /// <summary>
    /// <c>@preset:name.sub.key</c>: the value at a dotted path, strings evaluated as extended values.
    /// Use <c>store.Lookup(path, context)</c> as <see cref="ExtendedValueContext.PresetLookup"/>.
    /// </summary>
    public JsonNode? Lookup(string dottedPath, ExtendedValueContext? context)
    {
        JsonNode? current = _presets;
        var walked = new List<string>();
        foreach (var part in dottedPath.Split('.'))
        {
            if (current is not JsonObject o) throw CliException.Tool("sub key: " + RubyInspect.Inspect(walked));
            walked.Add(part);
            current = o[walked[^1]];
            if (current is null) throw CliException.Tool("No such config preset: " + RubyInspect.Inspect(walked));
        }
        return context is null ? current!.DeepClone() : ExtendedValue.Evaluate(current!.DeepClone(), context);
    }

    /// <summary>
    /// The option values of a preset given by name or dotted path (<c>-P</c>, default presets, <c>transfer_info</c>), as
    /// ascli's preset_by_name: a copy, not expanded; a <c>preset</c> key in it is an option like the others, applied
    /// by the next parse of the options.
    /// </summary>
    public JsonObject Resolve(string name) => Lookup(name, null) switch
    {
        JsonObject preset => preset,
        var other => throw CliException.Assertion($"expecting Hash, but have {RubyInspect.Inspect(other)}"),
    };

    /// <summary>
    /// Writes the changes, if any: under the file lock, the file is read again, the recorded changes replayed
    /// on it and the result written atomically. Returns whether the file was written.
    /// </summary>
    public bool Save()
    {
        if (!HasChanges) return false;
        using (_file.Lock())
        {
            var fresh = Load(_file, out _);
            foreach (var change in _pending) change(fresh);
            _file.Write(fresh);
            _presets = fresh;
        }
        _pending.Clear();
        _mustSave = false;
        return true;
    }

    private bool Record(Action<JsonObject> change)
    {
        change(_presets);
        _pending.Add(change);
        return true;
    }

    private static void SetKey(JsonObject presets, string name, string parameter, JsonNode? value)
    {
        if (presets[name] is not JsonObject preset) presets[name] = preset = new JsonObject();
        preset[parameter] = value?.DeepClone();
    }

    private static JsonObject Load(ConfigFile file, out bool changed)
    {
        if (!file.Exists)
        {
            changed = true;
            return new JsonObject { [ConfigPreset] = new JsonObject { [VersionKey] = JsonScalar.Text(ProductVersion.Value) } };
        }
        var content = file.Read();
        if (content is not JsonObject presets || presets[ConfigPreset] is not JsonObject config)
        {
            file.RenameForManualConversion(ProductVersion.Value);
            throw CliException.Tool(content is JsonObject ? "Cannot find key: " + ConfigPreset : "config file YAML: expecting Hash");
        }
        if (config[VersionKey] is null) throw CliException.Tool("No version found in config section.");
        // read without a typed read: this runs at the start of every command (JsonScalar.TryGetText)
        changed = !(JsonScalar.TryGetText(config[VersionKey], out string? version) && version == ProductVersion.Value);
        config[VersionKey] = JsonScalar.Text(ProductVersion.Value);
        return presets;
    }
}
