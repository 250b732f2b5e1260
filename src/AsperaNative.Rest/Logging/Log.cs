namespace AsperaNative.Rest;

/// <summary>
/// The small logging facade of the HTTP stack: a level filter over a writer (stderr).
/// Messages are built only when their level is on, so that quiet runs pay nothing.
/// Levels are ascli's <c>--log-level</c> values, from the most verbose.
/// </summary>
public sealed class Log(string level, TextWriter writer)
{
    private static readonly string[] Levels = ["trace2", "trace1", "debug", "info", "warn", "error", "fatal", "unknown"];
    private readonly int _threshold = Math.Max(0, Array.IndexOf(Levels, level));

    public static readonly Log Quiet = new("unknown", TextWriter.Null);

    public bool IsEnabled(string level) => Array.IndexOf(Levels, level) >= _threshold;
    public bool Debugging => _threshold <= 2;
    public bool Tracing => _threshold == 0;

    public void Write(string level, string message)
    {
        if (!IsEnabled(level)) return;
        lock (writer) writer.WriteLine($"{level.ToUpperInvariant()}: {message}");
    }

    public void Debug(Func<string> message) { if (Debugging) Write("debug", message()); }
    public void Trace2(Func<string> message) { if (Tracing) Write("trace2", message()); }
    public void Info(string message) => Write("info", message);
    public void Warn(string message) => Write("warn", message);
    public void Error(string message) => Write("error", message);
}
