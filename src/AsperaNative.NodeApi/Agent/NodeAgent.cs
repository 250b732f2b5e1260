using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Errors;

namespace AsperaNative.NodeApi.Agent;

/// <summary>
/// The node transfer agent (<c>--transfer=node</c>, manual "Agent: Node API"): the transfer spec is
/// given to a node (<c>POST /ops/transfers</c>), which runs it as a client; its status is read every
/// <see cref="PollInterval"/> until completed or failed, and shown through the usual progress listener.
/// The node is given by <c>--transfer-info</c> (<c>url</c>, <c>username</c>, <c>password</c>, <c>root_id</c>
/// for an access key), by default the node of the <c>default</c> preset of plugin node.
/// </summary>
[TransferAgent(Name)]
public sealed class NodeAgent(NodeApiClient node, string? rootId = null) : ITransferAgent
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>--transfer</c> value of this agent.</summary>
    public const string Name = "node";

    /// <summary>
    /// The agent of <c>--transfer-info</c>; when it is empty, the node of the <c>default</c> preset for plugin
    /// node (ascli's rule).
    /// </summary>
    public static ITransferAgent Create(TransferAgentRequest request)
    {
        var info = request.Info;
        if (info.Count == 0)
        {
            var presets = request.Context.IsRegistered<PresetStore>() ? ConfigServices.Presets(request.Context) : null;
            string name = presets?.PluginDefault(Name) ?? throw Core.Errors.CliException.BadArgument("No default node configured. Please specify --transfer-info");
            info = presets.Resolve(name);
        }
        return FromInfo(RestServices.Rest(request.Context), info);
    }

    /// <summary>The agent for <c>--transfer-info</c> (<c>url</c>, <c>username</c>, <c>password</c>, <c>root_id</c>).</summary>
    public static NodeAgent FromInfo(RestFactory factory, JsonObject info)
    {
        string Need(string key) => info[key]?.ToString() is { Length: > 0 } v ? v
            : throw Core.Errors.CliException.BadArgument($"missing parameter [{key}] in transfer_info (node agent)");
        string url = Need("url"), username = Need("username"), password = Need("password");
        string? root = info["root_id"]?.ToString();
        if (NodeConnection.IsBearer(password) && root is null) throw Core.Errors.CliException.Assertion("root_id not allowed for access key");
        return new NodeAgent(NodeConnection.Create(factory, url, username, password), root);
    }

    public async Task<IReadOnlyList<SessionStatus>> TransferAsync(JsonObject spec, ITransferListener listener, Func<string>? tokenRegenerator, CancellationToken cancel)
    {
        var ts = (JsonObject)spec.DeepClone();
        if (rootId is not null)
        {
            string key = ts["direction"]?.ToString() switch
            {
                "send" => "source_root_id",
                "receive" => "destination_root_id",
                var d => throw Core.Errors.CliException.Runtime($"unexpected value: {d}"),
            };
            ts[key] = rootId;
        }
        if (ts["tags"]?["aspera"] is JsonObject reserved) reserved["xfer_retry"] ??= 150;
        if (ts["wss_enabled"]?.GetValueKind() != System.Text.Json.JsonValueKind.True && ts["remote_host"]?.ToString() == new Uri(node.BaseUrl).Host)
            ts["remote_host"] = "127.0.0.1";
        var created = await node.CreateAsync("ops/transfers", ts);
        string id = created?["id"]?.ToString() ?? throw new TransferException("node did not return a transfer id");
        bool started = false;
        long? expected = null;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            JsonObject data;
            try { data = await node.ReadAsync($"ops/transfers/{id}") as JsonObject ?? new JsonObject { ["status"] = "unknown" }; }
            catch (RestCallException) { data = new JsonObject { ["status"] = "waiting(api error)" }; }
            string status = data["status"]?.ToString() ?? "unknown";
            switch (status)
            {
                case "waiting" or "partially_completed" or "unknown" or "waiting(api error)":
                    listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: status));
                    break;
                case "running":
                    if (!started)
                    {
                        listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id));
                        started = true;
                    }
                    if (expected is null && data["precalc"] is JsonObject pre && pre["status"]?.ToString() == "ready" && pre["bytes_expected"] is JsonValue be && be.TryGetValue(out long b))
                    {
                        expected = b;
                        listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, b));
                    }
                    listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, Long(data["bytes_transferred"])));
                    break;
                case "completed":
                    if (!started) listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id));
                    long done = expected ?? Long(data["bytes_transferred"]);
                    listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, done));
                    listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, done));
                    listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                    return [SessionStatus.Ok];
                default:
                    listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                    string code = data["error_code"]?.ToString() ?? "", desc = data["error_desc"]?.ToString() ?? "";
                    // a failed status without reason is a known node quirk: ascli takes it as success
                    if (status == "failed" && code == "0" && desc.Length == 0) return [SessionStatus.Ok];
                    return [new SessionStatus(new TransferException($"status: {status}. code: {code}. description: {desc}"))];
            }
            await Task.Delay(PollInterval, cancel);
        }
    }

    private static long Long(JsonNode? n) => n is JsonValue v && v.TryGetValue(out long l) ? l : 0;
}
