using AsperaNative.Core.Logging;

namespace AsperaNative.Transfer.Logging;

/// <summary>
/// The transfer library's view of the process log: every line goes through <see cref="AppLog"/>
/// (Ruby Logger's layout, <c>--log-level</c>, <c>--logger</c>). Thread safe: sessions of a
/// multi-session transfer log concurrently.
/// </summary>
public sealed class TransferLog
{
    private readonly AppLog _log;

    /// <summary>Writes through the process log (the <see cref="AppLog"/> service of the composition root).</summary>
    public TransferLog(AppLog log) => _log = log;

    /// <summary>A log of its own on <paramref name="writer"/> (asession, tests), same layout as the process log.</summary>
    public TransferLog(TextWriter writer, string? level = "warn") => _log = new AppLog(level ?? "warn", writer);

    public static TransferLog Silent { get; } = new(AppLog.Quiet);

    /// <summary>The process log written to.</summary>
    public AppLog App => _log;

    public bool IsEnabled(string severity) => _log.IsEnabled(severity);

    public void Debug(string message) => _log.Debug(message);
    public void Info(string message) => _log.Info(message);
    public void Warn(string message) => _log.Warn(message);
    public void Error(string message) => _log.Error(message);
}
