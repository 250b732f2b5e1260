using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Simulator;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Direct;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>
/// <c>node simulator [parameters]</c>: ascli's minimal Node API server, until Ctrl-C. Parameters (Hash):
/// <c>url</c> to listen on (else <c>--url</c>, else http://localhost:8080), <c>username</c> and <c>password</c>
/// clients must give (else <c>--username</c>/<c>--password</c>; none: no authentication), <c>browse_root</c>
/// (else the current folder). Transfers are run by the direct agent with the local ascp.
/// </summary>
[CommandGroup("node")]
internal sealed class SimulatorCommand(NodePlugin plugin, TransferRunner runner)
{
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>Start a local node API simulator</summary>
    [Command("simulator")]
    public async Task<Result> Run([Argument("parameters for simulator", Name = "params")] JsonObject? parameters = null)
    {
        parameters ??= [];
        var options = plugin.Context.Options;
        string? Text(string key) => parameters[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonScalar.GetText(v)
            : options.IsSet(key) ? options.Get(key)!.ToString() : null;
        string url = Text("url") ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw CliException.BadArgument($"simulator: not an URL: {url}");
        foreach (var key in new[] { "cert", "key", "chain" })
            if (parameters.ContainsKey(key)) throw CliException.BadArgument($"simulator: only http is supported ({key})");
        var installation = runner.Installation;
        string? version = null;
        try { version = AscpInstallation.Version(installation.AscpPath()); }
        catch (Exception e) when (e is CliException or System.ComponentModel.Win32Exception) { runner.Log.Warn($"simulator: no ascp version: {e.Message}"); }
        var settings = new NodeSimulatorSettings(uri, Text("username"), Text("password"), Text("browse_root") ?? Environment.CurrentDirectory, version);
        var agent = new DirectAgent(installation, DirectOptions.From(null), runner.Log);
        using var server = new NodeSimulatorServer(settings, agent);
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        runner.Log.Info($"node simulator: listening on {uri}");
        await server.RunAsync(stop.Token);
        return Result.Status("Simulator terminated");
    }
}
