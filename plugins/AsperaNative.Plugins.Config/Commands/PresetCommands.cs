using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Config.Vault;
using AsperaNative.Output;
using AsperaNative.Output.Secrets;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// <c>config preset</c>: the option presets of config.yaml (manual "Option Preset"). Values given
/// on the command line are stored as strings; <c>GLOBAL</c> names the global default preset.
/// </summary>
[CommandGroup("config preset")]
internal sealed class PresetCommands(PluginContext context, PresetStore store, OutputOptions output, BasicAuthOptions auth, VaultProvider vaults)
{
    private static readonly string[] OverviewFields = ["preset", "parameter", "value"];

    private PresetStore Store => store;

    /// <summary>List preset names</summary>
    [Command("list")]
    public Result List() => Result.ValueList([.. Store.Names.Select(static n => (JsonNode?)JsonValue.Create(n))], "name");

    /// <summary>List all parameters of all presets</summary>
    [Command("overview")]
    public Result Overview()
    {
        var rows = new JsonArray();
        // secrets are hidden before the rows are built: the "value" column name is not a secret name
        var presets = output.ShowSecrets == true || output.Display == "data" ? Store.All : (JsonObject)SecretRedaction.Hide(Store.All)!;
        foreach (var (preset, values) in presets)
        {
            if (values is not JsonObject parameters) continue;
            foreach (var (parameter, value) in parameters)
                rows.Add((JsonNode)new JsonObject { ["preset"] = preset, ["parameter"] = parameter, ["value"] = value?.DeepClone() });
        }
        return Result.ObjectList(rows, OverviewFields);
    }

    /// <summary>Display the parameters of a preset</summary>
    [Command("show")]
    public Result Show([Argument("identifier", Name = "name")] string name)
    {
        name = Name(name);
        return Result.SingleObject(Store.Get(name) as JsonObject ?? new JsonObject());
    }

    /// <summary>Display the value of one parameter of a preset, evaluated</summary>
    [Command("get")]
    public Result Get([Argument("identifier", Name = "name")] string name, [Argument("parameter name", Name = "param")] string parameter)
    {
        name = Name(name);
        var value = Store.GetParameter(name, parameter);
        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
        {
            var evaluated = ExtendedValue.Evaluate(OptionStore.AsString(v)!, context.ExtendedValues);
            return evaluated is JsonValue s && JsonScalar.TryGetText(s, out string? text) ? Result.Text(text) : Result.Auto(evaluated);
        }
        return value is JsonObject o ? Result.SingleObject(o) : Result.Auto(value);
    }

    /// <summary>Set one parameter of a preset (creates the preset)</summary>
    [Command("set")]
    public Result Set([Argument("identifier", Name = "name")] string name, [Argument("parameter name", Name = "param")] string parameter, [Argument("parameter value", Name = "value")] JsonNode given)
    {
        name = Name(name);
        parameter = PresetValue.ParameterName(parameter);
        var value = PresetValue.FromCommandLine(given);
        if (Store.Set(name, parameter, value))
            context.Status($"Updated: {name}: {parameter} <- {RubyToS.Of(value)}");
        return Result.Nothing;
    }

    /// <summary>Remove one parameter from a preset</summary>
    [Command("unset")]
    public Result Unset([Argument("identifier", Name = "name")] string name, [Argument("parameter name", Name = "param")] string parameter)
    {
        name = Name(name);
        if (!Store.Exists(name)) throw CliException.Runtime($"no such preset: {name}");
        Store.Unset(name, parameter);
        return Result.Status($"Removed: {name}: {parameter}");
    }

    /// <summary>Delete a preset</summary>
    [Command("delete")]
    public Result Delete([Argument("identifier", Name = "name")] string name)
    {
        name = Name(name);
        if (!Store.Delete(name)) throw CliException.Runtime($"no such preset: {name}");
        return Result.Status($"Deleted: {name}");
    }

    /// <summary>Create or replace a preset with the given Hash</summary>
    [Command("initialize")]
    public Result Initialize([Argument("identifier", Name = "name")] string name, [Argument("extended value", Name = "params")] JsonObject values)
    {
        name = Name(name);
        Store.Initialize(name, values);
        return Result.Status($"Modified: {Store.FilePath}");
    }

    /// <summary>Add or modify the parameters of a preset with the options given on the command line</summary>
    [Command("update")]
    public Result Update([Argument("identifier", Name = "name")] string name)
    {
        name = Name(name);
        Store.Update(name, context.Options.TakeCommandLineTable());
        return Result.Status($"Updated: {name}");
    }

    /// <summary>Ask interactively the values of the named options and store them in a preset</summary>
    [Command("ask")]
    public Result Ask([Argument("identifier", Name = "name")] string name, [Argument("option names", Name = "option", Multiple = true)] IReadOnlyList<string> options)
    {
        name = Name(name);
        var parameters = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var parameter in options)
        {
            string? answer = context.Prompt?.Invoke(parameter, null)
                ?? throw CliException.BadArgument($"missing argument: {parameter}");
            parameters.Add(new(parameter, ExtendedValue.Evaluate(answer, context.ExtendedValues)));
        }
        Store.Update(name, parameters);
        return Result.Status($"Updated: {name}");
    }

    /// <summary>Find the preset with the given url and username</summary>
    [Command("lookup")]
    public Result Lookup()
    {
        string url = auth.RequiredUrl;
        string username = auth.RequiredUsername;
        foreach (var (name, values) in Store.All)
        {
            if (values is JsonObject preset && OptionStore.AsString(preset["url"]) == url && OptionStore.AsString(preset["username"]) == username)
                return Result.SingleObject(preset);
        }
        throw CliException.Tool("no such config found");
    }

    /// <summary>Move the passwords and secrets of a preset (default: all presets) into the vault</summary>
    [Command("secure")]
    public Result Secure([Argument("config name", Name = "name")] string? only = null)
    {
        var vault = vaults.Vault;
        foreach (var (presetName, values) in Store.All)
        {
            if ((only is not null && presetName != only) || values is not JsonObject preset) continue;
            foreach (var (option, value) in preset)
            {
                if (!(option.EndsWith("password", StringComparison.Ordinal) || option.EndsWith("secret", StringComparison.Ordinal))) continue;
                // a value already in the vault is left as is
                if (value is JsonValue v && JsonScalar.TryGetText(v, out string? text) && text.StartsWith("@vault:", StringComparison.Ordinal)) continue;
                string label = presetName;
                for (int suffix = 0; vault.Get(label) is not null; suffix++) label = presetName + suffix;
                vault.Set(label, new JsonObject { ["password"] = value?.DeepClone() });
                Store.Set(presetName, option, JsonValue.Create($"@vault:{label}.password"));
            }
        }
        return Result.Status("Secrets secured in vault: Make sure to save the vault password securely.");
    }

    /// <summary>A preset name argument; <c>GLOBAL</c> is the global default preset (created when missing).</summary>
    private string Name(string given)
    {
        string name = InstanceIdentifier.Plain(given);
        return name == PresetStore.GlobalKeyword ? Store.GlobalDefault(context.Status) : name;
    }
}
