using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Config;

/// <summary>The configuration file and the secrets it may refer to (vault)</summary>
[OptionSet]
public sealed partial class ConfigOptions
{
    /// <summary>Path to YAML file with preset configuration</summary>
    [Option("config_file")] public partial string? ConfigFile { get; }
    /// <summary>Secret for access keys</summary>
    [Option("secret", Sensitive = true)] public partial string? Secret { get; }
    /// <summary>Vault for secrets</summary>
    [Option("vault")] public partial JsonObject? Vault { get; }
    /// <summary>Vault password</summary>
    [Option("vault_password", Sensitive = true)] public partial string? VaultPassword { get; }
}
