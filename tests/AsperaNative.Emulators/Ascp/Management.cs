using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Emulators.Ascp;

/// <summary>Writes FASPMGR 2 frames to the management port given by <c>-M</c>.</summary>
internal sealed class Management : IDisposable
{
    private readonly Socket? _socket;

    public Management(string? port)
    {
        if (port is null) return;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Connect("127.0.0.1", int.Parse(port));
    }

    public Socket? Socket => _socket;

    public void Send(params (string Name, object Value)[] fields)
    {
        if (_socket is null) return;
        var sb = new StringBuilder("FASPMGR 2\n");
        foreach (var (name, value) in fields) sb.Append(name).Append(": ").Append(value).Append('\n');
        sb.Append('\n');
        _socket.Send(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public void Dispose()
    {
        if (_socket is null) return;
        try { _socket.Shutdown(SocketShutdown.Send); } catch (SocketException) { }
        _socket.Dispose();
    }
}
