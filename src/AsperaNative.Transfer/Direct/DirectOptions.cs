using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Direct;

/// <summary>Retry settings of <c>transfer_info.resume</c> (manual "Agent: Direct").</summary>
public sealed record ResumePolicy(int IterMax = 7, int SleepInitial = 2, int SleepFactor = 2, int SleepMax = 60);

/// <summary>
/// The direct agent's <c>--transfer-info</c> parameters with ascli's defaults. <c>silent_timeout_sec</c> is
/// ours: ascp reports statistics every second, so a silent ascp is stuck and is stopped.
/// </summary>
public sealed record DirectOptions
{
    public bool Wss { get; init; } = true;
    public bool Quiet { get; init; } = true;
    public IReadOnlyList<string>? TrustedCerts { get; init; }
    public string ClientSshKey { get; init; } = "rsa";
    public IReadOnlyList<string> AscpArgs { get; init; } = [];
    public double SpawnTimeoutSec { get; init; } = 2;
    public double SpawnDelaySec { get; init; } = 2;
    public bool MultiIncrUdp { get; init; } = OperatingSystem.IsWindows();
    public ResumePolicy Resume { get; init; } = new();
    public double SilentTimeoutSec { get; init; } = 120;

    /// <summary>Reads <c>transfer_info</c>; <paramref name="defaultTrustedCerts"/> applies unless the key is given (even as null).</summary>
    public static DirectOptions From(JsonObject? info, IReadOnlyList<string>? defaultTrustedCerts = null)
    {
        var o = new DirectOptions { TrustedCerts = defaultTrustedCerts };
        if (info is null) return o;
        foreach (var (key, value) in info)
        {
            o = key switch
            {
                "wss" => o with { Wss = Bool(key, value, o.Wss) },
                "quiet" => o with { Quiet = Bool(key, value, o.Quiet) },
                "trusted_certs" => o with { TrustedCerts = value is JsonArray a ? [.. a.Select(RubyToS.Of)] : value is null ? null : [RubyToS.Of(value)] },
                "client_ssh_key" => o with { ClientSshKey = RubyToS.Of(value) },
                "ascp_args" => o with { AscpArgs = Strings(value) },
                "spawn_timeout_sec" => o with { SpawnTimeoutSec = Number(key, value, o.SpawnTimeoutSec) },
                "spawn_delay_sec" => o with { SpawnDelaySec = Number(key, value, o.SpawnDelaySec) },
                "multi_incr_udp" => o with { MultiIncrUdp = Bool(key, value, o.MultiIncrUdp) },
                "silent_timeout_sec" => o with { SilentTimeoutSec = Number(key, value, o.SilentTimeoutSec) },
                "resume" => o with { Resume = ReadResume(value) },
                _ => o,
            };
        }
        return o;
    }

    private static IReadOnlyList<string> Strings(JsonNode? value)
    {
        if (value is null) return [];
        if (value is not JsonArray array) throw CliException.Assertion("ascp_args: expecting Array");
        if (!array.All(static a => a is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            throw CliException.Assertion("all ascp arguments must be String");
        return [.. array.Select(static a => a!.GetValue<string>())];
    }

    private static bool Bool(string key, JsonNode? value, bool fallback) => value switch
    {
        null => fallback,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw CliException.Assertion($"{key}: expecting boolean, but have {RubyToS.Of(value)}"),
    };

    private static double Number(string key, JsonNode? value, double fallback) => value switch
    {
        null => fallback,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => RubyValues.ToDouble(v),
        _ => throw CliException.Assertion($"{key}: expecting number, but have {RubyToS.Of(value)}"),
    };

    private static ResumePolicy ReadResume(JsonNode? value)
    {
        var r = new ResumePolicy();
        if (value is null) return r;
        if (value is not JsonObject o) throw CliException.Assertion("resume: expecting Hash");
        foreach (var (key, v) in o)
        {
            if (v is not JsonValue jv || !RubyValues.IsInteger(jv)) throw CliException.Assertion($"{key}: expecting Integer, but have {RubyToS.Of(v)}");
            int n = (int)RubyValues.ToDouble(jv);
            r = key switch
            {
                "iter_max" => r with { IterMax = n },
                "sleep_initial" => r with { SleepInitial = n },
                "sleep_factor" => r with { SleepFactor = n },
                "sleep_max" => r with { SleepMax = n },
                _ => throw CliException.Assertion($"resume parameter: {key} is not one of iter_max, sleep_initial, sleep_factor, sleep_max"),
            };
        }
        return r;
    }
}
