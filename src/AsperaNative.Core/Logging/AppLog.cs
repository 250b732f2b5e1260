using Microsoft.Extensions.Logging;
using ZLogger;

namespace AsperaNative.Core.Logging;

/// <summary>
/// The process's log (<c>--log-level</c>, <c>--logger</c>): ascli's levels on Microsoft.Extensions.Logging
/// with ZLogger. The logging pipeline is built on the first message that passes the level, so that a
/// quiet run pays nothing. Lines look like Ruby's Logger: <c>W, [time #pid]  WARN -- : message</c>.
/// </summary>
public sealed class AppLog : IDisposable
{
    /// <summary>ascli's levels, most verbose first.</summary>
    public static readonly string[] Levels = ["trace2", "trace1", "debug", "info", "warn", "error", "fatal", "unknown"];

    private readonly int _threshold;
    private readonly Func<ILoggerFactory> _createFactory;
    private ILoggerFactory? _factory;
    private ILogger? _logger;

    public AppLog(string level, string destination, TextWriter stderr, TextWriter stdout)
    {
        _threshold = Math.Max(0, Array.IndexOf(Levels, level));
        var minimum = ToLogLevel(Levels[_threshold]);
        _createFactory = () => LoggerFactory.Create(builder =>
        {
            builder.ClearProviders();
            builder.SetMinimumLevel(minimum);
            builder.AddZLoggerLogProcessor(destination switch
            {
                "stdout" => new WriterLogProcessor(stdout),
                "syslog" => new SyslogLogProcessor(),
                _ => new WriterLogProcessor(stderr),
            });
        });
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

    public void Trace2(Func<string> message) { if (IsEnabled("trace2")) Logger.ZLogTrace($"{message()}"); }
    public void Trace1(Func<string> message) { if (IsEnabled("trace1")) Logger.ZLogTrace($"{message()}"); }
    public void Debug(Func<string> message) { if (IsEnabled("debug")) Logger.ZLogDebug($"{message()}"); }
    public void Debug(string message) { if (IsEnabled("debug")) Logger.ZLogDebug($"{message}"); }
    public void Info(string message) { if (IsEnabled("info")) Logger.ZLogInformation($"{message}"); }
    public void Warn(string message) { if (IsEnabled("warn")) Logger.ZLogWarning($"{message}"); }
    public void Error(string message) { if (IsEnabled("error")) Logger.ZLogError($"{message}"); }

    /// <summary>A message at one of ascli's <see cref="Levels"/>.</summary>
    public void Write(string level, string message)
    {
        switch (level)
        {
            case "trace2": Trace2(() => message); break;
            case "trace1": Trace1(() => message); break;
            case "debug": Debug(message); break;
            case "info": Info(message); break;
            case "warn": Warn(message); break;
            case "error": Error(message); break;
            default: if (IsEnabled(level)) Logger.ZLogCritical($"{message}"); break;
        }
    }

    private ILogger Logger => _logger ??= (_factory = _createFactory()).CreateLogger("ascli");

    private static LogLevel ToLogLevel(string level) => level switch
    {
        "trace2" or "trace1" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" => LogLevel.Critical,
        _ => LogLevel.None,
    };

    /// <summary>Flushes and closes the pipeline, if it was built.</summary>
    public void Dispose() => _factory?.Dispose();
}
