using AsperaNative.Core.Options;

namespace AsperaNative.Core.Commands;

/// <summary>
/// A plugin as the registry knows it (generated from its attributes): its word, summary, options,
/// a factory and its command tree. Options and tree are built only when the plugin is used.
/// </summary>
public sealed class PluginDescriptor(string name, string summary, Func<IReadOnlyList<OptionDescriptor>> options, Func<CommandNode> tree, Func<PluginContext, object> factory)
{
    public string Name { get; } = name;
    public string Summary { get; } = summary;
    /// <summary>The options of the plugin and of the sets it mounts (a set mounted twice declares them once).</summary>
    public IReadOnlyList<OptionDescriptor> Options => _options ??= [.. options().DistinctBy(static o => o.Name)];
    public CommandNode Tree => _tree ??= tree();
    public object Create(PluginContext context) => factory(context);

    private IReadOnlyList<OptionDescriptor>? _options;
    private CommandNode? _tree;
}
