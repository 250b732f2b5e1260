namespace AsperaNative.Core.Commands;

/// <summary>The plugins of the executable (its generated registry), registered by the composition root.</summary>
public sealed record PluginCatalog(IReadOnlyList<PluginDescriptor> Plugins)
{
    public IEnumerable<string> Names => Plugins.Select(static p => p.Name);
}
