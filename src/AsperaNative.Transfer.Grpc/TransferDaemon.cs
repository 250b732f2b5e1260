using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Logging;
using Grpc.Core;
using Grpc.Net.Client;
using Transferd.Api;
using Path = System.IO.Path;

namespace AsperaNative.Transfer.Grpc;

/// <summary>
/// A connection to the Transfer SDK daemon (<c>asperatransferd</c>, gRPC service <c>transferd.api.TransferService</c>
/// over cleartext HTTP/2 on the loopback interface). When nothing answers on <c>url</c> and the daemon is not
/// <c>external</c>, it is started from the SDK folder with a configuration file (address, port, the SDK's ascp),
/// its output in log files beside it; with port 0 the port it chose is read from its log. A daemon started here
/// is stopped (SIGINT) when the connection is disposed, unless <c>keep</c>.
/// </summary>
public sealed partial class TransferDaemon : IAsyncDisposable
{
    public const string LocalAddress = "127.0.0.1";
    /// <summary>How long a starting daemon is watched for an early exit (as ascli), and then given to log its port.</summary>
    private static readonly TimeSpan StartWatch = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PortWait = TimeSpan.FromSeconds(20);

    private readonly TransferLog _log;
    private readonly bool _keep;
    private GrpcChannel _channel;
    private Process? _started;

    internal TransferService.TransferServiceClient Client { get; private set; }

    /// <summary>The <c>host:port</c> the daemon answers on.</summary>
    public string Endpoint { get; private set; }

    /// <summary>The process id of the daemon started here (null when attached to a running one).</summary>
    public int? StartedPid => _started?.Id;

    [GeneratedRegex("Info: API Server: Listening on ([^:]+):([0-9]+) ")]
    private static partial Regex ListeningLine();

    private TransferDaemon(string endpoint, TransferLog log, bool keep)
    {
        _log = log;
        _keep = keep;
        Endpoint = endpoint;
        (_channel, Client) = Open(endpoint);
    }

