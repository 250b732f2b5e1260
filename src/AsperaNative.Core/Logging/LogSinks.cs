using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Core.Logging;

/// <summary>Ruby Logger's line layout, which scripts and log searches of ascli users match.</summary>
internal static class RubyLogFormat
{
    public const string Debug = "DEBUG", Info = "INFO", Warn = "WARN", Error = "ERROR", Fatal = "FATAL";

    public static string Line(string severity, string message)
    {
        string time = DateTime.Now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return $"{severity[0]}, [{time} #{Environment.ProcessId}] {severity,5} -- : {message}";
    }
}

/// <summary>Where log lines go.</summary>
internal interface ILogSink : IDisposable
{
    void Write(string severity, string message);
}

/// <summary>Writes each line at once, in order with the other lines of the same stream (no background queue).</summary>
internal sealed class WriterLogSink(TextWriter writer) : ILogSink
{
    public void Write(string severity, string message)
    {
        lock (writer)
        {
            writer.WriteLine(RubyLogFormat.Line(severity, message));
            writer.Flush();
        }
    }

    public void Dispose() { }
}

/// <summary>Sends lines to the local syslog daemon (<c>/dev/log</c>, RFC 3164 lines, facility user).</summary>
internal sealed class SyslogLogSink : ILogSink
{
    private Socket? _socket;
    private readonly Lock _lock = new();

    public void Write(string severity, string message)
    {
        int code = severity switch
        {
            RubyLogFormat.Debug => 7,
            RubyLogFormat.Info => 6,
            RubyLogFormat.Warn => 4,
            RubyLogFormat.Error => 3,
            _ => 2,
        };
        string line = $"<{8 + code}>ascli[{Environment.ProcessId}]: {severity} -- : {message}";
        try
        {
            lock (_lock)
            {
                _socket ??= Connect();
                _socket?.Send(Encoding.UTF8.GetBytes(line));
            }
        }
        catch (SocketException)
        {
            // no syslog daemon: logging must never break a command
        }
    }

    private static Socket? Connect()
    {
        if (!File.Exists("/dev/log")) return null;
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint("/dev/log"));
        return socket;
    }

    public void Dispose() => _socket?.Dispose();
}
