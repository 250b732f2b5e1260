using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Commands;

/// <summary>What a command receives besides its declared arguments: the run's context and the positions read on the way.</summary>
public sealed class CommandContext(PluginContext plugin)
{
    public PluginContext Plugin { get; } = plugin;

    /// <summary>
    /// Values of the positions (<c>&lt;id&gt;</c>, <c>{a|b}</c>) met in the command path since the last mounted
    /// set was entered, by name: a scope member sees the positions of its mount, a command those of its set.
    /// </summary>
    public Dictionary<string, JsonNode?> Identifiers { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The value of a position as text (a string, or the JSON of another value).</summary>
    public string Identifier(string name)
        => Identifiers.TryGetValue(name, out var v) ? v is JsonValue s && JsonScalar.TryGetText(s, out string? text) ? text : v?.ToJsonString() ?? "" : throw new KeyNotFoundException(name);

    public void Status(string message) => Plugin.Status(message);
}
