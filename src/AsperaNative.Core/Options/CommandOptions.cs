using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Core.Options;

/// <summary>Options of the generic commands of every plugin (ascli's Plugin base): list filter, modified property, bulk operations</summary>
[OptionSet]
public sealed partial class CommandOptions
{
    /// <summary>Additional filter for for some commands (list/delete)</summary>
    [Option("query")] public partial JsonNode? Query { get; }
    /// <summary>Name of property to set (modify operation)</summary>
    [Option("property")] public partial string? Property { get; }
    /// <summary>Bulk operation (only some)</summary>
    [Option("bulk", Default = "no")] public partial bool? Bulk { get; }
    /// <summary>Bulk operation error handling</summary>
    [Option("bfail", Default = "yes")] public partial bool? Bfail { get; }

    /// <summary><c>--query</c> where a Hash is expected (null when not given).</summary>
    public JsonObject? QueryHash() => Query switch
    {
        null => null,
        JsonObject o => o,
        var other => throw Errors.CliException.BadArgument($"query: expecting Hash, but have {Values.RubyInspect.Inspect(other)}"),
    };
}
