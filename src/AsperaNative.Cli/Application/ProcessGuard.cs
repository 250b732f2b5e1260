using System.Net;
using System.Net.Sockets;

namespace AsperaNative.Cli.Application;

/// <summary>
/// <c>--lock-port</c> (a listening loopback port held while we run: a second run exits at once,
/// as the manual says) and <c>--pid-file</c> (written at start, deleted on exit).
/// </summary>
internal sealed class ProcessGuard : IDisposable
{
    private readonly Socket? _lock;
    private readonly string? _pidFile;

    private ProcessGuard(Socket? lockSocket, string? pidFile)
    {
        _lock = lockSocket;
        _pidFile = pidFile;
    }

    /// <summary>Null when another instance holds the lock (the warning is printed).</summary>
    public static ProcessGuard? Acquire(long? lockPort, string? pidFile, TextWriter err)
    {
        Socket? socket = null;
        if (lockPort is { } port)
        {
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, (int)port));
                socket.Listen(1);
            }
            catch (SocketException)
            {
                socket.Dispose();
                err.WriteLine($"WARN -- : Another instance is already running (Address already in use - bind(2) for \"127.0.0.1\" port {port}).");
                return null;
            }
        }
        if (pidFile is not null) File.WriteAllText(pidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ProcessGuard(socket, pidFile);
    }

    public void Dispose()
    {
        _lock?.Dispose();
        if (_pidFile is not null) try { File.Delete(_pidFile); } catch (IOException) { }
    }
}
