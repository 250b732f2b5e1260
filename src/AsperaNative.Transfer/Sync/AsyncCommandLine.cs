using AsperaNative.Core.Values;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Sync;

/// <summary>How one <c>--sync-info</c> parameter becomes part of the async command line.</summary>
internal enum AsyncArgKind { WithValue, Flag, Environment }

/// <summary>
/// One parameter of the async command line (async manual): its kind, switch (<c>--name</c> by default) or environment
/// variable, accepted JSON type, and the transfer spec parameter it is taken from when the application gives one.
/// </summary>
internal sealed record AsyncParameter(string Name, AsyncArgKind Kind, string Type = "string", string? Switch = null, string? FromSpec = null, Func<JsonNode, JsonNode>? Convert = null)
{
    public string CommandSwitch => Switch ?? "--" + Name.Replace('_', '-');
}

/// <summary>
/// The async command line of ascli's JSON form of async options (manual "IBM Aspera Sync", "async options mapping"):
/// <c>instance</c> (alt_logdir, watchd, apply_local_docroot, quiet, ws_connect) then each of <c>sessions</c> (name,
/// local_dir, remote_dir, direction, host, user, reset…), in table order; secrets go to environment variables
/// (ASPERA_SCP_PASS, ASPERA_SCP_COOKIE, ASPERA_SCP_TOKEN, ASPERA_SCP_LICENSE).
/// </summary>
public static class AsyncCommandLine
{
    internal static readonly AsyncParameter[] Instance =
    [
        new("alt_logdir", AsyncArgKind.WithValue),
        new("watchd", AsyncArgKind.WithValue),
        new("apply_local_docroot", AsyncArgKind.Flag, "bool"),
        new("quiet", AsyncArgKind.Flag, "bool"),
        new("ws_connect", AsyncArgKind.Flag, "bool"),
    ];

    internal static readonly AsyncParameter[] Session =
    [
        new("name", AsyncArgKind.WithValue),
        new("local_dir", AsyncArgKind.WithValue),
        new("remote_dir", AsyncArgKind.WithValue),
        new("local_db_dir", AsyncArgKind.WithValue),
        new("remote_db_dir", AsyncArgKind.WithValue),
        new("host", AsyncArgKind.WithValue, FromSpec: "remote_host"),
        new("user", AsyncArgKind.WithValue, FromSpec: "remote_user"),
        new("private_key_paths", AsyncArgKind.WithValue, "array", Switch: "--private-key-path"),
        new("direction", AsyncArgKind.WithValue),
        new("checksum", AsyncArgKind.WithValue),
        new("tags", AsyncArgKind.WithValue, "hash", Switch: "--tags64", FromSpec: "tags",
            Convert: static v => JsonValue.Create(System.Convert.ToBase64String(Encoding.UTF8.GetBytes(v.ToJsonString())))),
        new("tcp_port", AsyncArgKind.WithValue, "int", FromSpec: "ssh_port"),
        new("rate_policy", AsyncArgKind.WithValue),
        new("target_rate", AsyncArgKind.WithValue),
        new("cooloff", AsyncArgKind.WithValue, "int"),
        new("pending_max", AsyncArgKind.WithValue, "int"),
        new("scan_intensity", AsyncArgKind.WithValue),
        new("cipher", AsyncArgKind.WithValue, FromSpec: "cipher", Convert: static v => JsonValue.Create(RubyToS.Of(v).Replace("-", ""))),
        new("transfer_threads", AsyncArgKind.WithValue, "int"),
        new("preserve_time", AsyncArgKind.Flag, "bool", FromSpec: "preserve_times"),
        new("preserve_access_time", AsyncArgKind.Flag, "bool"),
        new("preserve_modification_time", AsyncArgKind.Flag, "bool"),
        new("preserve_uid", AsyncArgKind.Flag, "bool", FromSpec: "preserve_file_owner_uid"),
        new("preserve_gid", AsyncArgKind.Flag, "bool", FromSpec: "preserve_file_owner_gid"),
        new("create_dir", AsyncArgKind.Flag, "bool", FromSpec: "create_dir"),
        new("reset", AsyncArgKind.Flag, "bool"),
        new("remote_password", AsyncArgKind.Environment, Switch: "ASPERA_SCP_PASS", FromSpec: "remote_password"),
        new("cookie", AsyncArgKind.Environment, Switch: "ASPERA_SCP_COOKIE", FromSpec: "cookie"),
        new("token", AsyncArgKind.Environment, Switch: "ASPERA_SCP_TOKEN", FromSpec: "token"),
        new("license", AsyncArgKind.Environment, Switch: "ASPERA_SCP_LICENSE"),
    ];

    /// <summary>Adds the parameters of <paramref name="values"/> per <paramref name="table"/>; unknown keys are warned about, as ascli does.</summary>
    internal static void Add(JsonObject values, AsyncParameter[] table, List<string> args, Dictionary<string, string> env, TransferLog log)
    {
        foreach (var p in table)
        {
            if (!values.TryGetPropertyValue(p.Name, out var value) || value is null) continue;
            if (!HasType(value, p.Type))
                throw new TransferException($"{p.Name} is : {RubyValues.ClassName(value)} ({RubyToS.Of(value)}), shall be [:{p.Type}], ");
            if (p.Convert is not null) value = p.Convert(value);
            switch (p.Kind)
            {
                case AsyncArgKind.Environment:
                    env[p.CommandSwitch] = RubyToS.Of(value);
                    break;
                case AsyncArgKind.Flag:
                    if (RubyValues.IsTrue(value)) args.Add(p.CommandSwitch);
                    break;
                case AsyncArgKind.WithValue:
                    foreach (var v in value is JsonArray many ? many : new JsonArray(value.DeepClone()))
                    {
                        args.Add(p.CommandSwitch);
                        args.Add(RubyToS.Of(v));
                    }
                    break;
            }
        }
        foreach (var (key, value) in values)
            if (!table.Any(p => p.Name == key)) log.Warn($"unrecognized parameter: {key} = \"{RubyToS.Of(value)}\"");
    }

    private static bool HasType(JsonNode value, string type) => type switch
    {
        "bool" => value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "int" => value is JsonValue v && RubyValues.IsInteger(v),
        "array" => value is JsonArray,
        "hash" => value is JsonObject,
        _ => value is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String,
    };

    /// <summary>The arguments and environment of the JSON command line form (<c>instance</c> and <c>sessions</c>).</summary>
    public static (List<string> Args, Dictionary<string, string> Env) Build(JsonObject info, TransferLog log)
    {
        var args = new List<string>();
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (info["instance"] is { } instance)
        {
            if (instance is not JsonObject o) throw CliException.Assertion($"instance: expecting Hash, but have {RubyValues.ClassName(instance)}");
            Add(o, Instance, args, env, log);
        }
        foreach (var session in info["sessions"]!.AsArray())
        {
            if (session is not JsonObject s) throw CliException.Assertion($"session: expecting Hash, but have {RubyValues.ClassName(session)}");
            if (!s.ContainsKey("name")) throw CliException.Assertion("session must contain at least name");
            Add(s, Session, args, env, log);
        }
        return (args, env);
    }
}
