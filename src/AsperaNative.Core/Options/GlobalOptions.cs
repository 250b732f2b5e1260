using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Core.Options;

/// <summary>
/// The manual's "OPTIONS: global", in its order: declared before any plugin, available to all.
/// Options that belong to a library (HTTP, transfer) are read through this set until that library declares its own.
/// </summary>
[OptionSet]
public sealed partial class GlobalOptions
{
    /// <summary>Use interactive input of missing params</summary>
    [Option("interactive")] public partial bool? Interactive { get; }
    /// <summary>Ask even optional options</summary>
    [Option("ask_options", Default = "no")] public partial bool? AskOptions { get; }
    /// <summary>Default parser when expected value is a struct</summary>
    [Option("struct_parser", Values = ["json", "ruby"])] public partial string? StructParser { get; }
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
    /// <summary>Path to YAML file with preset configuration</summary>
    [Option("config_file")] public partial string? ConfigFile { get; }
    /// <summary>Secret for access keys</summary>
    [Option("secret", Sensitive = true)] public partial string? Secret { get; }
    /// <summary>Vault for secrets</summary>
    [Option("vault")] public partial JsonObject? Vault { get; }
    /// <summary>Vault password</summary>
    [Option("vault_password", Sensitive = true)] public partial string? VaultPassword { get; }
    /// <summary>Additional filter for for some commands (list/delete)</summary>
    [Option("query")] public partial JsonNode? Query { get; }
    /// <summary>Name of property to set (modify operation)</summary>
    [Option("property")] public partial string? Property { get; }
    /// <summary>Bulk operation (only some)</summary>
    [Option("bulk", Default = "no")] public partial bool? Bulk { get; }
    /// <summary>Bulk operation error handling</summary>
    [Option("bfail", Default = "yes")] public partial bool? Bfail { get; }
    /// <summary>Do not load default configuration for plugin</summary>
    [Option("no_default", Type = OptionType.Flag, Short = "N")] public partial bool? NoDefault { get; }
    /// <summary>Load the named option preset from current config file</summary>
    [Option("preset", Short = "P")] public partial JsonNode? Preset { get; }
    /// <summary>Period in days to check new version (zero to disable)</summary>
    [Option("version_check_days", Default = "7")] public partial long? VersionCheckDays { get; }
    /// <summary>Folder where to find additional plugins</summary>
    [Option("plugin_folder")] public partial string? PluginFolder { get; }
    /// <summary>Wizard: override existing value</summary>
    [Option("override", Default = "no")] public partial bool? Override { get; }
    /// <summary>Wizard: set as default configuration for specified plugin (also: update)</summary>
    [Option("default", Default = "yes")] public partial bool? Default { get; }
    /// <summary>Wizard: skip private key check step</summary>
    [Option("test_mode", Default = "no")] public partial bool? TestMode { get; }
    /// <summary>Wizard: path to private key for JWT</summary>
    [Option("key_path")] public partial string? KeyPath { get; }
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
    /// <summary>SMTP configuration</summary>
    [Option("smtp")] public partial JsonObject? Smtp { get; }
    /// <summary>Email recipient for notification of transfers</summary>
    [Option("notify_to")] public partial string? NotifyTo { get; }
    /// <summary>Email ERB template for notification of transfers</summary>
    [Option("notify_template")] public partial string? NotifyTemplate { get; }
    /// <summary>Do not validate any HTTPS certificate</summary>
    [Option("insecure", Default = "no")] public partial bool? Insecure { get; }
    /// <summary>Do not validate HTTPS certificate for these URLs</summary>
    [Option("ignore_certificate")] public partial JsonArray? IgnoreCertificate { get; }
    /// <summary>Issue a warning if certificate is ignored</summary>
    [Option("silent_insecure", Default = "yes")] public partial bool? SilentInsecure { get; }
    /// <summary>List of folder with trusted certificates</summary>
    [Option("cert_stores")] public partial JsonNode? CertStores { get; }
    /// <summary>Options for HTTP/S socket</summary>
    [Option("http_options")] public partial JsonObject? HttpOptions { get; }
    /// <summary>URL for HTTP proxy with optional credentials</summary>
    [Option("http_proxy")] public partial string? HttpProxy { get; }
    /// <summary>Save and reuse OAuth tokens</summary>
    [Option("cache_tokens", Default = "yes")] public partial bool? CacheTokens { get; }
    /// <summary>Proxy auto configuration script</summary>
    [Option("fpac")] public partial string? Fpac { get; }
    /// <summary>HTTP proxy credentials for fpac: user, password</summary>
    [Option("proxy_credentials")] public partial JsonArray? ProxyCredentials { get; }
    /// <summary>Override transfer spec values</summary>
    [Option("ts", Cumulative = true)] public partial JsonObject? Ts { get; }
    /// <summary>Destination folder for transferred files</summary>
    [Option("to_folder")] public partial string? ToFolder { get; }
    /// <summary>How list of transferred files is provided (@args,@ts,Array)</summary>
    [Option("sources")] public partial JsonNode? Sources { get; }
    /// <summary>Type of file list</summary>
    [Option("src_type", Values = ["list", "pair"], Default = "list")] public partial string? SrcType { get; }
    /// <summary>Type of transfer agent</summary>
    [Option("transfer", Values = ["node", "direct", "alpha", "httpgw", "connect", "trsdk", "transferd"], Default = "direct")] public partial string? Transfer { get; }
    /// <summary>Parameters for transfer agent</summary>
    [Option("transfer_info", Cumulative = true)] public partial JsonObject? TransferInfo { get; }
}
