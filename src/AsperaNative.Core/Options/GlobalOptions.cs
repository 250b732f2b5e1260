using AsperaNative.Core.Attributes;

namespace AsperaNative.Core.Options;

/// <summary>
/// The options of the command line tool itself: help, version, completion, logging, process guards
/// and home folder. Logging is Core's (Core/Logging) and ascli's help interleaves its options with the
/// process ones, so they stay in this one set; options of other libraries are in those libraries'
/// sets (OutputOptions, RestOptions, TransferOptions…), declared in ascli's order by the executable.
/// </summary>
[OptionSet]
public sealed partial class GlobalOptions
{
    /// <summary>Show this message</summary>
    [Option("help", Type = OptionType.Flag, Short = "h")] public partial bool? Help { get; }
    /// <summary>Generate bash completion for command</summary>
    [Option("bash_comp", Type = OptionType.Flag)] public partial bool? BashComp { get; }
    /// <summary>Print a shell completion script to install</summary>
    [Option("completion", Values = ["bash", "zsh", "fish"])] public partial string? Completion { get; }
    /// <summary>Display parameters used for the provided action</summary>
    [Option("show_config", Type = OptionType.Flag)] public partial bool? ShowConfig { get; }
    /// <summary>Display version</summary>
    [Option("version", Type = OptionType.Flag, Short = "v")] public partial bool? Version { get; }
    /// <summary>Method to start browser</summary>
    [Option("ui", Values = ["text", "graphical"])] public partial string? Ui { get; }
    /// <summary>Log level</summary>
    [Option("log_level", Values = ["trace2", "trace1", "debug", "info", "warn", "error", "fatal", "unknown"], Default = "warn")] public partial string? LogLevel { get; }
    /// <summary>Logging method</summary>
    [Option("logger", Values = ["stderr", "stdout", "syslog"], Default = "stderr")] public partial string? Logger { get; }
    /// <summary>Prevent dual execution of a command, e.g. in cron</summary>
    [Option("lock_port")] public partial long? LockPort { get; }
    /// <summary>Process only new items (some commands)</summary>
    [Option("once_only", Default = "no")] public partial bool? OnceOnly { get; }
    /// <summary>Show passwords in logs</summary>
    [Option("log_secrets", Default = "no")] public partial bool? LogSecrets { get; }
    /// <summary>Temporary folder</summary>
    [Option("temp_folder")] public partial string? TempFolder { get; }
    /// <summary>Cleanup temporary files on exit</summary>
    [Option("clean_temp", Default = "yes")] public partial bool? CleanTemp { get; }
    /// <summary>Write process identifier to file, delete on exit</summary>
    [Option("pid_file")] public partial string? PidFile { get; }
    /// <summary>Home folder for tool</summary>
    [Option("home")] public partial string? Home { get; }
}
