using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;

namespace AsperaNative.Core.Commands;

/// <summary>What a command method receives: the remaining arguments and the identifiers read on the way.</summary>
public sealed class CommandContext(ArgumentReader arguments, PluginContext plugin)
{
    public ArgumentReader Args { get; } = arguments;
    public PluginContext Plugin { get; } = plugin;

    /// <summary>Values of the identifier positions (<c>&lt;id&gt;</c>) met in the command path, by name.</summary>
    public Dictionary<string, JsonNode?> Identifiers { get; } = new(StringComparer.Ordinal);

    public void Status(string message) => Plugin.Status(message);
}
