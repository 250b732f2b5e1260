using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;

namespace AsperaNative.Plugins.Config.Wizard;

/// <summary>One product found at an address: the plugin, the product's name, its URL and version.</summary>
public sealed record FoundApplication(string Product, string Name, string Url, string Version)
{
    public JsonObject ToJson() => new() { ["product"] = Product, ["name"] = Name, ["url"] = Url, ["version"] = Version };
}

/// <summary>
/// ascli's <c>identify_plugins_for_url</c>: every plugin that recognises its product (<see cref="IApplicationDetector"/>)
/// is asked in the registry's order; a plugin that cannot reach the address is skipped (a certificate failure is
/// reported as a warning), and the products that answered are the result.
/// </summary>
public sealed class ApplicationFinder(PluginCatalog catalog, PluginContext context, AppLog log)
{
    private const string Self = "config";

    /// <exception cref="CliException">No plugin recognised its product at <paramref name="address"/>.</exception>
    public async Task<IReadOnlyList<FoundApplication>> FindAsync(string address, string? onlyPlugin, CancellationToken cancel = default)
    {
        var found = new List<FoundApplication>();
        foreach (var plugin in catalog.Plugins)
        {
            if (plugin.Name == Self || (onlyPlugin is not null && onlyPlugin != plugin.Name) || !plugin.CanDetect) continue;
            var detector = (IApplicationDetector)plugin.Create(context);
            log.Debug(() => $"detecting {plugin.Name} at {address}");
            DetectedApplication? detected;
            try
            {
                detected = await detector.DetectAsync(address, cancel);
            }
            catch (CliException e) when (e.Kind == "SSL")
            {
                log.Warn(e.Message);
                if (e.Message.Contains("cert", StringComparison.Ordinal)) log.Warn("Use option --insecure=yes to allow unchecked certificate");
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.Debug(() => $"detect error: [{(e as CliException)?.Kind ?? e.GetType().Name}] {e.Message}");
                continue;
            }
            if (detected is null) continue;
            found.Add(new FoundApplication(plugin.Name, detector.ApplicationName, detected.Url, detected.Version));
        }
        if (found.Count == 0) throw CliException.Runtime($"No known application found at {address}");
        return found;
    }
}
