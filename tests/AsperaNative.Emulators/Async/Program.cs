// Stand-in async for tests: the async command line (--name, --local-dir, --remote-dir, --direction push|pull|bidi,
// --reset, --local-db-dir, --host, --user, --tcp-port, --private-key-path, --quiet, or --conf64=<base64 JSON of the
// async conf format>, --exclusive-mgmt-port=<port>) runs one synchronization pass between the local folder and the
// remote one (a folder of this machine: ASYNC_STANDIN_REMOTE_ROOT + remote dir), keeping the snapshot of the last
// pass in <local db dir or local dir>/.private-asp/<name>/snap.db (SQLite) as async does, so that deletions and
// conflicts are told apart from new files. With --standin-admin it is asyncadmin: the status of a session read
// from that database. ASYNC_STANDIN_LOG=file records each run (argv, ASPERA_* environment).
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Async;

var argv = args.ToList();
bool admin = argv.Remove("--standin-admin");
if (Environment.GetEnvironmentVariable("ASYNC_STANDIN_LOG") is { Length: > 0 } log)
{
    var env = new JsonObject();
    foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        if (e.Key is string k && k.StartsWith("ASPERA", StringComparison.Ordinal)) env[k] = e.Value as string;
    File.AppendAllText(log, new JsonObject { ["admin"] = admin, ["argv"] = new JsonArray([.. argv.Select(static a => (JsonNode?)a)]), ["env"] = env }.ToJsonString() + "\n");
}
try
{
    var options = SyncOptions.Parse(argv);
    if (admin) return Admin.Status(options);
    using var mgt = options.ManagementPort is { } port ? new TcpClient("127.0.0.1", port) : null;
    void Send(params (string Name, object Value)[] fields)
    {
        if (mgt is null) return;
        var sb = new StringBuilder("FASPMGR 2\n");
        foreach (var (name, value) in fields) sb.Append(name).Append(": ").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        mgt.GetStream().Write(Encoding.UTF8.GetBytes(sb.Append('\n').ToString()));
    }
    string session = Guid.NewGuid().ToString();
    Send(("Type", "INIT"), ("SessionId", session));
    Send(("Type", "SESSION"), ("SessionId", session), ("User", options.User ?? ""), ("Host", options.Host ?? "localhost"), ("Direction", options.Direction));
    try
    {
        foreach (var key in options.PrivateKeys)
            if (!File.Exists(key)) throw new SyncError(19, $"failed to read identity file {key}");
        var result = new Synchronizer(options).Run((file, bytes) =>
            Send(("Type", "STATS"), ("SessionId", session), ("File", file), ("TransferBytes", bytes), ("StartByte", 0)));
        Send(("Type", "DONE"), ("SessionId", session), ("TransferBytes", result.Bytes), ("StartByte", 0), ("FilesComplete", result.Copied), ("FilesDeleted", result.Deleted));
        if (!options.Quiet)
            Console.WriteLine($"Synchronization of {options.Name} ({options.Direction}): {result.Copied} files sent ({result.Bytes} bytes), {result.Deleted} deleted, {result.Conflicts} conflicts");
        return 0;
    }
    catch (SyncError e)
    {
        Send(("Type", "ERROR"), ("SessionId", session), ("Code", e.Code), ("Description", e.Message), ("TransferBytes", 0), ("StartByte", 0));
        Console.Error.WriteLine($"async: {e.Message}");
        return 1;
    }
}
catch (SyncError e)
{
    Console.Error.WriteLine($"async: {e.Message}");
    return 2;
}
