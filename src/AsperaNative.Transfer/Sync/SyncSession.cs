using AsperaNative.Core.Values;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Sync;

/// <summary>
/// The plugin's part of a sync: the transfer spec authorizing <paramref name="direction"/> (push, pull, bidi) between
/// the local and remote folders, from which host, user, port, token, cookie, tags… are taken.
/// </summary>
public delegate Task<JsonObject> SyncSpecProvider(string direction, string localDir, string remoteDir);

/// <summary>
/// <c>sync start</c> and <c>sync admin status</c> of server, node, aoc files and shares files (manual "IBM Aspera
/// Sync"): <c>--sync-info</c> in async's <c>--conf</c> format (<c>local</c>, <c>remote</c>… one session, run with a
/// management port) or in ascli's JSON form of async options (<c>instance</c>, <c>sessions</c>, run as a command line
/// with its own output); 0 or 3 arguments (direction, then the local and remote folders, or remote and local for a
/// pull as the manual writes them) complete it. The session is enriched with the application's transfer spec.
/// <c>admin status</c> asks <c>asyncadmin</c>, which reads the session's local snapshot database.
/// </summary>
public sealed class SyncSession(AscpInstallation installation, TransferLog log)
{
    public static readonly string[] Directions = ["push", "pull", "bidi"];
    private static readonly string[] ArgumentNames = ["direction", "remote.path", "local.path"];

    /// <summary>
    /// ascli's <c>sync_args_to_params</c>: the 3 optional arguments (direction, remote folder, local folder, read
    /// until the first missing one) into <paramref name="info"/>, which must not set them too; a missing session
    /// name is made from them.
    /// </summary>
    public static void ApplyArguments(JsonObject info, string? direction, string? remote, string? local)
    {
        var values = new List<string>();
        foreach (var value in new[] { direction, remote, local })
        {
            if (value is null) break;
            values.Add(value);
        }
        if (values.Count is not (0 or 3)) throw CliException.BadArgument($"Provide 0 or 3 arguments, not {values.Count} for: {string.Join(", ", ArgumentNames)}");
        if (values.Count == 0) return;
        JsonObject session = info;
        bool cmdline = info.ContainsKey("sessions") || info.ContainsKey("instance");
        if (cmdline)
        {
            var sessions = info["sessions"] as JsonArray ?? (JsonArray)(info["sessions"] = new JsonArray(new JsonObject()));
            if (sessions.Count != 1) throw CliException.Assertion("Only one session is supported with arguments");
            session = sessions[0] as JsonObject ?? throw CliException.Assertion("session: expecting Hash");
        }
        string[] keys = cmdline ? ["direction", "remote_dir", "local_dir"] : ["direction", "remote.path", "local.path"];
        for (int i = 0; i < 3; i++)
        {
            var target = session;
            string key = keys[i];
            if (key.Contains('.'))
            {
                var parts = key.Split('.');
                target = info[parts[0]] as JsonObject ?? (JsonObject)(info[parts[0]] = new JsonObject());
                key = parts[1];
            }
            if (target.ContainsKey(key)) throw CliException.Runtime($"Parameter {ArgumentNames[i]} is also set in sync_info, remove from sync_info");
            target[key] = values[i];
        }
        if (!session.ContainsKey("name"))
            session["name"] = string.Join('_', values.Select(static v => Regex.Replace(v, "[^a-zA-Z0-9]", "")).Where(static v => v.Length > 0));
    }

    /// <summary>Transfer spec parameters and where they go in the conf format.</summary>
    private static readonly (string Spec, string Conf)[] SpecToConf =
    [
        ("remote_host", "remote.host"), ("remote_user", "remote.user"), ("remote_password", "remote.pass"), ("sshfp", "remote.fingerprint"),
        ("ssh_port", "remote.port"), ("wss_port", "remote.ws_port"), ("proxy", "remote.proxy"), ("token", "remote.token"), ("tags", "tags"),
    ];

