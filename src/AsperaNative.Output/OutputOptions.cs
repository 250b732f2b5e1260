using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Output;

/// <summary>How results are shown (the manual's "Output"): format, destination, field selection, table layout, secrets, images</summary>
[OptionSet]
public sealed partial class OutputOptions
{
    /// <summary>Output format</summary>
    [Option("format", Values = ["text", "nagios", "ruby", "json", "jsonpp", "yaml", "table", "csv", "image"], Default = "table")] public partial string? Format { get; }
    /// <summary>Destination for results</summary>
    [Option("output")] public partial string? Output { get; }
    /// <summary>Output only some information</summary>
    [Option("display", Values = ["info", "data", "error"], Default = "info")] public partial string? Display { get; }
    /// <summary>Comma separated list of: fields, or ALL, or DEF</summary>
    [Option("fields")] public partial JsonNode? Fields { get; }
    /// <summary>Select only some items in lists: column, value</summary>
    [Option("select")] public partial JsonNode? Select { get; }
    /// <summary>Table display style</summary>
    [Option("table_style")] public partial JsonNode? TableStyle { get; }
    /// <summary>(Table) Display deep values as additional keys</summary>
    [Option("flat_hash", Default = "yes")] public partial bool? FlatHash { get; }
    /// <summary>(Table) Control how object list is displayed as single table, or multiple objects</summary>
    [Option("multi_single", Values = ["no", "yes", "single"], Default = "no")] public partial string? MultiSingle { get; }
    /// <summary>Show secrets on command output</summary>
    [Option("show_secrets", Default = "no")] public partial bool? ShowSecrets { get; }
    /// <summary>Options for image display</summary>
    [Option("image")] public partial JsonObject? Image { get; }
}
