using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AsperaNative.NodeApi.Simulator;

/// <summary>
/// Transfer authorizations of the node simulator (<c>/files/upload_setup</c>, <c>/files/download_setup</c>): each
/// setup issues a token bound to its direction and paths; the simulator's HTTP Gateway accepts only transfer specs
/// carrying a token it issued, for that direction, below the simulator's storage root. Thread safe.
/// </summary>
public sealed class SimulatedAuthorizations
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _directionByToken = new(StringComparer.Ordinal);

    /// <summary>A new token for <paramref name="direction"/> (<c>send</c> or <c>receive</c>, as seen by the client).</summary>
    public string Issue(string direction)
    {
        string token = "ATM" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        lock (_lock) _directionByToken[token] = direction;
        return token;
    }

    /// <summary>True when <paramref name="token"/> was issued here for <paramref name="direction"/>.</summary>
    public bool Allows(string? token, string direction)
    {
        if (token is null) return false;
        lock (_lock) return _directionByToken.TryGetValue(token, out var d) && d == direction;
    }

    /// <summary>
    /// The answer of <c>/files/{upload|download}_setup</c>: one transfer spec per request, with its token (and the
    /// destination folder for an upload, as nodes authorize it).
    /// </summary>
    public JsonObject Setup(string operation, JsonNode? body, string host, int sshPort)
    {
        string direction = operation == "upload" ? "send" : "receive";
        var specs = new JsonArray();
        foreach (var request in (body?["transfer_requests"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var paths = request["transfer_request"]?["paths"]?.DeepClone() as JsonArray ?? [];
            var spec = new JsonObject
            {
                ["direction"] = direction,
                ["remote_host"] = host,
                ["remote_user"] = Environment.UserName,
                ["ssh_port"] = sshPort,
                ["fasp_port"] = 33001,
                ["token"] = Issue(direction),
                ["paths"] = paths,
            };
            if (direction == "send") spec["destination_root"] = paths.Count > 0 && paths[0]?["destination"] is JsonValue d ? d.ToString() : "/";
            specs.Add((JsonNode)new JsonObject { ["transfer_spec"] = spec });
        }
        return new JsonObject { ["transfer_specs"] = specs };
    }
}
