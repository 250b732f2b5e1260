using System.Diagnostics;
using System.Globalization;
using AsperaNative.Transfer.Agents;

namespace AsperaNative.Transfer.Progress;

/// <summary>
/// The one progress bar of every agent (manual "Transfer progress bar"): sums sizes and bytes over the
/// sessions of a job, shows elapsed time, bar, percentage, rate and ETA on one redrawn line. Shown when
/// <c>--progress-bar</c> says so, by default only on a terminal. Thread safe (sessions report concurrently).
/// </summary>
public sealed class ProgressRenderer : ITransferListener, IDisposable
{
    private const int BarWidth = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter? _output;
    private readonly Dictionary<string, (long Size, long Bytes, bool Ended)> _sessions = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private bool _drawn;
    private int _ended;

    public ProgressRenderer(TextWriter? output) => _output = output;

    /// <summary>A renderer that draws when <paramref name="enabled"/> (default: standard output is a terminal), else only counts.</summary>
    public static ProgressRenderer Create(bool? enabled, Core.Terminal.Terminal terminal)
        => new(enabled ?? terminal.OutputIsTerminal ? terminal.Out : null);

    public long TotalBytes { get { lock (_lock) return _sessions.Values.Sum(static s => s.Size); } }
    public long TransferredBytes { get { lock (_lock) return _sessions.Values.Sum(static s => s.Bytes); } }
    public int SessionCount { get { lock (_lock) return _sessions.Count; } }
    public int EndedSessions { get { lock (_lock) return _sessions.Values.Count(static s => s.Ended); } }

    public void OnProgress(ProgressEvent e)
    {
        lock (_lock)
        {
            if (e.SessionId is null) return;
            _sessions.TryGetValue(e.SessionId, out var s);
            if (e.Kind == ProgressKind.End && !s.Ended) _ended++;
            s = e.Kind switch
            {
                ProgressKind.SessionSize => s with { Size = e.Bytes },
                ProgressKind.Transfer => s with { Bytes = e.Bytes },
                ProgressKind.End => s with { Ended = true },
                _ => s,
            };
            _sessions[e.SessionId] = s;
            // called for each event of each session: counters, no enumeration, unless it draws
            if (_output is null) return;
            bool final = _ended == _sessions.Count;
            if (final || _clock.Elapsed - _lastDraw >= Interval) Draw(final);
        }
    }

    /// <summary>The bar line for the current totals (no terminal control characters).</summary>
    public string Line(bool final)
    {
        long size = _sessions.Values.Sum(static s => s.Size), bytes = _sessions.Values.Sum(static s => s.Bytes);
        var elapsed = _clock.Elapsed;
        double ratio = size > 0 ? Math.Min(1.0, (double)bytes / size) : final ? 1 : 0;
        int filled = (int)(ratio * BarWidth);
        double rateKb = elapsed.TotalSeconds > 0 ? bytes / 1024.0 / elapsed.TotalSeconds : 0;
        string tail = final ? "Time: " + Clock(elapsed)
            : rateKb > 0 && size > bytes ? "ETA: " + Clock(TimeSpan.FromSeconds((size - bytes) / 1024.0 / rateKb)) : "ETA: ??:??:??";
        return string.Create(CultureInfo.InvariantCulture,
            $"Time: {Clock(elapsed)} {new string('=', filled)}{new string(' ', BarWidth - filled)} {(int)(ratio * 100),3}% {rateKb:0} KB/sec {tail}");
    }

    private void Draw(bool final)
    {
        _lastDraw = _clock.Elapsed;
        _output!.Write("\r" + Line(final) + (final ? "\n" : ""));
        _output.Flush();
        _drawn = !final;
    }

    private static string Clock(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");

    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn && _output is not null) { _output.Write('\n'); _output.Flush(); }
            _drawn = false;
        }
    }
}
