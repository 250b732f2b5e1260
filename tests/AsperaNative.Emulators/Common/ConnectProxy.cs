using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Emulators.Common;

/// <summary>
/// An HTTP CONNECT proxy on 127.0.0.1 that tunnels every <c>CONNECT host:port</c> to one local port,
/// so that clients calling fixed cloud hosts (api.ibmaspera.com, ats.aspera.io…) through
/// <c>--http-proxy</c> reach the emulator, which sees the original host in the Host header and SNI.
/// A host can be routed to another local port (<see cref="Route"/>, e.g. the ALEE host beside ATS);
/// <c>CONNECT 127.0.0.1:P</c> (or localhost) goes to port P, as a real proxy would.
/// </summary>
public sealed class ConnectProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, int> _routes = new(StringComparer.OrdinalIgnoreCase);

    public string Url { get; }
    /// <summary>The <c>host:port</c> of every CONNECT received, in order.</summary>
    public List<string> Tunnels { get; } = [];

    private ConnectProxy(int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    }

    public static ConnectProxy Start(int targetPort)
    {
        var proxy = new ConnectProxy(targetPort);
        _ = proxy.AcceptLoop();
        return proxy;
    }

    /// <summary>Sends the tunnels for <paramref name="host"/> (any port) to local port <paramref name="port"/>.</summary>
    public void Route(string host, int port)
    {
        lock (_routes) _routes[host] = port;
    }

    private int TargetOf(string authority)
    {
        int colon = authority.LastIndexOf(':');
        string host = colon > 0 ? authority[..colon] : authority;
        lock (_routes) if (_routes.TryGetValue(host, out int routed)) return routed;
        if ((host is "127.0.0.1" or "localhost") && colon > 0 && int.TryParse(authority[(colon + 1)..], out int port)) return port;
        return _target;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                string head = await ReadHead(stream);
                string[] first = head.Split("\r\n")[0].Split(' ');
                if (first.Length < 2 || first[0] != "CONNECT")
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"));
                    return;
                }
                lock (Tunnels) Tunnels.Add(first[1]);
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, TargetOf(first[1]));
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"));
                var up = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(up, _stop.Token), up.CopyToAsync(stream, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        }
    }

    private static async Task<string> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 16384 && await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            int n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') break;
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
