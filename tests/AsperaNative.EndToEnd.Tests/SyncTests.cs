using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// <c>sync start</c> and <c>sync admin status</c> of the published binary with the stand-in async (which syncs
/// two folders of this machine for real and keeps its SQLite snapshot as async does): push, pull and bidi
/// converge, through the server plugin (its SSH transfer spec) and the node plugin (<c>files/sync_setup</c>).
/// </summary>
public sealed class SyncTests : IDisposable
{
    private readonly Ascli _ascli = new();
    private readonly string _ascp;
    private readonly string _remoteRoot;
    private readonly Dictionary<string, string?> _env;

    public SyncTests()
    {
        _ascp = TransferSupport.InstallStandIn(_ascli.Home);
        TransferSupport.InstallAsync(_ascli.Home);
        _remoteRoot = Path.Combine(_ascli.Home, "remote");
        Directory.CreateDirectory(_remoteRoot);
        _env = new() { ["ASYNC_STANDIN_REMOTE_ROOT"] = _remoteRoot, ["ASYNC_STANDIN_LOG"] = Path.Combine(_ascli.Home, "async.log") };
    }

    public void Dispose() => _ascli.Dispose();

    private string[] Server => ["--url=ssh://127.0.0.1:33001", "--username=xfer", "--password=secret", $"--ascp-path={_ascp}"];

    private Ascli.Run Exec(params string[] args) => _ascli.Exec(args, env: _env, timeout: TimeSpan.FromMinutes(2));

    private static void Ok(Ascli.Run run) => Assert.True(run.Exit == 0, $"exit {run.Exit}\n{run.Out}\n{run.Err}");

    private static SortedDictionary<string, string> Tree(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return result;
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(root, f);
            if (!rel.StartsWith(".private-asp", StringComparison.Ordinal)) result[rel] = File.ReadAllText(f);
        }
        return result;
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Server_push_pull_and_bidi_converge_and_admin_status_reads_the_snapshot()
    {
        string local = Path.Combine(_ascli.Home, "local");
        string remote = Path.Combine(_remoteRoot, "project");
        Write(Path.Combine(local, "a.txt"), "alpha");
        Write(Path.Combine(local, "sub dir", "é b.txt"), "beta");

        // push: the remote folder becomes the local one
        var push = Exec(["server", "sync", "start", "push", "/project", local, .. Server]);
        Ok(push);
        Assert.Equal("complete\n", push.Out);
        Assert.Equal(Tree(local), Tree(remote));

        // what async was given: the server's spec in the conf format, one session named from the arguments
        var run = TransferSupport.Lines(Path.Combine(_ascli.Home, "async.log")).Last();
        string conf64 = run["argv"]!.AsArray().Select(static a => a!.ToString()).Single(static a => a.StartsWith("--conf64=", StringComparison.Ordinal));
        var conf = JsonNode.Parse(Convert.FromBase64String(conf64["--conf64=".Length..]))!;
        Assert.Equal("127.0.0.1", conf["remote"]!["host"]!.ToString());
        Assert.Equal("xfer", conf["remote"]!["user"]!.ToString());
        Assert.Equal("/project", conf["remote"]!["path"]!.ToString());
        Assert.Equal("push", conf["direction"]!.ToString());
        string name = conf["name"]!.ToString();
        Assert.Equal("push_project_" + new string([.. local.Where(char.IsAsciiLetterOrDigit)]), name);

        // pull: a file added remotely comes down
        Write(Path.Combine(remote, "from remote.txt"), "gamma");
        Ok(Exec(["server", "sync", "start", "pull", "/project", local, "--sync-info=@json:{\"name\":\"" + name + "\"}", .. Server]));
        Assert.Equal("gamma", File.ReadAllText(Path.Combine(local, "from remote.txt")));

        // bidi: a change on each side and a local deletion meet in the middle
        Write(Path.Combine(local, "new local.txt"), "delta");
        Write(Path.Combine(remote, "new remote.txt"), "epsilon");
        File.Delete(Path.Combine(local, "a.txt"));
        Ok(Exec(["server", "sync", "start", "bidi", "/project", local, "--sync-info=@json:{\"name\":\"" + name + "\"}", .. Server]));
        Assert.Equal(Tree(local), Tree(remote));
        Assert.False(File.Exists(Path.Combine(remote, "a.txt")));
        Assert.True(File.Exists(Path.Combine(local, "new remote.txt")));

        // the session's state, from its local snapshot database
        var status = Exec(["server", "sync", "admin", "status", "--format=json",
            "--sync-info=@json:" + new JsonObject { ["name"] = name, ["local"] = new JsonObject { ["path"] = local } }.ToJsonString(), .. Server]);
        Ok(status);
        var state = JsonNode.Parse(status.Out)!;
        Assert.Equal("4", state["Files in snapshot"]!.ToString());
    }

