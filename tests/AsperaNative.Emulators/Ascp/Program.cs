// Stand-in ascp for tests: parses real ascp arguments, copies files for real (local paths and faux://),
// applies the resume (-k), overwrite, exclusion by time, delete-before and remove/move-after options to real files,
// and speaks the management port (-M) like ascp: events out (INIT, SESSION, NOTIFICATION, START, STATS,
// STOP, SKIP, FILEERROR, DONE, ERROR), commands in (START and DONE of a persistent session with
// --keepalive, CANCEL, RATE). Test controls, by environment variable:
//   ASCP_STANDIN_LOG=file          one JSON line per run (argv, ASPERA* env, pid, time); commands received in file.commands,
//                                  events sent (but STATS) in file.events
//   ASCP_STANDIN_FAIL=code:text    fail with this ERROR event ...
//   ASCP_STANDIN_FAIL_TIMES=N      ... only in the first N runs (counter in ASCP_STANDIN_LOG.count)
//   ASCP_STANDIN_STALL=seconds     pause after the first file (a slow transfer)
//   ASCP_STANDIN_SILENT=seconds    connect, send INIT, then say nothing that long
//   ASCP_STANDIN_LEAK_SOCKET=s     die mid-transfer while a child process keeps the socket open s seconds
//   ASCP_STANDIN_STATS=N           send N extra STATS events (benchmark of event processing)
//   ASCP_STANDIN_PARENT_CPU=file   at the end, append the CPU time (user+system, ms) of the parent process (the client) to file
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Ascp;

if (args is ["-A"])
{
    Console.Write("ascp version 4.4.5.1234\nOperating System: Linux\nFIPS 140-2 validated crypto library: NO\n");
    return 0;
}
var a = AscpArguments.Parse(args);
string? log = Environment.GetEnvironmentVariable("ASCP_STANDIN_LOG");
int run = log is null ? 1 : Counter(log + ".count");
if (log is not null) Log(log, args, run);
string sessionId = Guid.NewGuid().ToString();
using var mgt = new Management(a["-M"], log is null ? null : log + ".commands", log is null ? null : log + ".events");
var (index, count) = a.Session;
mgt.Send(("Type", "INIT"), ("SessionId", sessionId));
mgt.Send(("Type", "SESSION"), ("SessionId", sessionId), ("User", a["--user"] ?? ""), ("Host", a["--host"] ?? "localhost"),
    ("Direction", a.Send ? "Send" : "Receive"), ("Encryption", "Yes"), ("Port", a["-O"] ?? "33001"));
if (Seconds("ASCP_STANDIN_SILENT") is { } silent)
{
    Thread.Sleep(TimeSpan.FromSeconds(silent));
    return 0;
}
var session = new Session(mgt, sessionId, a);
try
{
    // token authentication over SSH reads the identity files given with -i, as ascp does
    for (int i = 0; i + 1 < args.Length; i++)
        if (args[i] == "-i" && !File.Exists(args[i + 1])) throw new AscpError(19, $"failed to read identity file {args[i + 1]}");
    if (Environment.GetEnvironmentVariable("ASCP_STANDIN_FAIL") is { Length: > 0 } fail
        && (Environment.GetEnvironmentVariable("ASCP_STANDIN_FAIL_TIMES") is not { Length: > 0 } times || run <= int.Parse(times, CultureInfo.InvariantCulture)))
    {
        var parts = fail.Split(':', 2);
        throw new AscpError(int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1] : "stand-in failure");
    }
    if (a.Flags.Contains("--keepalive")) return session.Persistent();
    var folders = new List<PlannedFolder>();
    var plan = FileCopier.Plan(a, folders);
    SourceActions.DeleteBeforeTransfer(a, folders);
    // multi-session: files are dealt round-robin between sessions
    var mine = plan.Where((_, i) => i % count == index - 1).ToList();
    mgt.Send(("Type", "NOTIFICATION"), ("SessionId", sessionId), ("PreTransferFiles", mine.Count(static f => f.Error is null)),
        ("PreTransferBytes", mine.Sum(static f => f.Size)));
    int extra = int.TryParse(Environment.GetEnvironmentVariable("ASCP_STANDIN_STATS"), out int n) ? n : 0;
    for (int i = 0; i < extra; i++)
        mgt.Send(("Type", "STATS"), ("SessionId", sessionId), ("TransferBytes", 0), ("StartByte", 0), ("FileBytes", 0), ("Elapsedusec", i));
    bool first = true;
    foreach (var f in mine)
    {
        session.Send(f);
        if (first)
        {
            first = false;
            if (Seconds("ASCP_STANDIN_STALL") is { } stall) session.Wait(TimeSpan.FromSeconds(stall));
            if (Seconds("ASCP_STANDIN_LEAK_SOCKET") is { } leak) LeakAndDie(mgt, leak);
        }
    }
    SourceActions.RemoveEmptyFolders(a, folders);
    session.Finish();
    RecordParentCpu();
    return 0;
}
catch (AscpError e)
{
    mgt.Send(("Type", "ERROR"), ("SessionId", sessionId), ("Code", e.Code), ("Description", e.Message), ("TransferBytes", session.Done), ("StartByte", 0));
    return 1;
}

