using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Config.Vault;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// <c>config vault</c>: the secret vault of <c>--vault</c> and <c>--vault-password</c> (manual "Secret Vault").
/// Entries are read back with <c>@vault:label.field</c>.
/// </summary>
[CommandGroup("config vault")]
internal sealed class VaultCommands(VaultProvider provider)
{
    /// <summary>Display the vault settings</summary>
    [Command("info")]
    public Result Info() => Result.SingleObject(provider.Settings.ToInfo());

    /// <summary>List the vault entries</summary>
    [Command("list")]
    public Result List() => Result.ObjectList([.. provider.Vault.List().Select(static e => (JsonNode?)e)]);

    /// <summary>Display one vault entry</summary>
    [Command("show")]
    public Result Show([Argument("label")] string label)
    {
        return Result.SingleObject(provider.Vault.Get(label) ?? throw VaultEntries.NotFound(label));
    }

    /// <summary>Add an entry: label and Hash of username, password, url, description</summary>
    [Command("create")]
    public Result Create([Argument("label")] string label, [Argument("info", Name = "params")] JsonObject values)
    {
        provider.Vault.Set(label, values);
        return Result.Status("Password added");
    }

    /// <summary>Delete a vault entry</summary>
    [Command("delete")]
    public Result Delete([Argument("label")] string label)
    {
        provider.Vault.Delete(label);
        return Result.Status("Password deleted");
    }

    /// <summary>Change the vault password</summary>
    [Command("password")]
    public Result Password([Argument("new_password")] string password)
    {
        var vault = provider.Vault;
        vault.ChangePassword(password);
        return Result.Status("Password updated");
    }
}
