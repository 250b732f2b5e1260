using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Rest.Tests.Support;

/// <summary>
/// A minimal HTTP forward proxy on loopback: CONNECT tunnels and absolute-form requests, with
/// optional Basic credentials (407 challenge). Records the request lines it served.
/// </summary>
public sealed class ForwardProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _credentials;
    public ConcurrentQueue<string> Lines { get; } = new();
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ForwardProxy(string? user = null, string? password = null)
    {
        if (user is not null) _credentials = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        _listener.Start();
        _ = AcceptLoop();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); } catch { return; }
            _ = Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var head = await ReadHead(stream);
        if (head is null) return;
        var lines = head.Split("\r\n");
        Lines.Enqueue(lines[0]);
        if (_credentials is not null && !lines.Any(l => l.Equals("Proxy-Authorization: " + _credentials, StringComparison.OrdinalIgnoreCase)))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return;
        }
        var parts = lines[0].Split(' ');
        if (parts[0] == "CONNECT")
        {
            var hp = parts[1].Split(':');
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(hp[0], int.Parse(hp[1]));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"));
            await Pipe(stream, upstream.GetStream());
        }
        else
        {
            var target = new Uri(parts[1]);
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(target.Host, target.Port);
            var rest = lines.Skip(1).Where(l => !l.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase));
            string rewritten = $"{parts[0]} {target.PathAndQuery} {parts[2]}\r\n" + string.Join("\r\n", rest);
            var up = upstream.GetStream();
            await up.WriteAsync(Encoding.ASCII.GetBytes(rewritten));
            await Pipe(stream, up);
        }
    }

    private static async Task Pipe(NetworkStream a, NetworkStream b)
    {
        var t1 = a.CopyToAsync(b);
        var t2 = b.CopyToAsync(a);
        await Task.WhenAny(t1, t2);
    }

    // reads up to and including the blank line ending the head
    private static async Task<string?> ReadHead(NetworkStream stream)
    {
        var sb = new StringBuilder();
        var buffer = new byte[1];
        while (!sb.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0) return null;
            sb.Append((char)buffer[0]);
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
