using System.Diagnostics;
using System.Globalization;
using System.Net;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Httpgw;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

/// <summary>Benchmarks of the published binary: supervision CPU of the direct agent, HTTP Gateway throughput next to curl.</summary>
internal static class Benchmarks
{
    private static (int Exit, string Err, TimeSpan Elapsed) Run(string exe, IEnumerable<string> args, string home, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, err.Result, clock.Elapsed);
    }

    /// <summary>
    /// ascli's own CPU (read by the stand-in from /proc when the session ends) with 100 000 extra STATS events and with
    /// none: the difference is what supervising the events costs.
    /// </summary>
    public static Task SupervisionCpuAsync(string ascli, string root, string ascp, string source)
    {
        const int events = 100_000;
        double Cpu(int stats, out TimeSpan elapsed)
        {
            string file = Path.Combine(root, $"cpu-{stats}");
            var samples = new List<double>();
            var times = new List<TimeSpan>();
            for (int i = 0; i < 5; i++)
            {
                File.Delete(file);
                var (exit, err, took) = Run(ascli, ["server", "upload", source, "--url=ssh://127.0.0.1:33001", "--username=u", "--password=p", $"--to-folder={Path.Combine(root, "out")}",
                    $"--ascp-path={ascp}", "--progress-bar=no", "--transfer-info=@json:{\"spawn_timeout_sec\":30}"], root,
                    new Dictionary<string, string> { ["ASCP_STANDIN_STATS"] = stats.ToString(CultureInfo.InvariantCulture), ["ASCP_STANDIN_PARENT_CPU"] = file });
                if (exit != 0) throw new InvalidOperationException("ascli failed: " + err);
                samples.Add(double.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture));
                times.Add(took);
            }
            elapsed = times.Order().ElementAt(times.Count / 2);
            return samples.Order().ElementAt(samples.Count / 2);
        }
        double idle = Cpu(0, out _);
        double busy = Cpu(events, out var busyTime);
        double perTenThousand = (busy - idle) * 10_000 / events;
        double rate = events / busyTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ascli (AOT) supervision: {perTenThousand:0.0} ms CPU per 10000 management events ({idle:0} ms for a run without extra events, {busy:0} ms with {events}; events sent at {rate:0} per second); at 10000 events per second: {perTenThousand / 10:0.00}% of one core"));
        return Task.CompletedTask;
    }

    /// <summary>The same bytes through ascli's HTTP Gateway agent and through curl, both over HTTPS to loopback Kestrel.</summary>
    public static async Task HttpgwAgainstCurlAsync(string ascli, string root, long megabytes)
    {
        string file = Path.Combine(root, "big.bin");
        using (var f = File.Create(file))
        {
            var buffer = new byte[1 << 20];
            new Random(1).NextBytes(buffer);
            for (long i = 0; i < megabytes; i++) f.Write(buffer);
        }
        string storage = Path.Combine(root, "gw");
        await using var gateway = await HttpgwEmulator.StartAsync(storage);
        // curl's target: a PUT written to disk as the gateway writes uploads, on the same kind of server
        string received = Path.Combine(root, "curl.bin");
        await using var put = await EmulatorHost.StartAsync(app => app.MapPut("/upload", async (HttpContext ctx) =>
        {
            ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            await using var output = File.Create(received);
            await ctx.Request.Body.CopyToAsync(output);
            ctx.Response.StatusCode = 201;
        }), https: true, connectProxy: false, bufferBodies: false);
        double mb = megabytes;
        var results = new List<string>();
        for (int round = 0; round < 2; round++)
        {
            var (exit, err, curl) = Run("curl", ["-sS", "-k", "--fail", "--http1.1", "-T", file, "-o", "/dev/null", put.Url + "/upload"], root);
            if (exit != 0) throw new InvalidOperationException("curl failed: " + err);
            if (new FileInfo(received).Length != megabytes << 20) throw new InvalidOperationException("curl: incomplete upload");
            File.Delete(received);
            foreach (var version in new[] { "v2", "v1" })
            {
                var (aexit, aerr, gw) = Run(ascli, ["server", "upload", file, "--url=ssh://127.0.0.1:33001", "--username=u", "--to-folder=/", "--transfer=httpgw", "--insecure=yes", "--progress-bar=no",
                    "--ts=@json:{\"token\":\"Bearer ok\"}", $"--transfer-info=@json:{{\"url\":\"{gateway.Url}\",\"api_version\":\"{version}\",\"upload_chunk_size\":1048576}}"], root);
                if (aexit != 0) throw new InvalidOperationException("ascli failed: " + aerr);
                if (new FileInfo(Path.Combine(storage, "big.bin")).Length != megabytes << 20) throw new InvalidOperationException("incomplete upload");
                File.Delete(Path.Combine(storage, "big.bin"));
                results.Add(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: httpgw {version} {mb / gw.TotalSeconds:0} MB/s ({gw.TotalSeconds:0.00} s), curl {mb / curl.TotalSeconds:0} MB/s ({curl.TotalSeconds:0.00} s): {100 * curl.TotalSeconds / gw.TotalSeconds:0}% of curl"));
            }
        }
        Console.WriteLine($"{megabytes} MB over HTTPS on loopback (1 MB chunks for httpgw):");
        foreach (var r in results) Console.WriteLine("  " + r);
    }
}
