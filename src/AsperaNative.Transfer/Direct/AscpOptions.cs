using AsperaNative.Core.Attributes;

namespace AsperaNative.Transfer.Direct;

/// <summary>Where ascp and the transfer SDK are, and the progress bar of transfers</summary>
[OptionSet]
public sealed partial class AscpOptions
{
    /// <summary>Path to ascp</summary>
    [Option("ascp_path")] public partial string? AscpPath { get; }
    /// <summary>Use ascp from specified product</summary>
    [Option("use_product")] public partial string? UseProduct { get; }
    /// <summary>URL to get SDK</summary>
    [Option("sdk_url")] public partial string? SdkUrl { get; }
    /// <summary>SDK folder path</summary>
    [Option("sdk_folder")] public partial string? SdkFolder { get; }
    /// <summary>Display progress bar</summary>
    [Option("progress_bar")] public partial bool? ProgressBar { get; }
}
