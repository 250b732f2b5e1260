using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Emulators.Ascp;

/// <summary>
/// The management port given by <c>-M</c> (ascp manual, "management port"): FASPMGR 2 frames written
/// to the client, and the client's own frames read back (START and DONE of a persistent session,
/// CANCEL, RATE), as ascp reads them. Thread safe for sending.
/// </summary>
internal sealed class Management : IDisposable
{
    private readonly Socket? _socket;
    private readonly Lock _sendLock = new();
    private readonly BlockingCollection<Dictionary<string, string>> _commands = [];
    private readonly string? _commandLog;

    private readonly string? _eventLog;

    /// <summary><paramref name="eventLog"/>: each event sent but STATS, one JSON line (tests see which files were sent or skipped).</summary>
    public Management(string? port, string? commandLog, string? eventLog = null)
    {
        _commandLog = commandLog;
        _eventLog = eventLog;
        if (port is null) return;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Connect("127.0.0.1", int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        new Thread(ReadCommands) { IsBackground = true, Name = "mgt reader" }.Start();
    }

    public Socket? Socket => _socket;

    /// <summary>Set when the client asked to cancel the session.</summary>
    public volatile bool Cancelled;

    /// <summary>Target rate set by the client (RATE command), kbps.</summary>
    public volatile int RateKbps;

    public void Send(params (string Name, object Value)[] fields)
    {
        if (_eventLog is not null && fields is not [("Type", "STATS"), ..])
        {
            var o = new System.Text.Json.Nodes.JsonObject { ["pid"] = Environment.ProcessId };
            foreach (var (name, value) in fields) o[name] = value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
            Append(_eventLog, o.ToJsonString());
        }
        if (_socket is null) return;
        var sb = new StringBuilder("FASPMGR 2\n");
        foreach (var (name, value) in fields)
            sb.Append(name).Append(": ").Append(value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value).Append('\n');
        sb.Append('\n');
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        lock (_sendLock)
        {
            try { _socket.Send(bytes); }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        }
    }

    /// <summary>The next START/DONE command of a persistent session (null when the client closed the port).</summary>
    public Dictionary<string, string>? NextCommand()
    {
        try { return _commands.Take(); }
        catch (InvalidOperationException) { return null; }
    }

    private void ReadCommands()
    {
        try
        {
            using var stream = new NetworkStream(_socket!, ownsSocket: false);
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            Dictionary<string, string>? frame = null;
            while (reader.ReadLine() is { } line)
            {
                if (line == "FASPMGR 2") { frame = new(StringComparer.Ordinal); continue; }
                if (line.Length == 0)
                {
                    if (frame is not null) Dispatch(frame);
                    frame = null;
                    continue;
                }
                int sep = line.IndexOf(": ", StringComparison.Ordinal);
                if (frame is not null && sep > 0) frame[line[..sep]] = line[(sep + 2)..];
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (SocketException) { }
        finally
        {
            _commands.CompleteAdding();
        }
    }

    private void Dispatch(Dictionary<string, string> frame)
    {
        Log(frame);
        switch (frame.GetValueOrDefault("Type"))
        {
            case "CANCEL":
                Cancelled = true;
                _commands.Add(frame);
                break;
            case "RATE":
                if (int.TryParse(frame.GetValueOrDefault("Rate"), out int rate)) RateKbps = rate;
                Send(("Type", "RATE"), ("Rate", rate));
                break;
            default:
                _commands.Add(frame);
                break;
        }
    }

    /// <summary>Each command received, one JSON line in the command log (tests read what the client wrote).</summary>
    private void Log(Dictionary<string, string> frame)
    {
        if (_commandLog is null) return;
        var o = new System.Text.Json.Nodes.JsonObject { ["pid"] = Environment.ProcessId };
        foreach (var (k, v) in frame) o[k] = v;
        Append(_commandLog, o.ToJsonString());
    }

    private static void Append(string path, string line)
    {
        for (int attempt = 0; ; attempt++)
        {
            try { File.AppendAllText(path, line + "\n"); return; }
            catch (IOException) when (attempt < 200) { Thread.Sleep(10); }
        }
    }

    public void Dispose()
    {
        if (_socket is null) return;
        try { _socket.Shutdown(SocketShutdown.Send); } catch (SocketException) { }
        _socket.Dispose();
    }
}
