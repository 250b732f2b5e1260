namespace AsperaNative.Core.Logging;

/// <summary>
/// The process's log (<c>--log-level</c>, <c>--logger</c>): ascli's levels, each line written at once in Ruby
/// Logger's layout (<c>W, [time #pid]  WARN -- : message</c>) to standard error, standard output or syslog.
/// Our own few lines rather than Microsoft.Extensions.Logging with ZLogger: the sinks always wrote each line
/// synchronously in that layout themselves, and the logging pipeline added about 0.3 MB to an executable held
/// to 20 MB (issue 19). The sink is opened on the first message that passes the level: a quiet run pays nothing.
/// </summary>
public sealed class AppLog : IDisposable
{
    /// <summary>ascli's levels, most verbose first.</summary>
    public static readonly string[] Levels = ["trace2", "trace1", "debug", "info", "warn", "error", "fatal", "unknown"];

    private readonly int _threshold;
    private readonly Func<ILogSink> _openSink;
    private ILogSink? _sink;

    public AppLog(string level, string destination, TextWriter stderr, TextWriter stdout)
    {
        _threshold = Math.Max(0, Array.IndexOf(Levels, level));
        _openSink = destination switch
        {
            "stdout" => () => new WriterLogSink(stdout),
            "syslog" => static () => new SyslogLogSink(),
            _ => () => new WriterLogSink(stderr),
        };
    }

    /// <summary>A log in Ruby Logger's layout on <paramref name="writer"/> (libraries and tests without the composition root).</summary>
    public AppLog(string level, TextWriter writer) : this(level, "stderr", writer, TextWriter.Null)
    {
    }

    /// <summary>A log that writes nothing.</summary>
    public static readonly AppLog Quiet = new("unknown", "stderr", TextWriter.Null, TextWriter.Null);

    public bool IsEnabled(string level) => Array.IndexOf(Levels, level) >= _threshold;

    /// <summary>True at <c>debug</c> and more verbose levels.</summary>
    public bool Debugging => IsEnabled("debug");

    /// <summary>True at <c>trace2</c>, the full dumps.</summary>
    public bool Tracing => IsEnabled("trace2");

    public void Trace2(Func<string> message) { if (IsEnabled("trace2")) Emit(RubyLogFormat.Debug, message()); }
    public void Trace1(Func<string> message) { if (IsEnabled("trace1")) Emit(RubyLogFormat.Debug, message()); }
    public void Debug(Func<string> message) { if (IsEnabled("debug")) Emit(RubyLogFormat.Debug, message()); }
    public void Debug(string message) { if (IsEnabled("debug")) Emit(RubyLogFormat.Debug, message); }
    public void Info(string message) { if (IsEnabled("info")) Emit(RubyLogFormat.Info, message); }
    public void Warn(string message) { if (IsEnabled("warn")) Emit(RubyLogFormat.Warn, message); }
    public void Error(string message) { if (IsEnabled("error")) Emit(RubyLogFormat.Error, message); }

    /// <summary>A message at one of ascli's <see cref="Levels"/>.</summary>
    public void Write(string level, string message)
    {
        if (!IsEnabled(level)) return;
        Emit(level switch
        {
            "trace2" or "trace1" or "debug" => RubyLogFormat.Debug,
            "info" => RubyLogFormat.Info,
            "warn" => RubyLogFormat.Warn,
            "error" => RubyLogFormat.Error,
            _ => RubyLogFormat.Fatal,
        }, message);
    }

    private void Emit(string severity, string message)
    {
        var sink = _sink ??= _openSink();
        sink.Write(severity, message);
    }

    /// <summary>Closes the sink, if it was opened.</summary>
    public void Dispose() => _sink?.Dispose();
}
