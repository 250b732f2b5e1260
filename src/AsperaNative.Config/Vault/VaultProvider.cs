using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;

namespace AsperaNative.Config.Vault;

/// <summary>
/// The vault of the run, opened on first use from the options <c>vault</c> and <c>vault_password</c>
/// (read then, as ascli reads them lazily), and the <c>@vault:label.field</c> extended value.
/// </summary>
public sealed class VaultProvider(OptionStore options, string? configFolder = null)
{
    private ISecretVault? _vault;

    /// <summary>Creates the provider and makes it the <see cref="ExtendedValueContext.VaultLookup"/> of the options' context.</summary>
    public static VaultProvider Attach(OptionStore options)
    {
        var provider = new VaultProvider(options);
        options.ExtendedValues.VaultLookup = provider.Lookup;
        return provider;
    }

    /// <summary>The options as they are now.</summary>
    public VaultSettings Settings
    {
        get
        {
            var config = new ConfigOptions(options);
            return VaultSettings.From(config.Vault, config.VaultPassword);
        }
    }

    /// <summary>
    /// The configuration folder: as given, else from the options (<c>--home</c>; <c>ASCLI_HOME</c> arrives as that
    /// option), else <c>~/.aspera/ascli</c>.
    /// </summary>
    public string ConfigFolder => configFolder ?? ConfigPaths.Resolve(new GlobalOptions(options).Home, null, options.ExtendedValues.HomeFolder, static _ => null).MainFolder;

    /// <summary>The vault, opened once.</summary>
    public ISecretVault Vault => _vault ??= Settings.Open(ConfigFolder);

    /// <summary><c>@vault:label.field</c>: one field of one entry.</summary>
    /// <exception cref="CliException">Not <c>label.field</c>, an unknown label or an absent field.</exception>
    public JsonNode? Lookup(string reference)
    {
        string[] parts = reference.Split('.');
        if (parts.Length != 2) throw CliException.Runtime("vault name shall match <name>.<param>");
        var entry = Vault.Get(parts[0]) ?? throw VaultEntries.NotFound(parts[0]);
        return entry[parts[1]]?.DeepClone() ?? throw CliException.Runtime($"no such entry value: {parts[1]}");
    }
}
