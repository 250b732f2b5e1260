using AsperaNative.Core.Options;

namespace AsperaNative.Core.Commands;

/// <summary>
/// A plugin as the registry knows it (generated from its attributes): its word, summary, options,
/// a factory and its command tree. Options and tree are built only when the plugin is used.
/// <paramref name="capabilities"/> says which of <see cref="IApplicationDetector"/> and
/// <see cref="IApplicationWizard"/> the plugin class implements.
/// </summary>
public sealed class PluginDescriptor(string name, string summary, Func<IReadOnlyList<OptionDescriptor>> options, Func<CommandNode> tree, Func<PluginContext, object> factory,
    PluginCapabilities capabilities = PluginCapabilities.None)
{
    public string Name { get; } = name;
    public string Summary { get; } = summary;
    /// <summary>The options of the plugin and of the sets it mounts (a set mounted twice declares them once).</summary>
    public IReadOnlyList<OptionDescriptor> Options => _options ??= [.. options().DistinctBy(static o => o.Name)];
    public CommandNode Tree => _tree ??= tree();
    public object Create(PluginContext context) => factory(context);

    /// <summary>The plugin recognises its product at an address (<c>config detect</c>).</summary>
    public bool CanDetect => capabilities.HasFlag(PluginCapabilities.Detect);
    /// <summary>The plugin builds a preset for its product (<c>config wizard</c>).</summary>
    public bool HasWizard => capabilities.HasFlag(PluginCapabilities.Wizard);

    private IReadOnlyList<OptionDescriptor>? _options;
    private CommandNode? _tree;
}

/// <summary>The optional interfaces of a plugin class, found by the generator.</summary>
[Flags]
public enum PluginCapabilities
{
    None = 0,
    Detect = 1,
    Wizard = 2,
}
