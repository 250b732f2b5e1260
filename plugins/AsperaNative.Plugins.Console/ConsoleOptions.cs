using System.Globalization;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;

namespace AsperaNative.Plugins.Console;

/// <summary>The time window of the current transfers list.</summary>
[OptionSet]
public sealed partial class ConsoleOptions
{
    /// <summary>Only after date</summary>
    [Option("filter_from", Type = OptionType.Date)] public partial string? FilterFrom { get; }
    /// <summary>Only before date</summary>
    [Option("filter_to", Type = OptionType.Date)] public partial string? FilterTo { get; }

    /// <summary>--filter-from, by default three hours ago (local time, as ascli formats dates).</summary>
    public string From => FilterFrom ?? Format(DateTime.Now.AddHours(-3));
    /// <summary>--filter-to, by default now.</summary>
    public string To => FilterTo ?? Format(DateTime.Now);

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