    private static (GrpcChannel, TransferService.TransferServiceClient) Open(string endpoint)
    {
        var channel = GrpcChannel.ForAddress($"http://{endpoint}", new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
        return (channel, new TransferService.TransferServiceClient(channel));
    }

    /// <summary>Connects to the daemon of <paramref name="options"/>, starting it first when needed and allowed.</summary>
    public static async Task<TransferDaemon> ConnectAsync(TransferdOptions options, string daemonExecutable, string sdkFolder, TransferLog log, CancellationToken cancel)
    {
        string endpoint = options.Url.StartsWith(':') && int.TryParse(options.Url[1..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? LocalAddress + options.Url : options.Url;
        var daemon = new TransferDaemon(endpoint, log, options.Keep);
        try
        {
            bool automaticPort = options.Url == TransferdOptions.AutomaticPort;
            // port 0 means a new daemon: nothing can answer there
            if (!automaticPort && await daemon.TryInfoAsync(cancel))
            {
                if (!options.External && !options.Keep) log.Warn("Attached to existing daemon");
                return daemon;
            }
            if (options.External) throw Unavailable(endpoint);
            await daemon.StartAsync(daemonExecutable, sdkFolder, automaticPort, cancel);
            if (!await daemon.TryInfoAsync(cancel))
                throw CliException.Assertion($"Daemon started with PID {daemon.StartedPid}, but connection failed to {daemon.Endpoint}}}");
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>ascli's words when nothing answers (gRPC's own message).</summary>
    internal static CliException Unavailable(string endpoint)
        => CliException.Other("GRPC::Unavailable", $"14:failed to connect to all addresses; last error: UNKNOWN: ipv4:{endpoint}: Failed to connect to remote host: Connection refused");

    private async Task<bool> TryInfoAsync(CancellationToken cancel)
    {
        try
        {
            var info = await Client.GetInfoAsync(new InstanceInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancel);
            _log.Debug($"Daemon info: {info}");
            return true;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            _log.Debug($"transferd: {e.Status.Detail}");
            return false;
        }
    }

    /// <summary>Starts the daemon: configuration file, log files, early exit check, port from its log for port 0.</summary>
    private async Task StartAsync(string executable, string sdkFolder, bool automaticPort, CancellationToken cancel)
    {
        if (!File.Exists(executable)) throw CliException.Other("Errno::ENOENT", $"No such file or directory - transferd not found ({executable})");
        int colon = Endpoint.LastIndexOf(':');
        string host = Endpoint[..colon];
        int port = int.Parse(Endpoint[(colon + 1)..], CultureInfo.InvariantCulture);
        string folder = Path.Combine(Path.GetTempPath(), $"ascli_{Environment.UserName}");
        Directory.CreateDirectory(folder);
        string baseName = Path.Combine(folder, $"transferd_{Guid.NewGuid():N}");
        string conf = baseName + ".conf", stdout = baseName + ".out", stderr = baseName + ".err";
        var config = new JsonObject
        {
            ["address"] = host,
            ["port"] = port,
            ["fasp_runtime"] = new JsonObject
            {
                ["use_embedded"] = false,
                ["user_defined"] = new JsonObject { ["bin"] = sdkFolder, ["etc"] = sdkFolder },
            },
        };
        await File.WriteAllTextAsync(conf, config.ToJsonString(), cancel);
        // the daemon writes straight to its log files (it may outlive this process with keep)
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var a in new[] { "-c", "exec \"$0\" --config \"$1\" >\"$2\" 2>\"$3\" </dev/null", executable, conf, stdout, stderr }) psi.ArgumentList.Add(a);
        _started = Process.Start(psi) ?? throw CliException.Runtime($"cannot start {executable}");
        _log.Debug($"Daemon started with pid {_started.Id}");
        using (var watch = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            watch.CancelAfter(StartWatch);
            try
            {
                await _started.WaitForExitAsync(watch.Token);
                int code = _started.ExitCode;
                _started.Dispose();
                _started = null;
                throw CliException.Runtime($"Transfer daemon exited with status {code}. Check files: {stdout} and {stderr}");
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested) { }
        }
        // the daemon logs where it listens once it is ready (with port 0: the port it chose)
        int chosen = await PortFromLogAsync(stdout, cancel);
        if (automaticPort) Endpoint = $"{LocalAddress}:{chosen}";
        // a new channel: the first one waits out its reconnection back-off after the refused attempt
        _channel.Dispose();
        (_channel, Client) = Open(Endpoint);
    }

    /// <summary>The port the daemon logged it listens on (the last such line), as ascli finds it.</summary>
    private async Task<int> PortFromLogAsync(string logFile, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string text;
            using (var reader = new StreamReader(new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
                text = await reader.ReadToEndAsync(cancel);
            var matches = ListeningLine().Matches(text);
            if (matches.Count > 0)
            {
                int port = int.Parse(matches[^1].Groups[2].Value, CultureInfo.InvariantCulture);
                _log.Debug($"Got port {port} from log");
                return port;
            }
            if (clock.Elapsed > PortWait || _started is { HasExited: true }) throw CliException.Runtime("Port not found in daemon logs");
            await Task.Delay(50, cancel);
        }
    }

    // blittable: no marshalling code needed (kill(2) of libc)
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private const int SigInt = 2;

    /// <summary>Stops the daemon started here (SIGINT, then killed if it lingers), unless <c>keep</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (_started is null) return;
        if (_keep)
        {
            _log.Debug($"keeping daemon {_started.Id}");
            _started.Dispose();
            return;
        }
        if (!_started.HasExited)
        {
            _log.Debug($"Stopping daemon {_started.Id}");
            _ = Kill(_started.Id, SigInt);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _started.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException)
            {
                try { _started.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { }
                await _started.WaitForExitAsync(CancellationToken.None);
            }
        }
        _started.Dispose();
    }
}
