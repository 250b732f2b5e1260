using AsperaNative.Core.Attributes;

namespace AsperaNative.Core.Options;

/// <summary>How missing values are asked for and structured values parsed: the first global options of ascli's help</summary>
[OptionSet]
public sealed partial class InputOptions
{
    /// <summary>Use interactive input of missing params</summary>
    [Option("interactive")] public partial bool? Interactive { get; }
    /// <summary>Ask even optional options</summary>
    [Option("ask_options", Default = "no")] public partial bool? AskOptions { get; }
    /// <summary>Default parser when expected value is a struct</summary>
    [Option("struct_parser", Values = ["json", "ruby"])] public partial string? StructParser { get; }
}