    /// <summary>Starts the sync and waits for its end (async runs one pass unless the info says otherwise).</summary>
    public async Task StartAsync(JsonObject info, SyncSpecProvider? specs, ITransferListener listener, CancellationToken cancel)
    {
        if (info.ContainsKey("local"))
        {
            await StartConfAsync(info, specs, listener, cancel);
            return;
        }
        if (info.ContainsKey("sessions"))
        {
            if (info.Select(static p => p.Key).Any(static k => k is not ("sessions" or "instance")))
                throw CliException.Other("StandardError", "Only 'sessions', and optionally 'instance' keys are allowed");
            if (info["sessions"] is not JsonArray sessions || sessions.Count == 0 || sessions[0] is not JsonObject)
                throw CliException.Assertion("sessions: expecting Array of Hash");
            if (specs is not null)
                foreach (var session in sessions.OfType<JsonObject>())
                    await EnrichSessionAsync(session, specs);
            var (args, env) = AsyncCommandLine.Build(info, log);
            await RunAsyncCommandAsync(args, env, cancel);
            return;
        }
        throw CliException.Runtime("At least one of `local` or `sessions` must be present in async parameters");
    }

    private async Task EnrichSessionAsync(JsonObject session, SyncSpecProvider specs)
    {
        string local = session["local_dir"] is JsonValue l && JsonScalar.TryGetText(l, out string? ls) ? ls : throw CliException.Assertion("local_dir: expecting String");
        string remote = session["remote_dir"] is JsonValue r && JsonScalar.TryGetText(r, out string? rs) ? rs : throw CliException.Assertion("remote_dir: expecting String");
        var spec = await specs(RubyToS.Of(session["direction"] ?? "push"), local, remote);
        foreach (var p in AsyncCommandLine.Session)
            if (p.FromSpec is { } key && spec.TryGetPropertyValue(key, out var value) && value is not null && !session.ContainsKey(p.Name))
                session[p.Name] = value.DeepClone();
        if (spec.ContainsKey("token")) session["private_key_paths"] = new JsonArray(installation.BypassKeyPath("rsa"));
        UpdateRemoteDir(session, "remote_dir", spec);
    }

    /// <summary>Gen4 (AoC) syncs address the root of the token; Shares the folder of its path.</summary>
    private static void UpdateRemoteDir(JsonObject target, string key, JsonObject spec)
    {
        if (spec["tags"]?["aspera"]?["node"]?["file_id"] is not null) target[key] = "/";
        else if (spec["cookie"] is JsonValue c && RubyToS.Of(c).StartsWith("aspera.shares2", StringComparison.Ordinal)
            && spec["paths"]?[0]?["source"] is JsonValue source)
            target[key] = RubyToS.Of(source);
    }

    private async Task StartConfAsync(JsonObject info, SyncSpecProvider? specs, ITransferListener listener, CancellationToken cancel)
    {
        if (info["local"] is not JsonObject local) throw CliException.Assertion($"local: expecting Hash, but have {RubyValues.ClassName(info["local"])}");
        if (info["remote"] is not JsonObject remote) throw CliException.Assertion($"remote: expecting Hash, but have {RubyValues.ClassName(info["remote"])}");
        if (remote["path"] is not JsonValue path || !JsonScalar.TryGetText(path, out string? remotePath)) throw CliException.Assertion("remote path: expecting String");
        JsonObject? spec = null;
        if (specs is not null)
        {
            spec = await specs(RubyToS.Of(info["direction"] ?? "push"), RubyToS.Of(local["path"]), remotePath);
            foreach (var (from, to) in SpecToConf)
            {
                if (!spec.TryGetPropertyValue(from, out var value) || value is null) continue;
                var parts = to.Split('.');
                var target = parts.Length == 1 ? info : info[parts[0]] as JsonObject ?? (JsonObject)(info[parts[0]] = new JsonObject());
                target[parts[^1]] = value.DeepClone();
            }
            UpdateRemoteDir(remote, "path", spec);
        }
        remote["connect_mode"] ??= RubyValues.IsTrue(spec?["wss_enabled"]) ? "ws" : "ssh";
        var keys = new List<string>();
        if (RubyToS.Of(remote["connect_mode"]) == "ws")
        {
            remote.Remove("port");
            remote.Remove("fingerprint");
        }
        else
        {
            remote.Remove("ws_port");
            if (remote.ContainsKey("token") && !remote.ContainsKey("pass")) keys.Add(installation.BypassKeyPath("rsa"));
        }
        if (keys.Count > 0)
        {
            var list = remote["private_key_paths"] as JsonArray ?? (JsonArray)(remote["private_key_paths"] = new JsonArray());
            foreach (var k in keys) list.Add((JsonNode)JsonValue.Create(k));
        }
        string conf = Convert.ToBase64String(Encoding.UTF8.GetBytes(info.ToJsonString()));
        var command = new AscpCommand { Arguments = [$"--conf64={conf}"] };
        // async reports on a management port as ascp does: the same supervision
        var process = new AscpProcess(AsyncPath(), command, DirectOptions.From(null), listener, log) { ManagementArgument = static port => [$"--exclusive-mgmt-port={port}"] };
        await process.RunAsync(cancel);
    }

