using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AsperaNative.NodeApi.Agent;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Node;

/// <summary>
/// <c>ascli node simulator</c> run as its own process (the JIT build beside the tests) on a loopback port, with
/// the stand-in ascp: <c>node info</c>, <c>node browse</c>, a node agent transfer, the transfer list, then Ctrl-C.
/// </summary>
public sealed class NodeSimulatorTests : IDisposable
{
    private const string User = "sim_user";
    private const string Password = "sim_pass";
    private readonly CliHome _home = new();
    private readonly string _work = Directory.CreateTempSubdirectory("aspn-sim-").FullName;
    private Process? _simulator;

    [Fact]
    public async Task Simulator_answers_node_commands_and_runs_transfers_with_ascp()
    {
        int port = FreePort();
        string url = $"http://127.0.0.1:{port}";
        _simulator = StartSimulator($"@json:{{\"url\":\"{url}\",\"username\":\"{User}\",\"password\":\"{Password}\"}}");
        await WaitReady(url);

        string[] node = ["node", $"--url={url}", $"--username={User}", $"--password={Password}"];
        var info = _home.Run([.. node, "info", "--format=json"]);
        Assert.True(info.Exit == 0, info.Err);
        Assert.Contains("\"version\":\"4.4.5.1234\"", info.Out.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, _home.Run("node", $"--url={url}", $"--username={User}", "--password=wrong", "info").Exit);

        string source = Path.Combine(_work, "from", "sim_file.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.WriteAllText(source, "simulated");
        string destination = Path.Combine(_work, "to");
        string transferInfo = $"--transfer-info=@json:{{\"url\":\"{url}\",\"username\":\"{User}\",\"password\":\"{Password}\"}}";
        var upload = _home.Run("server", "upload", source, "--url=ssh://127.0.0.1:33001", "--username=xfer", "--password=unused",
            $"--to-folder={destination}", "--transfer=node", transferInfo, "--progress-bar=no");
        Assert.True(upload.Exit == 0, upload.Err);
        Assert.Equal("simulated", File.ReadAllText(Path.Combine(destination, "sim_file.txt")));

        var list = _home.Run([.. node, "transfer", "list", "--format=json"]);
        Assert.True(list.Exit == 0, list.Err);
        Assert.Contains("completed", list.Out, StringComparison.Ordinal);
        var browse = _home.Run([.. node, "browse", "/to", "--format=json"]);
        Assert.True(browse.Exit == 0, browse.Err);
        Assert.Contains("/to/sim_file.txt", browse.Out, StringComparison.Ordinal);

        // Ctrl-C ends the server with ascli's status
        using (var kill = Process.Start("kill", ["-INT", _simulator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _simulator.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, _simulator.ExitCode);
        Assert.Contains("Simulator terminated", await _simulator.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A launcher for the stand-in ascp: its apphost when copied, else its dll with a runtime configuration.</summary>
    private string StandInAscp()
    {
        string dir = AppContext.BaseDirectory;
        string dll = Path.Combine(dir, "ascp.dll");
        Assert.True(File.Exists(dll), "stand-in ascp not beside the tests");
        string command = File.Exists(Path.Combine(dir, "ascp")) ? $"exec \"{Path.Combine(dir, "ascp")}\" \"$@\""
            : File.Exists(Path.Combine(dir, "ascp.runtimeconfig.json")) ? $"exec dotnet \"{dll}\" \"$@\""
            : $"exec dotnet exec --runtimeconfig \"{Path.Combine(dir, "ascli.runtimeconfig.json")}\" \"{dll}\" \"$@\"";
        string bin = Path.Combine(_work, "bin");
        Directory.CreateDirectory(bin);
        string path = Path.Combine(bin, "ascp");
        File.WriteAllText(path, "#!/bin/sh\n" + command + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private Process StartSimulator(string parameters)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ascli.dll"), "node", "simulator", parameters, $"--ascp-path={StandInAscp()}" })
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = _home.Home;
        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitReady(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_simulator!.HasExited, "simulator exited");
            try
            {
                if ((await http.GetAsync(url + "/info")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        Assert.Fail("simulator not ready");
    }

    public void Dispose()
    {
        if (_simulator is { HasExited: false }) _simulator.Kill(entireProcessTree: true);
        _simulator?.Dispose();
        _home.Dispose();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
