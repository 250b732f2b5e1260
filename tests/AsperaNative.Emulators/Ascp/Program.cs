// Stand-in ascp for tests: parses real ascp arguments, copies files for real (local paths and faux://),
// and reports over the management port (-M) like ascp. Test controls, by environment variable:
//   ASCP_STANDIN_LOG=file          one JSON line per run (argv, ASPERA* env, pid, time)
//   ASCP_STANDIN_FAIL=code:text    fail with this ERROR event ...
//   ASCP_STANDIN_FAIL_TIMES=N      ... only in the first N runs (counter in ASCP_STANDIN_LOG.count)
//   ASCP_STANDIN_STALL=seconds     pause after the first STATS (a slow transfer)
//   ASCP_STANDIN_SILENT=seconds    connect, send INIT, then say nothing that long
//   ASCP_STANDIN_LEAK_SOCKET=s     die mid-transfer while a child process keeps the socket open s seconds
//   ASCP_STANDIN_STATS=N           send N extra STATS events (benchmark of event processing)
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
using var mgt = new Management(a["-M"]);
var (index, count) = a.Session;
mgt.Send(("Type", "INIT"), ("SessionId", sessionId));
mgt.Send(("Type", "SESSION"), ("SessionId", sessionId), ("User", a["--user"] ?? ""), ("Host", a["--host"] ?? "localhost"),
    ("Direction", a.Send ? "Send" : "Receive"), ("Encryption", "Yes"), ("Port", a["-O"] ?? "33001"));
if (Seconds("ASCP_STANDIN_SILENT") is { } silent)
{
    Thread.Sleep(TimeSpan.FromSeconds(silent));
    return 0;
}
try
{
    if (Environment.GetEnvironmentVariable("ASCP_STANDIN_FAIL") is { Length: > 0 } fail
        && (Environment.GetEnvironmentVariable("ASCP_STANDIN_FAIL_TIMES") is not { Length: > 0 } times || run <= int.Parse(times, CultureInfo.InvariantCulture)))
    {
        var parts = fail.Split(':', 2);
        throw new AscpError(int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1] : "stand-in failure");
    }
    var plan = FileCopier.Plan(a);
    // multi-session: files are dealt round-robin between sessions
    var mine = plan.Where((_, i) => i % count == index - 1).ToList();
    long total = mine.Sum(static f => f.Size), done = 0;
    int complete = 0, skipped = 0;
    mgt.Send(("Type", "NOTIFICATION"), ("SessionId", sessionId), ("PreTransferFiles", mine.Count), ("PreTransferBytes", total));
    int extra = int.TryParse(Environment.GetEnvironmentVariable("ASCP_STANDIN_STATS"), out int n) ? n : 0;
    for (int i = 0; i < extra; i++)
        mgt.Send(("Type", "STATS"), ("SessionId", sessionId), ("TransferBytes", 0), ("StartByte", 0), ("FileBytes", 0), ("Elapsedusec", i));
    bool first = true;
    foreach (var f in mine)
    {
        mgt.Send(("Type", "START"), ("SessionId", sessionId), ("File", f.Target), ("Size", f.Size));
        if (FileCopier.Copy(f, a)) complete++;
        else skipped++;
        done += f.Size;
        mgt.Send(("Type", "STATS"), ("SessionId", sessionId), ("TransferBytes", done), ("StartByte", 0), ("FileBytes", done), ("Elapsedusec", 1000));
        if (first)
        {
            first = false;
            if (Seconds("ASCP_STANDIN_STALL") is { } stall) Thread.Sleep(TimeSpan.FromSeconds(stall));
            if (Seconds("ASCP_STANDIN_LEAK_SOCKET") is { } leak) LeakAndDie(mgt, leak);
        }
        mgt.Send(("Type", "STOP"), ("SessionId", sessionId), ("File", f.Target), ("Size", f.Size), ("Written", f.Size));
    }
    mgt.Send(("Type", "DONE"), ("SessionId", sessionId), ("TransferBytes", done), ("StartByte", 0), ("FileBytes", done),
        ("FilesComplete", complete), ("TransfersSkipped", skipped), ("Elapsedusec", 2000));
    return 0;
}
catch (AscpError e)
{
    mgt.Send(("Type", "ERROR"), ("SessionId", sessionId), ("Code", e.Code), ("Description", e.Message), ("TransferBytes", 0), ("StartByte", 0));
    return 1;
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

internal static partial class Native
{
    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fcntl(int fd, int cmd, int arg);
}
