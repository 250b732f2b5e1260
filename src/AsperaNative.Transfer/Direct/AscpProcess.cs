using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Management;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Direct;

/// <summary>
/// One run of ascp: listens on a loopback port, starts <c>ascp -M port …</c>, reads its management events
/// and decides the outcome from the last one. Unlike ascli it also watches the process: an ascp that exits
/// while something else keeps the socket open, or that stays silent too long, ends the run; cancellation
/// (Ctrl-C, SIGTERM) kills it so that no ascp outlives us.
/// </summary>
internal sealed partial class AscpProcess(string executable, AscpCommand command, DirectOptions options, ITransferListener listener, TransferLog log)
{
    /// <summary>Time given to the socket to deliver the last events once ascp has exited.</summary>
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(1);

    /// <summary>Time given to ascp to end its session after a CANCEL command (interrupted transfer), before it is killed.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(1);

    private const string CancelCommand = "FASPMGR 2\nType: CANCEL\n\n";

    /// <summary>How the management port is given to the program: ascp's <c>-M port</c> by default (async: <c>--exclusive-mgmt-port=port</c>).</summary>
    public Func<int, IReadOnlyList<string>> ManagementArgument { get; init; } = static port => ["-M", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Regenerates a bearer token after an ERROR mentioning it; the next attempt uses it.</summary>
    public Func<string>? TokenRegenerator { get; init; }

    // progress state of this run (ascli keeps it per agent: reset at INIT)
    private bool _sizeSent;
    private long? _lastBytes;
    private bool _silent;
    // the description of the last FILEERROR or ERROR: the reason given when ascp ends without its final event
    private string? _lastError;

    [GeneratedRegex("bearer token", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    public async Task RunAsync(CancellationToken cancel)
    {
        listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: "starting"));
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(1);
        int port = ((IPEndPoint)server.LocalEndPoint!).Port;
        var psi = new ProcessStartInfo(executable) { UseShellExecute = false };
        var management = ManagementArgument(port);
        foreach (var a in management) psi.ArgumentList.Add(a);
        foreach (var a in command.Arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in command.Environment) psi.Environment[k] = v;
        log.Debug($"execute: {string.Join(' ', command.Environment.Keys.Select(k => k + "=***"))} {executable} {string.Join(' ', management)} {string.Join(' ', command.Arguments)}");
        Process process;
        try { process = Process.Start(psi) ?? throw new TransferException("ascp not started"); }
        catch (System.ComponentModel.Win32Exception e) { throw new TransferException(e.Message); }
        using var _ = process;
        Exception? failure = null;
        try
        {
            listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: "waiting for ascp"));
            var parser = new FaspMgrParser();
            using (var client = await AcceptAsync(server, process, cancel))
            {
                try { await ReadEventsAsync(client, process, parser, cancel); }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    // ascp ends its session cleanly on CANCEL; it is killed if it does not exit soon after
                    SendCancel(client);
                    throw;
                }
            }
            failure = Outcome(parser);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            failure = new TransferException("transfer interrupted by user");
        }
        catch (Exception e) when (e is TransferException or CliException or IOException or SocketException or InvalidDataException)
        {
            failure = e is TransferException or CliException ? e : new TransferException(e.Message);
        }
        finally
        {
            await EndProcessAsync(process, _silent ? TimeSpan.Zero : cancel.IsCancellationRequested ? CancelGrace : failure is not null ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10));
        }
        string? exit = process.ExitCode == 0 ? null : $"ascp failed (pid {process.Id} exit {process.ExitCode})";
        if (failure is not null)
        {
            if (exit is not null) log.Error(exit);
            throw failure;
        }
        if (exit is not null) throw new TransferException(exit);
    }

    /// <summary>
    /// Waits <c>spawn_timeout_sec</c> for ascp to connect, as ascli does; an ascp that exits without connecting
    /// ends the wait at once (a connection it made before exiting is still accepted).
    /// </summary>
    private async Task<Socket> AcceptAsync(Socket server, Process process, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.SpawnTimeoutSec));
        var accept = server.AcceptAsync(timeout.Token).AsTask();
        var exited = process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(accept, exited) != accept && !accept.IsCompleted && !ConnectionPending(server))
        {
            // the connection of an ascp that has just exited may still be on its way
            await Task.WhenAny(accept, Task.Delay(ExitedConnectGrace, CancellationToken.None));
            if (!accept.IsCompleted && !ConnectionPending(server)) timeout.Cancel();
        }
        try { return await accept; }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new TransferException("timeout waiting mgt port connect (select not readable)");
        }
        finally
        {
            _ = exited.ContinueWith(static t => t.Exception, TaskScheduler.Default);
        }
    }

    private static readonly TimeSpan ExitedConnectGrace = TimeSpan.FromMilliseconds(200);

    /// <summary>A connection waits in the listen backlog (the kernel's view: true even before the accept completes).</summary>
    private static bool ConnectionPending(Socket server)
    {
        try { return server.Poll(0, SelectMode.SelectRead); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { return false; }
    }

    /// <summary>Asks ascp to end its session (management command CANCEL); nothing when the port is already gone.</summary>
    private static void SendCancel(Socket client)
    {
        try { client.Send(Encoding.UTF8.GetBytes(CancelCommand)); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    /// <summary>How often a blocked read wakes up to check cancellation, ascp's exit and silence.</summary>
    private const int ReadPollMs = 200;

    /// <summary>Pause after a read that emptied the socket, so that the next read brings the events of a burst together.</summary>
    private const int CoalesceMs = 2;

    /// <summary>
    /// Reads events on a thread of its own with blocking reads: each event ascp writes wakes that thread only, where
    /// asynchronous reads would pass every event through the socket engine and the thread pool (at high event rates,
    /// most of the supervision CPU).
    /// </summary>
    private Task ReadEventsAsync(Socket client, Process process, FaspMgrParser parser, CancellationToken cancel)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new Thread(() =>
        {
            try
            {
                ReadEvents(client, process, parser, cancel);
                done.SetResult();
            }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true, Name = "ascp events" };
        reader.Start();
        return done.Task;
    }

    private void ReadEvents(Socket client, Process process, FaspMgrParser parser, CancellationToken cancel)
    {
        var writeLock = new Lock();
        listener.OnManagementConnected(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            lock (writeLock) client.Send(bytes);
        });
        var exited = process.WaitForExitAsync(CancellationToken.None);
        // a cancelled run stops reading at once (the socket still sends the CANCEL command)
        using var onCancel = cancel.Register(() =>
        {
            try { client.Shutdown(SocketShutdown.Receive); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        // a persistent session waits for its next file as long as the client wants: no silence limit
        long silenceMs = command.Arguments.Contains("--keepalive") ? long.MaxValue : (long)(options.SilentTimeoutSec * 1000);
        client.ReceiveTimeout = ReadPollMs;
        // lines are cut from the bytes read: one read brings many events, and only values become strings
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        long lastData = Environment.TickCount64;
        long? exitedAt = null;
        // once ascp has exited, the socket is given DrainAfterExit to deliver the rest, then read without waiting
        bool DrainTimeOver(long now) => exited.IsCompleted && now - (exitedAt ??= now) >= (long)DrainAfterExit.TotalMilliseconds;
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = buffer.AsSpan(start, newline);
                start += newline + 1;
                if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
                if (parser.ProcessLine(line) is { } e) OnEvent(e);
                continue;
            }
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            cancel.ThrowIfCancellationRequested();
            int read;
            try { read = client.Receive(buffer, end, buffer.Length - end, SocketFlags.None); }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                cancel.ThrowIfCancellationRequested();
                long now = Environment.TickCount64;
                // when ascp is gone, whoever still holds the socket cannot keep us waiting
                if (DrainTimeOver(now))
                {
                    DrainAvailable(client, buffer.AsSpan(start, end - start), parser);
                    return;
                }
                if (now - lastData > silenceMs)
                {
                    _silent = true;
                    throw new TransferException($"ascp silent for {options.SilentTimeoutSec} s: stopped");
                }
                continue;
            }
            cancel.ThrowIfCancellationRequested();
            if (read == 0)
            {
                // a last line without end of line
                if (end > start && parser.ProcessLine(buffer.AsSpan(start, end - start)) is { } last) OnEvent(last);
                return;
            }
            end += read;
            // an ascp that has exited while another process keeps the socket busy ends the run all the same
            if (exited.IsCompleted)
            {
                if (DrainTimeOver(Environment.TickCount64))
                {
                    DrainAvailable(client, buffer.AsSpan(start, end - start), parser);
                    return;
                }
            }
            else
            {
                lastData = Environment.TickCount64;
                // a short pause lets a burst of events gather in the socket: one wake-up reads many (a display
                // refreshed every few milliseconds is as live, and a read per event cost most of the supervision)
                if (end < buffer.Length) Thread.Sleep(CoalesceMs);
            }
        }
    }

    /// <summary>Parses <paramref name="pending"/> and what the socket holds already, without waiting.</summary>
    private void DrainAvailable(Socket client, ReadOnlySpan<byte> pending, FaspMgrParser parser)
    {
        var data = new List<byte>(pending.ToArray());
        try
        {
            var chunk = new byte[64 * 1024];
            while (client.Available > 0)
            {
                int n = client.Receive(chunk, SocketFlags.None);
                if (n <= 0) break;
                data.AddRange(chunk.AsSpan(0, n));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data);
        while (bytes.Length > 0)
        {
            int newline = bytes.IndexOf((byte)'\n');
            var line = newline < 0 ? bytes : bytes[..newline];
            bytes = newline < 0 ? [] : bytes[(newline + 1)..];
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            if (parser.ProcessLine(line) is { } e) OnEvent(e);
        }
    }

    private void OnEvent(ManagementEvent e)
    {
        listener.OnManagementEvent(e);
        string? id = e.SessionId;
        switch (e.Type)
        {
            case "INIT":
                _sizeSent = false;
                _lastBytes = null;
                listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id));
                break;
            case "NOTIFICATION" when e["PreTransferBytes"] is not null:
                _sizeSent = true;
                listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, e.Long("PreTransferBytes")));
                break;
            case "STATS":
                _lastBytes = e.Long("TransferBytes") + e.Long("StartByte");
                listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, _lastBytes.Value));
                break;
            case "DONE" or "ERROR":
                if (e.Type == "ERROR") _lastError = e["Description"] ?? _lastError;
                long total = e.Long("TransferBytes") + e.Long("StartByte");
                if (!_sizeSent && total != 0) listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, total));
                if (_lastBytes != total) listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, total));
                listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                break;
            case "FILEERROR":
                _lastError = e["Description"] ?? _lastError;
                log.Error(e["Description"] ?? "");
                break;
        }
    }

    /// <summary>Only the last event decides: DONE is success, ERROR a failure with its code.</summary>
    private Exception? Outcome(FaspMgrParser parser)
    {
        var last = parser.LastEvent;
        if (last is null) return new TransferException("internal: no management event (NilClass)");
        switch (last.Type)
        {
            case "DONE":
                return null;
            case "ERROR":
                string description = last["Description"] ?? "";
                if (TokenRegenerator is not null && BearerToken().IsMatch(description))
                {
                    log.Warn("Regenerating token for transfer");
                    command.Environment["ASPERA_SCP_TOKEN"] = TokenRegenerator();
                }
                return new TransferException(description, int.TryParse(last["Code"], out int code) ? code : null);
            default:
                // ascp ended (or died) before its final event: a transfer error, so the resume policy applies
                return new TransferException($"unexpected last event type: {last.Type}, {last["Description"] ?? _lastError}");
        }
    }

    /// <summary>Reaps ascp: it gets <paramref name="delay"/> to exit (none when interrupted), then it and its children are killed.</summary>
    private static async Task EndProcessAsync(Process process, TimeSpan delay)
    {
        if (process.HasExited) return;
        using var grace = new CancellationTokenSource(delay);
        try { await process.WaitForExitAsync(grace.Token); }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
