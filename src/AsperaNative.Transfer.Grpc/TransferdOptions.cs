using AsperaNative.Core.Values;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Grpc;

/// <summary>
/// <c>--transfer-info</c> of the Transfer SDK agent (manual "Agent: Transfer SDK"): <c>url</c> of the daemon
/// (<c>:port</c> on the loopback interface, <c>:0</c> for a free port, the default), <c>external</c> (a daemon
/// already runs: never start one), <c>keep</c> (leave the daemon started here running after the transfer).
/// </summary>
public sealed record TransferdOptions
{
    public const string AutomaticPort = ":0";

    public string Url { get; init; } = AutomaticPort;
    public bool External { get; init; }
    public bool Keep { get; init; }

    /// <summary>Reads the parameters as ascli's keyword arguments (unknown keys are Ruby's ArgumentError).</summary>
    public static TransferdOptions From(JsonObject info)
    {
        var o = new TransferdOptions();
        var unknown = new List<string>();
        foreach (var (key, value) in info)
        {
            o = key switch
            {
                "url" => o with { Url = RubyToS.Of(value) },
                "external" => o with { External = Bool(key, value) },
                "keep" => o with { Keep = Bool(key, value) },
                // progress is given by ascli to every agent
                "progress" => o,
                _ => Unknown(o, key, unknown),
            };
        }
        if (unknown.Count > 0)
            throw CliException.Other("ArgumentError", $"unknown keyword{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(static k => ":" + k))}");
        if (o.Url == AutomaticPort && (o.Keep || o.External)) throw CliException.Runtime("Cannot use options `keep` or `external` with port zero");
        return o;
    }

    private static TransferdOptions Unknown(TransferdOptions o, string key, List<string> unknown)
    {
        unknown.Add(key);
        return o;
    }

    private static bool Bool(string key, JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or null => false,
        _ => throw CliException.Assertion($"{key}: expecting boolean, but have {RubyToS.Of(value)}"),
    };
}
