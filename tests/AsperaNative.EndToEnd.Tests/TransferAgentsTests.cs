using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// Each transfer agent of the published binary moves a folder of 100 files (names with spaces and non-ASCII
/// letters) and one 200 MB file up and back, byte for byte: direct (stand-in ascp), node (Node API emulator),
/// httpgw (the node simulator's gateway), trsdk (stand-in daemon running the stand-in ascp). A signal to a
/// running transfer leaves no process behind.
/// </summary>
public sealed class TransferAgentsTests : IDisposable
{
    private const long BigSize = 200L << 20;
    private readonly Ascli _ascli = new();
    private readonly string _data;

    public TransferAgentsTests() => _data = Path.Combine(_ascli.Home, "data");

    public void Dispose() => _ascli.Dispose();

    /// <summary>data/tree (100 files in sub-folders) and data/big.bin (200 MB), random contents.</summary>
    private static void DataSet(string root)
    {
        var random = new Random(2024);
        string[] names = ["plain", "with space", "été déjà", "日本語 ファイル", "Ünïcødé-ß"];
        for (int i = 0; i < 100; i++)
        {
            string folder = Path.Combine(root, "tree", i % 3 == 0 ? "" : names[i % names.Length] + " dir", i % 7 == 0 ? "deeper" : "");
            Directory.CreateDirectory(folder);
            var bytes = new byte[random.Next(0, 20_000)];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(folder, $"{names[i % names.Length]} {i:000}.bin"), bytes);
        }
        using var big = File.Create(Path.Combine(root, "big.bin"));
        var buffer = new byte[1 << 20];
        for (long written = 0; written < BigSize; written += buffer.Length)
        {
            random.NextBytes(buffer);
            big.Write(buffer);
        }
    }

    /// <summary>Relative path and content of every file below <paramref name="folder"/>.</summary>
    private static void AssertSameTree(string expected, string actual)
    {
        var e = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order(StringComparer.Ordinal).ToList();
        var a = Directory.EnumerateFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(e, a);
        Assert.Equal(100, e.Count);
        foreach (var f in e) Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), f);
    }

    private static void AssertSameFile(string expected, string actual)
    {
        Assert.Equal(new FileInfo(expected).Length, new FileInfo(actual).Length);
        using var a = File.OpenRead(expected);
        using var b = File.OpenRead(actual);
        var x = new byte[1 << 20];
        var y = new byte[1 << 20];
        int n;
        while ((n = a.Read(x)) > 0)
        {
            b.ReadExactly(y.AsSpan(0, n));
            Assert.True(x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, n)));
        }
    }

    private void Ok(Ascli.Run run) => Assert.True(run.Exit == 0, $"exit {run.Exit}\n{run.Out}\n{run.Err}");

    private Ascli.Run Exec(IEnumerable<string> args, Dictionary<string, string?>? env = null) => _ascli.Exec([.. args], env: env, timeout: TimeSpan.FromMinutes(5));

    private static readonly string[] Quiet = ["--progress-bar=no"];

    private static string Server => "--url=ssh://127.0.0.1:33001";

    [Fact]
    public void Direct_agent_moves_the_data_set_both_ways()
    {
        DataSet(_data);
        string ascp = TransferSupport.InstallStandIn(_ascli.Home);
        string[] common = [Server, "--username=u", "--password=p", "--ascp-path=" + ascp, "--transfer-info=@json:{\"spawn_timeout_sec\":30}", .. Quiet];
        string remote = Path.Combine(_ascli.Home, "remote");
        Ok(Exec(["server", "upload", Path.Combine(_data, "tree"), Path.Combine(_data, "big.bin"), "--to-folder=" + remote, .. common]));
        AssertSameTree(Path.Combine(_data, "tree"), Path.Combine(remote, "tree"));
        AssertSameFile(Path.Combine(_data, "big.bin"), Path.Combine(remote, "big.bin"));
        string back = Path.Combine(_ascli.Home, "back");
        Directory.CreateDirectory(back);
        Ok(Exec(["server", "download", Path.Combine(remote, "tree"), Path.Combine(remote, "big.bin"), "--to-folder=" + back, .. common]));
        AssertSameTree(Path.Combine(_data, "tree"), Path.Combine(back, "tree"));
        AssertSameFile(Path.Combine(_data, "big.bin"), Path.Combine(back, "big.bin"));
    }

    [Fact]
    public async Task Node_agent_moves_the_data_set_both_ways()
    {
        string docroot = Path.Combine(_ascli.Home, "node");
        DataSet(Path.Combine(docroot, "src"));
        await using var node = await NodeEmulator.StartAsync(docroot);
        node.Store.RealisticTransfers();
        string info = $"--transfer-info=@json:{new JsonObject { ["url"] = node.Url, ["username"] = NodeEmulator.AdminUser, ["password"] = NodeEmulator.AdminPassword }.ToJsonString()}";
        string[] common = [Server, "--username=xfer", "--password=unused", "--transfer=node", info, "--insecure=yes", .. Quiet];
        // the node sends its files (below its root) to the server's folder
        Ok(Exec(["server", "upload", "/src/tree", "/src/big.bin", "--to-folder=/dst", .. common]));
        AssertSameTree(Path.Combine(docroot, "src", "tree"), Path.Combine(docroot, "dst", "tree"));
        AssertSameFile(Path.Combine(docroot, "src", "big.bin"), Path.Combine(docroot, "dst", "big.bin"));
        // and receives from the server into its root
        Ok(Exec(["server", "download", Path.Combine(docroot, "dst", "tree"), Path.Combine(docroot, "dst", "big.bin"), "--to-folder=/back", .. common]));
        AssertSameTree(Path.Combine(docroot, "src", "tree"), Path.Combine(docroot, "back", "tree"));
        AssertSameFile(Path.Combine(docroot, "src", "big.bin"), Path.Combine(docroot, "back", "big.bin"));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The node simulator of the binary, serving <paramref name="storage"/>, until disposed.</summary>
    private sealed class Simulator : IDisposable
    {
        public Process Process { get; }
        public string Url { get; }

        public Simulator(Ascli ascli, string storage)
        {
            Url = $"http://127.0.0.1:{FreePort()}";
            var parameters = new JsonObject { ["url"] = Url, ["username"] = "admin", ["password"] = "s3cret", ["browse_root"] = storage };
            Process = ascli.Start(["node", "simulator", "@json:" + parameters.ToJsonString()]);
            string url = Url;
            Assert.True(TransferSupport.WaitFor(() => Answers(url), TimeSpan.FromSeconds(30)), "simulator did not start");
        }

        private static bool Answers(string url)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, new Uri(url).Port);
                return true;
            }
            catch (SocketException) { return false; }
        }

        public void Dispose()
        {
            TransferSupport.Signal(Process.Id, "INT");
            if (!Process.WaitForExit(10_000)) Process.Kill();
            Process.Dispose();
        }
    }

    private static string[] Httpgw(Simulator s) =>
        ["--url=" + s.Url, "--username=admin", "--password=s3cret", "--transfer=httpgw", $"--transfer-info=@json:{{\"url\":\"{s.Url}\"}}", .. Quiet];

    [Fact]
    public void Httpgw_agent_moves_the_data_set_both_ways_through_the_simulator()
    {
        DataSet(_data);
        string storage = Path.Combine(_ascli.Home, "storage");
        Directory.CreateDirectory(storage);
        using var simulator = new Simulator(_ascli, storage);
        Ok(Exec(["node", "upload", Path.Combine(_data, "tree"), Path.Combine(_data, "big.bin"), "--to-folder=/in", .. Httpgw(simulator)]));
        AssertSameTree(Path.Combine(_data, "tree"), Path.Combine(storage, "in", "tree"));
        AssertSameFile(Path.Combine(_data, "big.bin"), Path.Combine(storage, "in", "big.bin"));
        string back = Path.Combine(_ascli.Home, "back");
        Ok(Exec(["node", "download", "/in/big.bin", "--to-folder=" + back, .. Httpgw(simulator)]));
        AssertSameFile(Path.Combine(_data, "big.bin"), Path.Combine(back, "big.bin"));
        // a folder comes back as one zip (as from an HTTP Gateway)
        Ok(Exec(["node", "download", "/in/tree", "--to-folder=" + back, .. Httpgw(simulator)]));
        string unzipped = Path.Combine(_ascli.Home, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(back, "tree.zip"), unzipped);
        AssertSameTree(Path.Combine(_data, "tree"), Path.Combine(unzipped, "tree"));
    }

    /// <summary>An SDK folder as <c>config ascp install</c> leaves it: the stand-ins of ascp and of asperatransferd.</summary>
    private string Sdk()
    {
        string sdk = Path.Combine(_ascli.Home, "sdk");
        string ascp = TransferSupport.InstallStandIn(sdk);
        string daemon = TransferSupport.InstallDaemon(sdk);
        // the SDK layout is flat
        File.Move(ascp, Path.Combine(sdk, "ascp"));
        File.Move(daemon, Path.Combine(sdk, "asperatransferd"));
        return sdk;
    }

    [Fact]
    public void Trsdk_agent_moves_the_data_set_both_ways_through_the_daemon()
    {
        DataSet(_data);
        string sdk = Sdk();
        string[] common = [Server, "--username=u", "--password=p", "--sdk-folder=" + sdk, "--transfer=trsdk", .. Quiet];
        string remote = Path.Combine(_ascli.Home, "remote");
        Ok(Exec(["server", "upload", Path.Combine(_data, "tree"), Path.Combine(_data, "big.bin"), "--to-folder=" + remote, .. common]));
        AssertSameTree(Path.Combine(_data, "tree"), Path.Combine(remote, "tree"));
        AssertSameFile(Path.Combine(_data, "big.bin"), Path.Combine(remote, "big.bin"));
        string back = Path.Combine(_ascli.Home, "back");
        Directory.CreateDirectory(back);
        Ok(Exec(["server", "download", Path.Combine(remote, "tree"), Path.Combine(remote, "big.bin"), "--to-folder=" + back, .. common]));
        AssertSameTree(Path.Combine(_data, "tree"), Path.Combine(back, "tree"));
        AssertSameFile(Path.Combine(_data, "big.bin"), Path.Combine(back, "big.bin"));
        Assert.True(TransferSupport.WaitFor(() => TransferSupport.ProcessesOfHome(_ascli.Home).Count == 0, TimeSpan.FromSeconds(10)), "the daemon was not stopped");
    }

    [Theory]
    [InlineData("trsdk", "INT")]
    [InlineData("trsdk", "TERM")]
    [InlineData("httpgw", "INT")]
    [InlineData("httpgw", "TERM")]
    public async Task A_signal_during_a_transfer_leaves_no_process_behind(string agent, string signal)
    {
        File.WriteAllText(Path.Combine(_ascli.Home, "a.txt"), "first");
        using (var big = File.Create(Path.Combine(_ascli.Home, "big.bin"))) big.SetLength(BigSize);
        var env = new Dictionary<string, string?> { ["ASCP_STANDIN_LOG"] = Path.Combine(_ascli.Home, "ascp.log"), ["ASCP_STANDIN_STALL"] = "120" };
        Simulator? simulator = null;
        string[] args;
        string sdk = Sdk();
        if (agent == "trsdk")
        {
            args = ["server", "upload", "a.txt", "big.bin", "--to-folder=" + Path.Combine(_ascli.Home, "remote"), Server, "--username=u", "--password=p", "--sdk-folder=" + sdk, "--transfer=trsdk", .. Quiet];
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(_ascli.Home, "storage"));
            simulator = new Simulator(_ascli, Path.Combine(_ascli.Home, "storage"));
            // a slow gateway: small synchronous chunks
            args = ["node", "upload", "big.bin", "--to-folder=/", "--url=" + simulator.Url, "--username=admin", "--password=s3cret", "--transfer=httpgw",
                $"--transfer-info=@json:{{\"url\":\"{simulator.Url}\",\"upload_chunk_size\":1000,\"synchronous\":true}}", .. Quiet];
        }
        try
        {
            using var process = _ascli.Start(args, env);
            var stderr = process.StandardError.ReadToEndAsync();
            if (agent == "trsdk") Assert.True(TransferSupport.WaitFor(() => File.Exists(Path.Combine(_ascli.Home, "remote", "a.txt")), TimeSpan.FromSeconds(60)), "transfer did not start");
            else Assert.True(TransferSupport.WaitFor(() => File.Exists(Path.Combine(_ascli.Home, "storage", "big.bin.partial")), TimeSpan.FromSeconds(60)), "transfer did not start");
            TransferSupport.Signal(process.Id, signal);
            Assert.True(process.WaitForExit(20_000), "ascli did not stop");
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("ERROR: Transfer: transfer interrupted by user", await stderr);
            int[] keep = simulator is null ? [] : [simulator.Process.Id];
            Assert.True(TransferSupport.WaitFor(() => TransferSupport.ProcessesOfHome(_ascli.Home, keep).Count == 0, TimeSpan.FromSeconds(10)),
                "left behind: " + string.Join(", ", TransferSupport.ProcessesOfHome(_ascli.Home, keep)));
        }
        finally
        {
            simulator?.Dispose();
        }
    }
}
