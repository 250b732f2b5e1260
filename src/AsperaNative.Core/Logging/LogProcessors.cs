using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using ZLogger;

namespace AsperaNative.Core.Logging;

/// <summary>Ruby Logger's line layout, which scripts and log searches of ascli users match.</summary>
internal static class RubyLogFormat
{
    public static string Severity(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "ANY",
    };

    public static string Line(IZLoggerEntry entry)
    {
        string severity = Severity(entry.LogInfo.LogLevel);
        string time = entry.LogInfo.Timestamp.Local.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return $"{severity[0]}, [{time} #{Environment.ProcessId}] {severity,5} -- : {entry}";
    }
}

/// <summary>Writes each entry at once, in order with the other lines of the same stream (no background queue).</summary>
internal sealed class WriterLogProcessor(TextWriter writer) : IAsyncLogProcessor
{
    public void Post(IZLoggerEntry log)
    {
        try
        {
            lock (writer)
            {
                writer.WriteLine(RubyLogFormat.Line(log));
                writer.Flush();
            }
        }
        finally
        {
            log.Return();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Sends entries to the local syslog daemon (<c>/dev/log</c>, RFC 3164 lines, facility user).</summary>
internal sealed class SyslogLogProcessor : IAsyncLogProcessor
{
    private Socket? _socket;

    public void Post(IZLoggerEntry log)
    {
        try
        {
            int severity = log.LogInfo.LogLevel switch
            {
                LogLevel.Trace or LogLevel.Debug => 7,
                LogLevel.Information => 6,
                LogLevel.Warning => 4,
                LogLevel.Error => 3,
                _ => 2,
            };
            string line = $"<{8 + severity}>ascli[{Environment.ProcessId}]: {RubyLogFormat.Severity(log.LogInfo.LogLevel)} -- : {log}";
            _socket ??= Connect();
            _socket?.Send(Encoding.UTF8.GetBytes(line));
        }
        catch (SocketException)
        {
            // no syslog daemon: logging must never break a command
        }
        finally
        {
            log.Return();
        }
    }

    private static Socket? Connect()
    {
        if (!File.Exists("/dev/log")) return null;
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint("/dev/log"));
        return socket;
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }
}