    [Fact]
    public void Arguments_are_zero_or_three_and_admin_status_needs_sync_info()
    {
        var one = Exec(["server", "sync", "start", "push", .. Server]);
        Assert.Equal(1, one.Exit);
        Assert.Equal("ERROR: Argument: Provide 0 or 3 arguments, not 1 for: direction, remote.path, local.path", one.FirstError);
        var wrong = Exec(["server", "sync", "start", "sideways", "/r", "l", .. Server]);
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("sideways", wrong.FirstError);
        var twice = Exec(["server", "sync", "start", "push", "/r", "l", "--sync-info=@json:{\"local\":{\"path\":\"x\"}}", .. Server]);
        Assert.Equal("ERROR: Other(RuntimeError): Parameter local.path is also set in sync_info, remove from sync_info", twice.FirstError);
        var status = Exec(["server", "sync", "admin", "status", .. Server]);
        Assert.Equal("ERROR: Argument: Missing mandatory option: sync_info", status.FirstError);
    }

    [Fact]
    public async Task Node_sync_in_the_sessions_form_runs_the_async_command_line_with_the_node_authorization()
    {
        string docroot = Path.Combine(_ascli.Home, "docroot");
        Directory.CreateDirectory(docroot);
        await using var node = await NodeEmulator.StartAsync(docroot);
        string local = Path.Combine(_ascli.Home, "mine");
        Write(Path.Combine(local, "one.txt"), "1");
        Write(Path.Combine(local, "two", "deux.txt"), "2");
        // the SSH bypass key of token transfers, as the SDK installs it
        Write(Path.Combine(_ascli.Home, ".aspera", "sdk", "aspera_bypass_rsa.pem"), "key");
        var info = new JsonObject { ["sessions"] = new JsonArray(new JsonObject { ["name"] = "nodesync" }) };
        Ok(Exec(["node", "sync", "start", "push", "/shared", local, "--sync-info=@json:" + info.ToJsonString(),
            $"--url={node.Url}", $"--username={NodeEmulator.AdminUser}", $"--password={NodeEmulator.AdminPassword}", "--insecure=yes", $"--ascp-path={_ascp}"]));
        Assert.Equal(Tree(local), Tree(Path.Combine(_remoteRoot, "shared")));
        // the command line form: session options from the node's transfer spec, token with the bypass key
        var argv = TransferSupport.Lines(Path.Combine(_ascli.Home, "async.log")).Last()["argv"]!.AsArray().Select(static a => a!.ToString()).ToList();
        string Value(string option) => argv[argv.IndexOf(option) + 1];
        Assert.Equal("nodesync", Value("--name"));
        Assert.Equal("push", Value("--direction"));
        Assert.Equal("/shared", Value("--remote-dir"));
        Assert.Equal(local, Value("--local-dir"));
        Assert.Equal("127.0.0.1", Value("--host"));
        Assert.EndsWith("aspera_bypass_rsa.pem", Value("--private-key-path"));
        Assert.Contains(node.Requests, static r => r.Contains("/files/sync_setup", StringComparison.Ordinal));
    }
}
