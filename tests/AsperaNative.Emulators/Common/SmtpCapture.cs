using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Emulators.Common;

/// <summary>
/// A minimal SMTP server on loopback that accepts one message: replies as RFC 5321 requires (with AUTH LOGIN
/// offered) and records the commands and the data, for tests of e-mail notifications.
/// </summary>
public sealed class SmtpCapture : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public int Port { get; }
    public List<string> Commands { get; } = [];
    public string Data { get; private set; } = "";

    /// <summary>Set when the message's data has been received.</summary>
    public ManualResetEventSlim Received { get; } = new();

    /// <summary>Ends when the client has quit.</summary>
    public Task Serving { get; }

    public SmtpCapture()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Serving = Task.Run(Serve);
    }

    private async Task Serve()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 test ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (Commands) Commands.Add(line);
            if (line.StartsWith("EHLO", StringComparison.Ordinal)) { await writer.WriteLineAsync("250-test"); await writer.WriteLineAsync("250 AUTH LOGIN"); }
            else if (line == "AUTH LOGIN") await writer.WriteLineAsync("334 VXNlcm5hbWU6");
            else if (Commands.Count >= 2 && Commands[^2] == "AUTH LOGIN") await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
            else if (Commands.Count >= 3 && Commands[^3] == "AUTH LOGIN") await writer.WriteLineAsync("235 ok");
            else if (line == "DATA")
            {
                await writer.WriteLineAsync("354 go");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } d && d != ".") data.Append(d).Append('\n');
                Data = data.ToString();
                await writer.WriteLineAsync("250 queued");
                Received.Set();
            }
            else if (line == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
            else await writer.WriteLineAsync("250 ok");
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        Received.Dispose();
    }
}
