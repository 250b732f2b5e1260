using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Direct;

/// <summary>
/// The direct agent (manual "Agent: Direct"): local ascp processes, one per session. Multi-session starts
/// <c>multi_session</c> processes <c>spawn_delay_sec</c> apart with <c>-C i:N</c> (and <c>-O</c> increments with
/// <c>multi_incr_udp</c>); each session retries on its own. SIGINT and SIGTERM stop every ascp started.
/// </summary>
public sealed class DirectAgent(AscpInstallation installation, DirectOptions options, TransferLog log) : ITransferAgent
{
    /// <summary>Default UDP port of FASP, base of multi-session increments.</summary>
    public const int DefaultUdpPort = 33001;

    /// <summary>Where file lists are written; null puts sources on the command line.</summary>
    public string? FileListFolder { get; init; } = Path.Combine(Path.GetTempPath(), $"ascli_filelists_{Environment.UserName}");

    /// <summary>Sleep between retries (tests shorten it).</summary>
    public Func<TimeSpan, CancellationToken, Task> Sleep { get; init; } = Task.Delay;

    public async Task<IReadOnlyList<SessionStatus>> TransferAsync(JsonObject spec, ITransferListener listener, Func<string>? tokenRegenerator, CancellationToken cancel)
    {
        spec = (JsonObject)spec.DeepClone();
        if (spec["tags"] is JsonObject tags && tags["aspera"] is JsonObject aspera)
        {
            // a unique transfer id: shared by all sessions of this job, never reused (AoC discards duplicates)
            aspera["xfer_id"] ??= Guid.NewGuid().ToString();
            aspera["xfer_retry"] ??= 3600;
        }
        int sessions = 0;
        long udpBase = DefaultUdpPort;
        if (spec.ContainsKey("multi_session"))
        {
            var count = spec["multi_session"];
            spec.Remove("multi_session");
            sessions = count is JsonValue v && RubyValues.IsInteger(v) ? (int)RubyValues.ToDouble(v) : int.TryParse(RubyToS.Of(count), out int parsed) ? parsed : 0;
            if (sessions < 0)
            {
                log.Error($"multi_session({sessions}) shall be integer >= 0");
                sessions = 0;
            }
            else if (sessions > 0 && options.MultiIncrUdp)
            {
                if (spec["fasp_port"] is JsonValue port && RubyValues.IsInteger(port)) udpBase = (long)RubyValues.ToDouble(port);
                spec.Remove("fasp_port");
            }
        }
        var build = new AscpBuildOptions
        {
            Wss = options.Wss,
            AscpArgs = options.AscpArgs,
            Quiet = options.Quiet,
            TrustedCerts = options.TrustedCerts,
            ClientSshKey = options.ClientSshKey,
            FileListFolder = FileListFolder,
        };
        var command = new AscpArgumentBuilder(spec, build, installation, log).Build();
        string executable = installation.AscpPath(command.UseAscp4);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupt.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupt.Cancel(); });
        var resumer = new Resumer(options.Resume, log) { Sleep = Sleep };
        var running = new List<Task<SessionStatus>>();
        try
        {
            if (sessions == 0)
            {
                running.Add(RunSessionAsync(executable, command, resumer, listener, tokenRegenerator, interrupt.Token));
            }
            else
            {
                for (int i = 1; i <= sessions; i++)
                {
                    if (i > 1) await DelayAsync(TimeSpan.FromSeconds(options.SpawnDelaySec), interrupt.Token);
                    if (interrupt.IsCancellationRequested) break;
                    var one = command.Clone();
                    one.Arguments.Insert(0, $"-C{i}:{sessions}");
                    if (options.MultiIncrUdp) one.Arguments.InsertRange(0, ["-O", (udpBase + i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    running.Add(RunSessionAsync(executable, one, resumer, listener, tokenRegenerator, interrupt.Token));
                }
            }
            var statuses = await Task.WhenAll(running);
            if (statuses.Length == 0) return [new SessionStatus(new TransferException("transfer interrupted by user"))];
            return statuses;
        }
        finally
        {
            if (command.GeneratedFileList is { } list) TryDelete(list);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancel)
    {
        try { await Task.Delay(delay, cancel); }
        catch (OperationCanceledException) { }
    }

    private async Task<SessionStatus> RunSessionAsync(string executable, AscpCommand command, Resumer resumer, ITransferListener listener, Func<string>? tokens, CancellationToken cancel)
    {
        await Task.Yield();
        try
        {
            await resumer.RunAsync(() => new AscpProcess(executable, command, options, listener, log) { TokenRegenerator = tokens }.RunAsync(cancel), cancel);
            return SessionStatus.Ok;
        }
        catch (OperationCanceledException)
        {
            return new SessionStatus(new TransferException("transfer interrupted by user"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SessionStatus(e);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