// the client's CPU once it has read everything (benchmarks: the cost of supervising ascp)
static void RecordParentCpu()
{
    if (Environment.GetEnvironmentVariable("ASCP_STANDIN_PARENT_CPU") is not { Length: > 0 } file) return;
    Thread.Sleep(300);
    string stat = File.ReadAllText($"/proc/{Native.getppid()}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second)
    long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    File.AppendAllText(file, (ticks * 10).ToString(CultureInfo.InvariantCulture) + "\n");
}

static double? Seconds(string name)
    => double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : null;

static int Counter(string path)
{
    for (int attempt = 0; ; attempt++)
    {
        try
        {
            using var f = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            using var reader = new StreamReader(f, leaveOpen: true);
            int value = int.TryParse(reader.ReadToEnd(), out int v) ? v + 1 : 1;
            f.SetLength(0);
            using var writer = new StreamWriter(f);
            writer.Write(value);
            return value;
        }
        catch (IOException) when (attempt < 200) { Thread.Sleep(10); }
    }
}

static void Log(string path, string[] argv, int run)
{
    var env = new JsonObject();
    foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        if (e.Key is string k && k.StartsWith("ASPERA", StringComparison.Ordinal)) env[k] = e.Value as string;
    var line = new JsonObject
    {
        ["argv"] = new JsonArray([.. argv.Select(static x => (JsonNode?)JsonValue.Create(x))]),
        ["env"] = env,
        ["pid"] = Environment.ProcessId,
        ["run"] = run,
        ["t"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
    };
    for (int attempt = 0; ; attempt++)
    {
        try { File.AppendAllText(path, line.ToJsonString() + "\n"); return; }
        catch (IOException) when (attempt < 200) { Thread.Sleep(10); }
    }
}

static void LeakAndDie(Management mgt, double seconds)
{
    // the child inherits the socket: the agent must not wait for it to close
    int fd = (int)mgt.Socket!.Handle;
    _ = Native.fcntl(fd, 2 /* F_SETFD */, 0);
    Process.Start(new ProcessStartInfo("sleep", seconds.ToString(CultureInfo.InvariantCulture)) { UseShellExecute = false });
    Environment.Exit(1);
}

/// <summary>One session's files and counters: events per file, and the persistent mode driven by the client's commands.</summary>
internal sealed class Session(Management mgt, string id, AscpArguments args)
{
    private static readonly TimeSpan StatsInterval = TimeSpan.FromMilliseconds(100);
    private int _complete, _skipped, _failed;
    private AscpError? _lastFileError;

    /// <summary>Bytes sent so far in the session.</summary>
    public long Done { get; private set; }

    /// <summary>Sends one file with START, STATS, STOP (SKIP when the policies skip it, FILEERROR when it cannot be sent).</summary>
    public void Send(PlannedFile f)
    {
        if (mgt.Cancelled) throw new AscpError(28, "Cancelled by user");
        if (f.Error is { } error)
        {
            _failed++;
            _lastFileError = error;
            mgt.Send(("Type", "FILEERROR"), ("SessionId", id), ("File", f.SourcePath ?? f.Target), ("Code", error.Code), ("Description", error.Message));
            return;
        }
        var (skip, start) = Resume.Decide(f, args);
        if (skip)
        {
            _skipped++;
            mgt.Send(("Type", "SKIP"), ("SessionId", id), ("File", f.Target), ("Size", f.Size));
            SourceActions.AfterFile(args, f, skipped: true);
            return;
        }
        mgt.Send(("Type", "START"), ("SessionId", id), ("File", f.Target), ("Size", f.Size), ("StartByte", start));
        long before = Done;
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        long written = 0;
        FileCopier.Copy(f, start, w =>
        {
            written = w;
            if (clock.Elapsed - last < StatsInterval) return;
            last = clock.Elapsed;
            Stats(before + w, start);
        }, () => mgt.Cancelled);
        if (mgt.Cancelled) throw new AscpError(28, "Cancelled by user");
        Done = before + written;
        Stats(Done, start);
        _complete++;
        mgt.Send(("Type", "STOP"), ("SessionId", id), ("File", f.Target), ("Size", f.Size), ("Written", f.Size), ("StartByte", start));
        SourceActions.AfterFile(args, f, skipped: false);
    }

    private void Stats(long bytes, long start)
        => mgt.Send(("Type", "STATS"), ("SessionId", id), ("TransferBytes", bytes), ("StartByte", start), ("FileBytes", bytes), ("Elapsedusec", 1000),
            ("Rate", mgt.RateKbps));

    /// <summary>Waits, as a slow transfer would, unless the client cancels.</summary>
    public void Wait(TimeSpan time)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < time && !mgt.Cancelled) Thread.Sleep(20);
        if (mgt.Cancelled) throw new AscpError(28, "Cancelled by user");
    }

    /// <summary>DONE, or ERROR when files failed (all of them: the file's own error; some: SOME_FILE_ERRS).</summary>
    public void Finish()
    {
        if (_failed > 0)
            throw _complete + _skipped == 0 && _lastFileError is not null ? _lastFileError : new AscpError(27, "One or more files failed");
        mgt.Send(("Type", "DONE"), ("SessionId", id), ("TransferBytes", Done), ("StartByte", 0), ("FileBytes", Done),
            ("FilesComplete", _complete), ("TransfersSkipped", _skipped), ("TransfersFailed", _failed), ("Elapsedusec", 2000));
    }

    /// <summary>
    /// <c>--keepalive</c>: files come as START commands (<c>Source</c>, optional <c>Destination</c> below the
    /// session's destination) until the client sends DONE; CANCEL or a closed port ends the session.
    /// </summary>
    public int Persistent()
    {
        string root = args.Destination;
        while (mgt.NextCommand() is { } command)
        {
            switch (command.GetValueOrDefault("Type"))
            {
                case "START":
                    string source = command.GetValueOrDefault("Source") ?? "";
                    string name = Path.GetFileName(source.TrimEnd('/'));
                    string target = command.GetValueOrDefault("Destination") is { Length: > 0 } d ? (Path.IsPathRooted(d) ? d : Path.Combine(root, d)) : Path.Combine(root, name);
                    var file = File.Exists(source)
                        ? new PlannedFile(source, new FileInfo(source).Length, target)
                        : new PlannedFile(source, 0, target, new AscpError(4, $"No such file or directory: {source}"));
                    Send(file);
                    break;
                case "DONE":
                    Finish();
                    return 0;
                case "CANCEL":
                    throw new AscpError(28, "Cancelled by user");
            }
        }
        // the client closed the management port: ascp ends the session
        return 1;
    }
}

internal static partial class Native
{
    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fcntl(int fd, int cmd, int arg);

    [LibraryImport("libc")]
    internal static partial int getppid();
}
