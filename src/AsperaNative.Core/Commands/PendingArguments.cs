using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;

namespace AsperaNative.Core.Commands;

/// <summary>
/// The declared tail of a command line (e.g. <c>&lt;source&gt;...</c> of an upload), left for the action to
/// read because whether it is read depends on options (<c>--sources=@ts</c> reads none): what it does not
/// read stays unprocessed, as in ascli.
/// </summary>
public sealed class PendingArguments(ArgumentReader reader, ArgumentSpec spec)
{
    public ArgumentSpec Spec { get; } = spec;
    public bool IsEmpty => reader.IsEmpty;

    /// <summary>Every remaining value; a single array value is the whole list.</summary>
    public JsonArray Multiple(bool mandatory = true) => reader.NextMultiple(Spec.Description, mandatory);

    /// <summary>The next value as a String, as a declared String argument reads it.</summary>
    public string NextString() => ArgumentBinder.BindString(Spec.Description, reader);

    /// <summary>The next value, evaluated as an extended value.</summary>
    public JsonNode? Next(bool mandatory = true) => reader.NextValue(Spec.Description, mandatory);
}
