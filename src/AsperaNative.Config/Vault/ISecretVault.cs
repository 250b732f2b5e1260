using System.Text.Json.Nodes;

namespace AsperaNative.Config.Vault;

/// <summary>
/// A store of secrets by label (manual "Secret Vault"). An entry is a hash of strings among
/// <see cref="VaultEntries.ContentKeys"/>; its label is not part of the stored values.
/// </summary>
public interface ISecretVault
{
    /// <summary>All entries, each with its <c>label</c> and every content key (empty when not set).</summary>
    IReadOnlyList<JsonObject> List();

    /// <summary>One entry with its <c>label</c>, or null when there is none.</summary>
    JsonObject? Get(string label);

    /// <summary>Adds an entry; the label must be new.</summary>
    void Set(string label, JsonObject values);

    /// <summary>Removes an entry (nothing when there is none).</summary>
    void Delete(string label);

    /// <summary>Encrypts the vault again with a new password.</summary>
    void ChangePassword(string newPassword);
}
