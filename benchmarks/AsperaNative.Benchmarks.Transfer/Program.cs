// Transfer benchmarks.
//   dotnet run -c Release --project benchmarks/AsperaNative.Benchmarks.Transfer [-- --ascli dist/ascli] [--events 10000] [--runs 10] [--httpgw-mb 1024]
// 1. CPU of the direct agent (this process, JIT) per 10 000 management events sent by the stand-in ascp.
// 2. With --ascli: time from starting `ascli server upload` to the start of ascp (median over runs).
// 3. With --ascli: CPU of the published binary supervising ascp, per 10 000 management events (stand-in sending
//    100 000 STATS as fast as it can), and what that is as a share of one core at 10 000 events per second.
// 4. With --ascli and --httpgw-mb: one file of that size uploaded through --transfer=httpgw to an HTTPS gateway on
//    loopback (the gateway emulator, Kestrel), next to curl sending the same bytes over HTTPS (PUT) to the same server.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Logging;

string? ascli = Arg("--ascli");
int events = int.Parse(Arg("--events") ?? "10000", CultureInfo.InvariantCulture);
int runs = int.Parse(Arg("--runs") ?? "10", CultureInfo.InvariantCulture);
string root = Directory.CreateTempSubdirectory("transfer-bench-").FullName;
try
{
    string bin = Path.Combine(root, "bin");
    Directory.CreateDirectory(bin);
    string standIn = Path.Combine(AppContext.BaseDirectory, "ascp");
    string stamp = Path.Combine(root, "spawned");
    // the launcher records when ascp was started (ns since epoch), then becomes the stand-in
    string ascp = Path.Combine(bin, "ascp");
    File.WriteAllText(ascp, $"#!/bin/sh\ndate +%s%N >> \"{stamp}\"\nexec \"{standIn}\" \"$@\"\n");
    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(ascp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    string source = Path.Combine(root, "f1");
    File.WriteAllText(source, "x");

    // 1. event processing cost
    Environment.SetEnvironmentVariable("ASCP_STANDIN_STATS", events.ToString(CultureInfo.InvariantCulture));
    var agent = new DirectAgent(new AscpInstallation(root, ascp, null, null), DirectOptions.From(null), TransferLog.Silent) { FileListFolder = root };
    var spec = new JsonObject
    {
        ["direction"] = "send", ["remote_host"] = "localhost", ["create_dir"] = true, ["destination_root"] = Path.Combine(root, "out"),
        ["paths"] = new JsonArray(new JsonObject { ["source"] = source }),
    };
    var cpu = new List<double>();
    var counter = new Counter();
    for (int i = 0; i < Math.Max(3, runs / 2); i++)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var statuses = await agent.TransferAsync(spec, counter, null, CancellationToken.None);
        if (!statuses.All(static s => s.Success)) throw new InvalidOperationException(statuses.First(static s => !s.Success).Error!.Message);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
    }
    Environment.SetEnvironmentVariable("ASCP_STANDIN_STATS", null);
    double perTenThousand = Median(cpu) * 10_000 / (events + 7);
    Console.WriteLine($"events per run: {events + 7}, agent CPU per 10000 management events: {perTenThousand:0.0} ms (median of {cpu.Count}; includes process start and socket setup)");

    // 2. command start to ascp spawn
    if (ascli is not null)
    {
        var latencies = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            File.Delete(stamp);
            var psi = new ProcessStartInfo(ascli) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "server", "upload", source, "--url=ssh://127.0.0.1:33001", "--username=u", "--password=p", $"--to-folder={Path.Combine(root, "out")}", $"--ascp-path={ascp}", "--progress-bar=no" })
                psi.ArgumentList.Add(a);
            psi.Environment["HOME"] = root;
            var t0 = DateTime.UtcNow;
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("ascli failed: " + p.StandardError.ReadToEnd());
            long spawned = long.Parse(File.ReadAllText(stamp).Trim(), CultureInfo.InvariantCulture);
            double ms = (spawned - (t0 - DateTime.UnixEpoch).Ticks * 100) / 1e6;
            latencies.Add(ms);
        }
        Console.WriteLine($"ascli start to ascp spawn: median {Median(latencies):0.0} ms, min {latencies.Min():0.0} ms over {runs} runs");
        await Benchmarks.SupervisionCpuAsync(ascli, root, ascp, source);
        if (Arg("--httpgw-mb") is { } mb) await Benchmarks.HttpgwAgainstCurlAsync(ascli, root, long.Parse(mb, CultureInfo.InvariantCulture));
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

sealed class Counter : ITransferListener
{
    public long Count;
    public void OnProgress(ProgressEvent e) => Interlocked.Increment(ref Count);
}