    /// <summary>The async of the SDK: beside ascp.</summary>
    public string AsyncPath()
    {
        string ascp = installation.AscpPath();
        string path = Path.Combine(Path.GetDirectoryName(ascp) ?? "", Path.GetFileName(ascp).Replace("ascp", "async", StringComparison.Ordinal));
        if (!File.Exists(path)) throw CliException.Other("Errno::ENOENT", $"No such file or directory - async not found ({path})");
        return path;
    }

    /// <summary>asyncadmin: beside async when the SDK has it, else on the PATH (as ascli runs it).</summary>
    public string AsyncAdminPath()
    {
        string local = Path.Combine(Path.GetDirectoryName(installation.AscpPath()) ?? "", "asyncadmin");
        if (File.Exists(local)) return local;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "asyncadmin"))) return Path.Combine(dir, "asyncadmin");
        throw CliException.Other("Errno::ENOENT", "No such file or directory - asyncadmin");
    }

    /// <summary>async's JSON command line form: its own output on the terminal, a failure is its exit code.</summary>
    private async Task RunAsyncCommandAsync(List<string> args, Dictionary<string, string> env, CancellationToken cancel)
    {
        string exe = AsyncPath();
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        log.Debug($"execute: {string.Join(' ', env.Keys.Select(static k => k + "=***"))} {exe} {string.Join(' ', args)}");
        using var process = Process.Start(psi) ?? throw CliException.Runtime($"cannot start {exe}");
        try { await process.WaitForExitAsync(cancel); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TransferException("transfer interrupted by user");
        }
        if (process.ExitCode != 0) throw CliException.Runtime($"{exe} failed ({process.ExitCode})");
    }

    /// <summary>
    /// <c>sync admin status [name]</c>: the arguments of asyncadmin for the session (name, then its local database
    /// folder or local folder), its answer parsed as ascli does.
    /// </summary>
    public JsonObject AdminStatus(JsonObject info, string? sessionName)
    {
        var arguments = new List<string> { "--quiet" };
        if (info.ContainsKey("local"))
        {
            if (info["name"] is null) throw CliException.Assertion("Missing session name");
            if (sessionName is not null && sessionName != RubyToS.Of(info["name"])) throw CliException.Assertion("Session not found");
            arguments.Add($"--name={RubyToS.Of(info["name"])}");
            if (info["local_db_dir"] is { } db) arguments.Add($"--local-db-dir={RubyToS.Of(db)}");
            else if (info["local"]?["path"] is { } p) arguments.Add($"--local-dir={RubyToS.Of(p)}");
            else throw CliException.Runtime("Missing either local_db_dir or local.path");
        }
        else if (info["sessions"] is JsonArray sessions)
        {
            var session = (sessionName is null ? sessions.FirstOrDefault() : sessions.FirstOrDefault(s => RubyToS.Of(s?["name"]) == sessionName)) as JsonObject
                ?? throw CliException.Runtime($"Session {sessionName} not found in {string.Join(',', sessions.Select(static s => RubyToS.Of(s?["name"])))}");
            if (session["name"] is null) throw CliException.Runtime("Missing session name");
            arguments.Add($"--name={RubyToS.Of(session["name"])}");
            if (session["local_db_dir"] is { } db) arguments.Add($"--local-db-dir={RubyToS.Of(db)}");
            else if (session["local_dir"] is { } d) arguments.Add($"--local-dir={RubyToS.Of(d)}");
            else throw CliException.Runtime("Missing either local_db_dir or local_dir");
        }
        else
        {
            throw CliException.Runtime("At least one of `local` or `sessions` must be present in async parameters");
        }
        string exe = AsyncAdminPath();
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw CliException.Runtime($"cannot start {exe}");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw CliException.Runtime($"{exe} failed ({process.ExitCode}): {error.Result.Trim()}");
        return ParseStatus(output);
    }

    /// <summary>asyncadmin's <c>Key: value</c> lines; a key without value starts a list of the lines that follow it.</summary>
    public static JsonObject ParseStatus(string output)
    {
        var result = new JsonObject();
        JsonArray? list = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0) continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                list?.Add((JsonNode)JsonValue.Create(line.TrimStart()));
                continue;
            }
            string key = line[..colon], value = line[(colon + 1)..].TrimStart();
            if (value.Length == 0) result[key] = list = [];
            else result[key] = value;
        }
        return result;
    }
}
