using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Config;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Terminal;
using AsperaNative.Output;
using AsperaNative.Plugins.Config.Keys;

namespace AsperaNative.Plugins.Config.Wizard;

/// <summary>
/// <c>config wizard</c> after detection (manual "Configuration: wizard", ascli's <c>wizard_find</c>): one product is
/// chosen, its plugin is built with the detected URL as <c>--url</c> and asked for a preset (with a private key when
/// it needs one: <c>--key-path</c>, or a new key in the main folder), the preset is named
/// <c>&lt;product&gt;_&lt;host&gt;_&lt;username&gt;</c>, stored and made the plugin's default (<c>--default</c>,
/// <c>--override</c>); <c>--test-mode=yes</c> shows the preset without touching the file.
/// </summary>
public sealed partial class PresetWizard(PluginCatalog catalog, PluginContext context, PresetStore store, ConfigPaths paths, PresetOptions options)
{
    private const string CommandName = "ascli";
    private const string DefaultKeyFileName = "my_private_key.pem";

    public async Task<Result> RunAsync(IReadOnlyList<FoundApplication> found, CancellationToken cancel = default)
    {
        var chosen = found.Count == 1 ? found[0] : Choose(found);
        context.Status(context.Terminal.Style($"Using: {chosen.Name} at {chosen.Url}", Vt100.Bold));
        // the plugin is built as ascli instantiates it: the detected URL as a preset, then its own options read
        context.Options.AddPreset(new JsonObject { ["url"] = chosen.Url });
        var plugin = catalog.Plugins.First(p => p.Name == chosen.Product);
        if (!plugin.HasWizard) throw CliException.BadArgument($"Detected: {chosen.Product}, but this application has no wizard");
        context.Options.Declare(plugin.Options);
        context.Options.Parse();
        var wizard = (IApplicationWizard)plugin.Create(context);
        var request = new WizardRequest(chosen.Url);
        if (await wizard.RequiresPrivateKeyAsync(chosen.Url, cancel)) request = PrivateKey(request);
        var preset = await wizard.WizardAsync(request, cancel);
        string name = PresetName(chosen, preset);
        if (options.TestMode == true)
            return Result.SingleObject(new JsonObject { ["preset_value"] = preset.Values.DeepClone(), ["test_args"] = preset.TestArguments });
        return Store(chosen.Product, name, preset);
    }

    /// <summary>Several products answered: the user picks one by its plugin name.</summary>
    private FoundApplication Choose(IReadOnlyList<FoundApplication> found)
    {
        context.Status("Multiple applications detected, please select from:");
        var table = new StringWriter();
        new ResultFormatter(new OutputSettings(), table).DisplayResult(Result.ObjectList([.. found.Select(static f => (JsonNode)f.ToJson())], ["product", "url", "version"]));
        context.Status(table.ToString());
        var products = found.Select(static f => f.Product).ToList();
        while (true)
        {
            string answer = Ask("product");
            if (found.FirstOrDefault(f => f.Product == answer) is { } chosen) return chosen;
            context.Terminal.Err.WriteLine($"No such product: {answer}, select one of: {string.Join(", ", products)}");
        }
    }

    /// <summary>ascli reads the answer from standard input even when it is no terminal.</summary>
    private string Ask(string prompt)
    {
        context.Terminal.Out.Write(prompt + "> ");
        context.Terminal.Out.Flush();
        return context.Terminal.In.ReadLine() ?? throw CliException.Runtime("Unexpected end of standard input");
    }

    /// <summary>The private key for JWT: <c>--key-path</c> (asked when missing; empty: the default file), created when absent.</summary>
    private WizardRequest PrivateKey(WizardRequest request)
    {
        string? path = options.KeyPath;
        if (path is null)
        {
            context.Status("Please provide the path to your private RSA key, or nothing to generate one:");
            // ascli asks for missing values here even when not interactive
            path = context.Options.MandatoryPrompt is null ? Ask("option: key_path") : Core.Options.OptionStore.AsString(context.Options.GetMandatory("key_path")) ?? "";
        }
        if (path.Length == 0) path = Path.Combine(paths.MainFolder, DefaultKeyFileName);
        if (File.Exists(path)) context.Status("Using existing key:");
        else
        {
            context.Status($"Generating {RsaKeys.DefaultBits} bit RSA key...");
            RsaKeys.Generate(path, RsaKeys.DefaultBits);
            context.Status("Created key:");
        }
        context.Status(path);
        string pem = File.ReadAllText(path);
        context.Options.Set("private_key", pem, "wizard");
        return request with { PrivateKeyPath = path, PublicKeyPem = RsaKeys.PublicKeyPem(pem) };
    }

    /// <summary><c>&lt;product&gt;_&lt;host&gt;[_&lt;username&gt;]</c> in lower case, other characters as single underscores.</summary>
    private string PresetName(FoundApplication chosen, WizardPreset preset)
    {
        var elements = new List<string> { chosen.Product, new Uri(chosen.Url).Host };
        if (!preset.Values.ContainsKey("link")) elements.Add(context.Options.GetMandatoryString("username"));
        return Squeeze().Replace(NotAlphanumeric().Replace(string.Join('_', elements).Trim().ToLowerInvariant(), "_"), "_");
    }

    private Result Store(string product, string name, WizardPreset preset)
    {
        context.Status($"Preparing preset: {name}");
        bool overrideExisting = options.Override == true, makeDefault = options.Default != false;
        var defaults = store.Exists(PresetStore.DefaultsPreset) ? store.Get(PresetStore.DefaultsPreset) as JsonObject : null;
        if (!overrideExisting && makeDefault && defaults?.ContainsKey(product) == true)
            throw CliException.Tool($"A default configuration already exists for plugin '{product}' (use --override=yes or --default=no)");
        if (!overrideExisting && store.Exists(name))
            throw CliException.Tool($"Preset already exists: {name}  (use --override=yes or --id=<name>)");
        // as ascli: the defaults exist (before the new preset in the file) even when this one is not made default
        if (defaults is null) store.Initialize(PresetStore.DefaultsPreset, new JsonObject());
        store.Initialize(name, preset.Values);
        string test = preset.TestArguments;
        if (makeDefault)
        {
            context.Status($"Setting config preset as default for {product}");
            store.Set(PresetStore.DefaultsPreset, product, name);
        }
        else test = $"-P{name} {test}";
        return Result.Status($"You can test with:\n{CommandName} {product} {test}");
    }

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NotAlphanumeric();

    [GeneratedRegex("_+")]
    private static partial Regex Squeeze();
}
