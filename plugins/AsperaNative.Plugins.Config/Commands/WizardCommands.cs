using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Results;
using AsperaNative.Plugins.Config.Wizard;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// <c>config detect</c> and <c>config wizard</c> (manual "Configuration: wizard"): which product answers at an address,
/// asked of every plugin that recognises its own (<see cref="IApplicationDetector"/>), then the preset of the one found.
/// </summary>
[CommandGroup("config")]
internal sealed class WizardCommands(PluginCatalog catalog, PluginContext context, AppLog log, PresetStore store, ConfigPaths paths, PresetOptions options)
{
    /// <summary>Identify the Aspera application at an address</summary>
    [Command("detect")]
    public async Task<Result> Detect([Argument("url", Name = "url")] string url, [Argument("plugin name", Name = "plugin")] string? plugin = null)
    {
        var found = await new ApplicationFinder(catalog, context, log).FindAsync(url, plugin);
        return Result.ObjectList([.. found.Select(static f => (JsonNode)f.ToJson())]);
    }

    /// <summary>Create a preset for the Aspera application at an address, and make it the default</summary>
    [Command("wizard")]
    public async Task<Result> Wizard([Argument("url", Name = "url")] string url, [Argument("plugin name", Name = "plugin")] string? plugin = null)
    {
        var found = await new ApplicationFinder(catalog, context, log).FindAsync(url, plugin);
        return await new PresetWizard(catalog, context, store, paths, options).RunAsync(found);
    }
}
