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
internal sealed class VaultCommands(PluginContext context)
{
    /// <summary>Display the vault settings</summary>
    [Command("info")]
    public Result Info() => Result.SingleObject(Provider(context).Settings.ToInfo());

    /// <summary>List the vault entries</summary>
    [Command("list")]
    public Result List() => Result.ObjectList([.. Provider(context).Vault.List().Select(static e => (JsonNode?)e)]);

    /// <summary>Display one vault entry</summary>
    [Command("show")]
    public Result Show(CommandContext command)
    {
        string label = command.Args.NextString("label");
        return Result.SingleObject(Provider(context).Vault.Get(label) ?? throw VaultEntries.NotFound(label));
    }

    /// <summary>Add an entry: label and Hash of username, password, url, description</summary>
    [Command("create")]
    public Result Create(CommandContext command)
    {
        string label = command.Args.NextString("label");
        if (command.Args.NextValue("info (Hash)") is not JsonObject values)
            throw CliException.BadArgument("info (Hash): expecting Hash");
        Provider(context).Vault.Set(label, values);
        return Result.Status("Password added");
    }

    /// <summary>Delete a vault entry</summary>
    [Command("delete")]
    public Result Delete(CommandContext command)
    {
        string label = command.Args.NextString("label");
        Provider(context).Vault.Delete(label);
        return Result.Status("Password deleted");
    }

    /// <summary>Change the vault password</summary>
    [Command("password")]
    public Result Password(CommandContext command)
    {
        var vault = Provider(context).Vault;
        vault.ChangePassword(command.Args.NextString("new_password"));
        return Result.Status("Password updated");
    }

    /// <summary>The provider registered by the composition root, else one for this run's options and folder.</summary>
    internal static VaultProvider Provider(PluginContext context)
    {
        if (context.TryGetService<VaultProvider>() is { } provider) return provider;
        provider = new VaultProvider(context.Options, context.TryGetService<ConfigPaths>()?.MainFolder);
        context.AddService(provider);
        return provider;
    }
}
