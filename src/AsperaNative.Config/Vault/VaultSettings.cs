using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Config.Vault;

/// <summary>
/// The <c>--vault</c> hash completed as ascli does: <c>type</c> (default <c>file</c>) and <c>name</c>
/// (default <c>vault.bin</c> for a file, the program name otherwise), plus the <c>--vault-password</c>.
/// A relative file name is taken from the configuration folder.
/// </summary>
public sealed record VaultSettings(string Type, string Name, string Password)
{
    public const string FileType = "file";
    public const string SystemType = "system";
    public const string DefaultFileName = "vault.bin";
    public const string ProgramName = "ascli";

    /// <summary>Validates the option values.</summary>
    /// <param name="vault">The <c>--vault</c> hash, or null.</param>
    /// <param name="password">The <c>--vault-password</c>, or null when not given.</param>
    /// <exception cref="CliException">Keys other than type and name, non-string values, or no password.</exception>
    public static VaultSettings From(JsonObject? vault, string? password)
    {
        vault ??= [];
        if (vault.Any(static p => p.Key is not ("type" or "name")))
            throw CliException.Assertion("vault info shall have exactly keys 'type' and 'name'");
        if (vault.Any(static p => p.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            throw CliException.Assertion("vault info shall have only string values");
        string type = vault["type"]?.GetValue<string>() ?? FileType;
        string name = vault["name"]?.GetValue<string>() ?? (type == FileType ? DefaultFileName : ProgramName);
        return new VaultSettings(type, name, password ?? throw CliException.BadArgument("Missing mandatory option: vault_password"));
    }

    /// <summary>What <c>config vault info</c> shows (the password is hidden by the formatter).</summary>
    public JsonObject ToInfo() => new() { ["type"] = Type, ["name"] = Name, ["password"] = Password };

    /// <summary>The vault file path for the <c>file</c> type.</summary>
    public string FilePath(string configFolder) => Path.IsPathRooted(Name) ? Name : Path.Combine(configFolder, Name);

    /// <summary>Opens the vault described.</summary>
    /// <exception cref="CliException">An unknown type, or the system keychain elsewhere than on macOS.</exception>
    public ISecretVault Open(string configFolder) => Type switch
    {
        FileType => EncryptedFileVault.Open(FilePath(configFolder), Password),
        SystemType => throw CliException.Runtime("not implemented for this OS: vault type system is the macOS keychain (macOS only), use type file"),
        _ => throw CliException.BadArgument($"Unknown vault type: {Type}"),
    };
}
