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
internal sealed class AscpCommands(PluginContext context, TransferRunner transfer, AscpOptions ascp, RestFactory rest, PresetStore store, AppLog log)
{
    private TransferRunner Transfer => transfer;

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
    public Result Use([Argument("path to ascp", Name = "path")] string path)
    {
        SaveAscpPath(context, store, path);
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
    public Result Install([Argument("transferd version", Name = "version")] string? version = null) => InstallSdk(version);

    /// <summary><c>config ascp install</c> and <c>config transferd install</c>: the SDK of <c>--sdk-url</c> (or of IBM's list, for the version given).</summary>
    internal Result InstallSdk(string? version)
    {
        string url = ascp.SdkUrl is { Length: > 0 } u && u != SdkDownload.DefaultKeyword ? u : SdkDownload.LocationFor(Rest, version);
        var installer = new SdkInstaller(Transfer.Installation.SdkFolder, log);
        var result = SdkDownload.WithLocalArchive(url, context.ExtendedValues.HomeFolder, Rest, installer.Install);
        return Result.Status($"Installed {result.Name} version {result.Version} in {result.Folder}");
    }

    private RestFactory Rest => rest;

    internal static void SaveAscpPath(PluginContext context, PresetStore store, string path)
    {
        context.Status($"ascp version: {AscpInstallation.Version(path)}");
        string preset = store.GlobalDefault(context.Status);
        if (store.Set(preset, "ascp_path", JsonValue.Create(path))) context.Status($"Updated: {preset}: ascp_path <- {path}");
        context.Status($"Saved to default global preset {preset}");
    }
}

/// <summary><c>config ascp products</c>: Aspera products installed on this machine that carry an ascp.</summary>
[CommandGroup("config ascp products")]
internal sealed class AscpProductCommands(PluginContext context, PresetStore store, TransferRunner transfer)
{
    /// <summary>List installed Aspera products with an ascp</summary>
    [Command("list")]
    public Result List()
    {
        var rows = new JsonArray();
        foreach (var p in transfer.Installation.InstalledProducts())
            rows.Add((JsonNode)new JsonObject { ["name"] = p.Name, ["app_root"] = p.AppRoot, ["ascp_path"] = p.AscpPath });
        return Result.ObjectList(rows, ["name", "app_root"]);
    }

    /// <summary>Use ascp of the named product, saved in the global default preset</summary>
    [Command("use")]
    public Result Use([Argument("product name", Name = "name")] string name)
    {
        var product = transfer.Installation.InstalledProducts().FirstOrDefault(p => p.Name == name)
            ?? throw CliException.Assertion($"No such product installed: {name}");
        AscpCommands.SaveAscpPath(context, store, product.AscpPath);
        return Result.Nothing;
    }
}
