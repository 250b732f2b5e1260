using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config ascp</c>: the local ascp (manual "FASP configuration"), its errors and the transfer spec table.</summary>
[CommandGroup("config ascp")]
internal sealed class AscpCommands(PluginContext context, GlobalOptions global)
{
    private TransferRunner Transfer => new(global, context);

    /// <summary>Show path of ascp in use</summary>
    [Command("show")]
    public Result Show() => Result.Text(Transfer.Installation.AscpPath());

    /// <summary>Show ascp and SDK details: paths, version, transfer spec from options</summary>
    [Command("info")]
    public Result Info()
    {
        var data = Transfer.Installation.Info();
        data["ts"] = Transfer.UserSpec.DeepClone();
        return Result.SingleObject(data);
    }

    /// <summary>Use the given ascp executable, saved in the global default preset</summary>
    [Command("use")]
    public Result Use(CommandContext command)
    {
        string path = command.Args.NextString("path to ascp");
        SaveAscpPath(path);
        return Result.Nothing;
    }

    /// <summary>List transfer spec parameters, their agents and ascp arguments</summary>
    [Command("spec")]
    public static Result Spec() => Result.ObjectList(SpecTable.ManTable(), SpecTable.ManColumns);

    /// <summary>List ascp error codes and whether they are retried</summary>
    [Command("errors")]
    public static Result Errors()
    {
        var rows = new JsonArray();
        foreach (var e in FaspErrors.All)
            rows.Add((JsonNode)new JsonObject { ["code"] = e.Code, ["mnemonic"] = e.Mnemonic, ["retry"] = e.Retryable, ["info"] = e.Info });
        return Result.ObjectList(rows);
    }

    /// <summary>Download and install the transfer SDK (ascp)</summary>
    [Command("install")]
    public Result Install(CommandContext command) => InstallSdk(command);

    /// <summary><c>config ascp install</c> and <c>config transferd install</c>: the SDK of <c>--sdk-url</c> (or of the list, for the version given).</summary>
    internal Result InstallSdk(CommandContext command)
    {
        string? version = command.Args.NextOptionalString("transferd version");
        string url = global.SdkUrl is { Length: > 0 } u && u != SdkDownload.DefaultKeyword ? u : SdkDownload.LocationFor(Rest, version);
        var log = context.TryGetService<AppLog>() ?? AppLog.Quiet;
        var installer = new SdkInstaller(Transfer.Installation.SdkFolder, log);
        var result = SdkDownload.WithLocalArchive(url, context.ExtendedValues.HomeFolder, Rest, installer.Install);
        return Result.Status($"Installed {result.Name} version {result.Version} in {result.Folder}");
    }

    private RestFactory Rest => context.GetService<RestFactory>();

    internal void SaveAscpPath(string path)
    {
        context.Status($"ascp version: {AscpInstallation.Version(path)}");
        var store = context.GetService<PresetStore>();
        string preset = store.EnsureGlobalDefault();
        store.Set(PresetStore.GlobalKeyword, "ascp_path", JsonValue.Create(path));
        context.Status($"Updated: {preset}: ascp_path <- {path}");
        context.Status($"Saved to default global preset {preset}");
    }
}

/// <summary><c>config ascp products</c>: Aspera products installed on this machine that carry an ascp.</summary>
[CommandGroup("config ascp products")]
internal sealed class AscpProductCommands(PluginContext context, GlobalOptions global)
{
    /// <summary>List installed Aspera products with an ascp</summary>
    [Command("list")]
    public Result List()
    {
        var rows = new JsonArray();
        foreach (var p in new TransferRunner(global, context).Installation.InstalledProducts())
            rows.Add((JsonNode)new JsonObject { ["name"] = p.Name, ["app_root"] = p.AppRoot, ["ascp_path"] = p.AscpPath });
        return Result.ObjectList(rows, ["name", "app_root"]);
    }

    /// <summary>Use ascp of the named product, saved in the global default preset</summary>
    [Command("use")]
    public Result Use(CommandContext command)
    {
        string name = command.Args.NextString("product name");
        var product = new TransferRunner(global, context).Installation.InstalledProducts().FirstOrDefault(p => p.Name == name)
            ?? throw CliException.Assertion($"No such product installed: {name}");
        new AscpCommands(context, global).SaveAscpPath(product.AscpPath);
        return Result.Nothing;
    }
}
