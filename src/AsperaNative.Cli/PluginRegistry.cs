using AsperaNative.Core.Attributes;

namespace AsperaNative.Cli;

/// <summary>Every plugin referenced by the executable: filled in by the generator.</summary>
[PluginRegistry]
internal static partial class PluginRegistry
{
    public static AsperaNative.Core.Commands.PluginDescriptor? Find(string name)
        => Array.Find(All, p => p.Name == name);

    /// <summary>First-level words: the plugins, and help.</summary>
    public static IReadOnlyList<string> Words => [.. All.Select(static p => p.Name), "help"];
}
