// AsperaNative — ascli 4.21 drop-in. Manual: "Scheduler" / "Locking for exclusive execution" (options lock_port, pid_file).
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AsperaNative.Core.Logging;

namespace AsperaNative.Cli.Application;

/// <summary>
/// <c>--lock-port</c>: a TCP server on 127.0.0.1 held while the command runs, so that a second run (a cron job whose
/// previous run is not over) does not execute its command: as ascli, it logs a warning and exits with status 0.
/// The port is released when this guard is disposed (every exit path of the run, errors included) or, at worst,
/// by the system when the process dies. <c>--pid-file</c>: written at start (also by a run that is skipped, as ascli
/// does), deleted on exit.
/// </summary>
internal sealed class ProcessGuard : IDisposable
{
    private readonly Socket? _lock;
    private readonly string? _pidFile;

    private ProcessGuard(Socket? lockSocket, string? pidFile, bool skipped)
    {
        _lock = lockSocket;
        _pidFile = pidFile;
        Skipped = skipped;
    }

    /// <summary>True when another instance holds the lock port: the command must not be executed.</summary>
    public bool Skipped { get; }

    public static ProcessGuard Acquire(long? lockPort, string? pidFile, AppLog log)
    {
        Socket? socket = null;
        bool skipped = false;
        if (lockPort is { } port)
        {
            log.Debug(() => $"Opening lock port {port}");
            try
            {
                socket = Listen(port);
            }
            catch (LockException e)
            {
                skipped = true;
                log.Warn($"Another instance is already running ({e.Message}).");
            }
        }
        if (pidFile is not null)
        {
            File.WriteAllText(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            log.Debug(() => $"Wrote pid {Environment.ProcessId} to {pidFile}");
        }
        return new ProcessGuard(socket, pidFile, skipped);
    }

    /// <summary>The listening socket of the lock; a failure says why in the words of Ruby's <c>TCPServer.new</c>.</summary>
    private static Socket Listen(long port)
    {
        // the port is a service name for getaddrinfo: out of range is not a number it accepts
        if (port is < 0 or > IPEndPoint.MaxPort) throw new LockException("getaddrinfo: Servname not supported for ai_socktype");
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, (int)port));
            socket.Listen(1);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            string reason = e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "Address already in use",
                SocketError.AccessDenied => "Permission denied",
                SocketError.AddressNotAvailable => "Cannot assign requested address",
                _ => e.Message,
            };
            throw new LockException($"{reason} - bind(2) for \"127.0.0.1\" port {port}");
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        if (_pidFile is not null) try { File.Delete(_pidFile); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class LockException(string message) : Exception(message);
}
