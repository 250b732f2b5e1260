using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Errors;

namespace AsperaNative.NodeApi.Simulator;

/// <summary>
/// The transfers of the node simulator (<c>/ops/transfers</c>): each start spec is run by an agent (the
/// direct agent with the local ascp) in the background; its progress is kept to answer status requests
/// in the Node API's transfer layout. Thread safe.
/// </summary>
public sealed class SimulatedTransfers(ITransferAgent agent, string nodeId)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly List<Task> _running = [];

    /// <summary>Starts a transfer in the background and returns its first status.</summary>
    public JsonObject Start(JsonObject spec, CancellationToken cancel)
    {
        var job = new Job(Guid.NewGuid().ToString(), (JsonObject)spec.DeepClone());
        lock (_lock) _jobs[job.Id] = job;
        var task = Task.Run(() => RunAsync(job, spec, cancel), CancellationToken.None);
        lock (_lock) _running.Add(task);
        return Show(job.Id)!;
    }

    /// <summary>All transfers, oldest first.</summary>
    public JsonArray All()
    {
        List<string> ids;
        lock (_lock) ids = [.. _jobs.Values.OrderBy(static j => j.Started).Select(static j => j.Id)];
        return new JsonArray([.. ids.Select(id => (JsonNode?)Show(id))]);
    }

    /// <summary>One transfer, null when unknown.</summary>
    public JsonObject? Show(string id)
    {
        lock (_lock) return _jobs.TryGetValue(id, out var job) ? ToNode(job) : null;
    }

    /// <summary>Waits for the transfers still running (after cancellation of the server).</summary>
    public Task DrainAsync()
    {
        lock (_lock) return Task.WhenAll(_running);
    }

    private async Task RunAsync(Job job, JsonObject spec, CancellationToken cancel)
    {
        string status;
        int code = 0;
        string description = "";
        try
        {
            var statuses = await agent.TransferAsync(spec, new JobListener(job, _lock), null, cancel);
            var failed = statuses.FirstOrDefault(static s => !s.Success);
            if (failed is null)
            {
                status = "completed";
            }
            else
            {
                status = "failed";
                code = (failed.Error as TransferException)?.Code ?? 1;
                description = failed.Error!.Message;
            }
        }
        catch (OperationCanceledException)
        {
            status = "cancelled";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            status = "failed";
            code = (e as TransferException)?.Code ?? 1;
            description = e.Message;
        }
        lock (_lock)
        {
            job.Status = status;
            job.ErrorCode = code;
            job.ErrorDescription = description;
            job.Ended = DateTimeOffset.UtcNow;
        }
    }

    private JsonObject ToNode(Job job)
    {
        long transferred = job.Transferred.Values.Sum();
        long expected = job.Expected.Values.Sum();
        var end = job.Ended ?? DateTimeOffset.UtcNow;
        long elapsed = (long)(end - job.Started).TotalMicroseconds;
        var sessions = new JsonArray();
        foreach (var (id, bytes) in job.Transferred)
        {
            sessions.Add((JsonNode)new JsonObject
            {
                ["id"] = id,
                ["server_node_id"] = nodeId,
                ["status"] = job.Status,
                ["bytes_transferred"] = bytes,
                ["error_code"] = job.ErrorCode,
                ["error_desc"] = job.ErrorDescription,
            });
        }
        return new JsonObject
        {
            ["id"] = job.Id,
            ["status"] = job.Status,
            ["start_spec"] = job.Spec.DeepClone(),
            ["sessions"] = sessions,
            ["bytes_transferred"] = transferred,
            ["bytes_written"] = transferred,
            ["bytes_lost"] = 0,
            ["files_completed"] = job.Status == "completed" ? job.Spec["paths"]?.AsArray().Count ?? 0 : 0,
            ["start_time_usec"] = job.Started.ToUnixTimeMilliseconds() * 1000,
            ["end_time_usec"] = job.Ended is { } e ? e.ToUnixTimeMilliseconds() * 1000 : null,
            ["elapsed_usec"] = elapsed,
            ["error_code"] = job.ErrorCode,
            ["error_desc"] = job.ErrorDescription,
            ["precalc"] = job.Expected.Count == 0
                ? new JsonObject { ["status"] = "pending" }
                : new JsonObject { ["status"] = "ready", ["bytes_expected"] = expected },
            ["start_time"] = job.Started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }

    private sealed class Job(string id, JsonObject spec)
    {
        public string Id { get; } = id;
        public JsonObject Spec { get; } = spec;
        public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
        public DateTimeOffset? Ended { get; set; }
        public string Status { get; set; } = "waiting";
        public int ErrorCode { get; set; }
        public string ErrorDescription { get; set; } = "";
        public Dictionary<string, long> Transferred { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Expected { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Progress of the agent into the job (sessions, sizes, bytes).</summary>
    private sealed class JobListener(Job job, Lock gate) : ITransferListener
    {
        public void OnProgress(ProgressEvent e)
        {
            string session = e.SessionId ?? "";
            lock (gate)
            {
                switch (e.Kind)
                {
                    case ProgressKind.SessionStart:
                        job.Status = "running";
                        job.Transferred.TryAdd(session, 0);
                        break;
                    case ProgressKind.SessionSize:
                        job.Expected[session] = e.Bytes;
                        break;
                    case ProgressKind.Transfer:
                        job.Status = "running";
                        job.Transferred[session] = e.Bytes;
                        break;
                }
            }
        }
    }
}
