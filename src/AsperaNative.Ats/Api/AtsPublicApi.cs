// IBM Aspera Transfer Service (ATS), its public API: https://ats.aspera.io/pub/v1 (no authentication), the transfer
// servers of each cloud. Used by plugin ats and aoc `admin ats`. Manual: "Plugin: ats".
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Ats.Api;

/// <summary>
/// The public part of ATS: <c>GET servers/&lt;CLOUD&gt;</c> and <c>servers/&lt;CLOUD&gt;/&lt;region&gt;</c>. There is no call for all the
/// servers: ascli asks each known cloud in turn (upper-cased, in its order) and keeps the list for the rest of the run.
/// </summary>
public sealed class AtsPublicApi(RestFactory rest)
{
    public const string ServiceUrl = "https://ats.aspera.io";
    public const string PublicBase = ServiceUrl + "/pub/v1";

    /// <summary>The clouds ATS runs on, as ascli knows them (its fixed table, in its order).</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Clouds =
    [
        ("aws", "Amazon Web Services"),
        ("azure", "Microsoft Azure"),
        ("google", "Google Cloud"),
        ("limelight", "Limelight"),
        ("rackspace", "Rackspace"),
        ("softlayer", "IBM Cloud"),
    ];

    private readonly Lazy<RestClient> _api = new(() => rest.Create(PublicBase));
    private List<JsonObject>? _allServers;

    public RestClient Rest => _api.Value;

    /// <summary>The transfer server of a cloud's region (the cloud in any case).</summary>
    public Task<JsonNode?> ServerAsync(string cloud, string region) => Rest.ReadAsync($"servers/{cloud.ToUpperInvariant()}/{region}");

    /// <summary>Every transfer server: one call per cloud, once per run.</summary>
    public async Task<IReadOnlyList<JsonObject>> AllServersAsync()
    {
        if (_allServers is not null) return _allServers;
        var all = new List<JsonObject>();
        foreach (var (id, _) in Clouds)
        {
            var servers = await Rest.ReadAsync($"servers/{id.ToUpperInvariant()}") as JsonArray
                ?? throw CliException.Other("NoMethodError", "undefined method 'each' for an instance of Hash");
            foreach (var server in servers) all.Add(server is JsonObject o ? (JsonObject)o.DeepClone() : []);
        }
        return _allServers = all;
    }

    /// <summary>The first server whose <c>id</c> satisfies <paramref name="match"/>, or null.</summary>
    public async Task<JsonObject?> FindServerAsync(Func<JsonObject, bool> match) => (await AllServersAsync()).FirstOrDefault(match);

    /// <summary>A string field of a server (null when absent or not a string).</summary>
    public static string? Text(JsonObject item, string field) => item[field] is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : null;
}
