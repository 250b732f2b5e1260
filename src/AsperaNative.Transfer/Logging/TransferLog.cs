using System.Globalization;

namespace AsperaNative.Transfer.Logging;

/// <summary>
/// The messages ascli logs during transfers, in Ruby Logger's layout
/// (<c>W, [2024-01-01T00:00:00.000000 #pid]  WARN -- : message</c>), filtered by <c>--log-level</c>.
/// Thread safe: sessions of a multi-session transfer log concurrently.
/// </summary>
public sealed class TransferLog(TextWriter writer, string? level = "warn")
{
    private static readonly string[] Levels = ["trace2", "trace1", "debug", "info", "warn", "error", "fatal", "unknown"];
    private readonly int _threshold = Math.Max(0, Array.IndexOf(Levels, level ?? "warn"));
    private readonly Lock _lock = new();

    public static TransferLog Silent { get; } = new(TextWriter.Null, "unknown");

    public bool IsEnabled(string severity) => Array.IndexOf(Levels, severity) >= _threshold;

    public void Debug(string message) => Write("debug", message);
    public void Info(string message) => Write("info", message);
    public void Warn(string message) => Write("warn", message);
    public void Error(string message) => Write("error", message);

    private void Write(string severity, string message)
    {
        if (!IsEnabled(severity)) return;
        string upper = severity.ToUpperInvariant();
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{upper[0]}, [{DateTime.Now:yyyy-MM-ddTHH:mm:ss.ffffff} #{Environment.ProcessId}] {upper,5} -- : {message}");
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
