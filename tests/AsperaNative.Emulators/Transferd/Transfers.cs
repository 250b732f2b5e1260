using System.Text.Json.Nodes;
using System.Threading.Channels;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using Grpc.Core;
using Transferd.Api;
using Path = System.IO.Path;

namespace AsperaNative.Emulators.Transferd;

/// <summary>
/// The daemon's transfers: each spec is handed to ascp (the direct agent with the ascp of the configured folder);
/// its progress becomes <see cref="TransferResponse"/> events for the monitors registered. Thread safe.
/// </summary>
public sealed class Transfers(string bin)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public string AscpPath => Path.Combine(bin, "ascp");

    public sealed class Job(string id, JsonObject spec)
    {
        public string Id { get; } = id;
        public JsonObject Spec { get; } = spec;
        public CancellationTokenSource Cancel { get; } = new();
        public Task Run { get; set; } = Task.CompletedTask;
        public TransferResponse Last { get; set; } = new() { TransferId = id, Status = TransferStatus.Queued, TransferType = TransferType.FileRegular };
        public List<Channel<TransferResponse>> Monitors { get; } = [];
        public long Expected, Transferred;
    }

    public Job Start(JsonObject spec)
    {
        var job = new Job(Guid.NewGuid().ToString(), spec);
        lock (_lock) _jobs[job.Id] = job;
        job.Run = Task.Run(() => RunAsync(job));
        return job;
    }

    public Job? Find(string id)
    {
        lock (_lock) return _jobs.GetValueOrDefault(id);
    }

    /// <summary>A channel of the job's events, starting with its current state; completed after the final state.</summary>
    public ChannelReader<TransferResponse> Monitor(Job job)
    {
        var channel = Channel.CreateUnbounded<TransferResponse>();
        lock (_lock)
        {
            channel.Writer.TryWrite(job.Last.Clone());
            if (IsFinal(job.Last.Status)) channel.Writer.Complete();
            else job.Monitors.Add(channel);
        }
        return channel.Reader;
    }

    private static bool IsFinal(TransferStatus s) => s is TransferStatus.Completed or TransferStatus.Failed or TransferStatus.Canceled;

    private void Publish(Job job, TransferStatus status, TransferEvent what, string message = "", global::Transferd.Api.Error? error = null)
    {
        lock (_lock)
        {
            var response = new TransferResponse
            {
                TransferId = job.Id, TransferType = TransferType.FileRegular, Status = status, TransferEvent = what, Message = message,
                TransferInfo = new TransferInfo { BytesTransferred = job.Transferred, Direction = job.Spec["direction"]?.ToString() ?? "" },
                SessionInfo = new SessionTransferInformation { PreTransferBytes = job.Expected },
            };
            if (error is not null) response.Error = error;
            job.Last = response;
            foreach (var m in job.Monitors)
            {
                m.Writer.TryWrite(response.Clone());
                if (IsFinal(status)) m.Writer.Complete();
            }
            if (IsFinal(status)) job.Monitors.Clear();
        }
    }

    private async Task RunAsync(Job job)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(job.Cancel.Token, _stopping.Token);
        // ascp starts after a short time in the queue, as with the real daemon
        try { await Task.Delay(200, cancel.Token); }
        catch (OperationCanceledException) { Publish(job, TransferStatus.Canceled, TransferEvent.SessionCanceled, Message("Cancelled by user", 28)); return; }
        var agent = new DirectAgent(new AscpInstallation(Path.GetTempPath(), AscpPath, null, bin), DirectOptions.From(new JsonObject
        {
            // the stand-in ascp is a .NET program: give it time to connect on a loaded machine
            ["spawn_timeout_sec"] = 30,
            ["resume"] = new JsonObject { ["iter_max"] = 0 },
        }), new TransferLog(Console.Error, "warn"));
        var statuses = await agent.TransferAsync(job.Spec, new Progress(this, job), null, cancel.Token);
        var failed = statuses.FirstOrDefault(static s => !s.Success);
        if (failed is null) Publish(job, TransferStatus.Completed, TransferEvent.SessionStop);
        else if (cancel.IsCancellationRequested) Publish(job, TransferStatus.Canceled, TransferEvent.SessionCanceled, Message("Cancelled by user", 28));
        else
        {
            int code = (failed.Error as TransferException)?.Code ?? 1;
            Publish(job, TransferStatus.Failed, TransferEvent.SessionError, Message(failed.Error!.Message, code), new global::Transferd.Api.Error { Code = code, Description = failed.Error.Message });
        }
    }

    private static string Message(string description, int code) => new JsonObject { ["Type"] = "ERROR", ["Code"] = code, ["Description"] = description }.ToJsonString();

    private sealed class Progress(Transfers owner, Job job) : ITransferListener
    {
        public void OnProgress(ProgressEvent e)
        {
            switch (e.Kind)
            {
                case ProgressKind.SessionStart:
                    owner.Publish(job, TransferStatus.Running, TransferEvent.SessionStart);
                    break;
                case ProgressKind.SessionSize:
                    job.Expected = e.Bytes;
                    owner.Publish(job, TransferStatus.Running, TransferEvent.Progress);
                    break;
                case ProgressKind.Transfer:
                    job.Transferred = e.Bytes;
                    owner.Publish(job, TransferStatus.Running, TransferEvent.Progress);
                    break;
            }
        }
    }

    /// <summary>StopTransfer: the job's ascp is cancelled.</summary>
    public bool Stop(string id)
    {
        var job = Find(id);
        if (job is null) return false;
        job.Cancel.Cancel();
        return true;
    }

    /// <summary>The daemon stops: every transfer is cancelled.</summary>
    public void StopAll() => _stopping.Cancel();

    public Task DrainAsync()
    {
        lock (_lock) return Task.WhenAll(_jobs.Values.Select(static j => j.Run));
    }
}

/// <summary>The gRPC service of the stand-in daemon: the calls ascli's agent makes (GetInfo, StartTransfer, MonitorTransfers, QueryTransfer, StopTransfer).</summary>
public sealed class TransferServiceImpl(Transfers transfers) : TransferService.TransferServiceBase
{
    public override Task<InstanceInfoResponse> GetInfo(InstanceInfoRequest request, ServerCallContext context) => Task.FromResult(new InstanceInfoResponse
    {
        ApiVersion = "v1",
        Info = new InstanceInfo { AsperaInfo = { new AsperaInfo { AsperaBinary = transfers.AscpPath, AsperaVersion = "4.4.5", OperatingSystem = "Linux" } } },
    });

    public override Task<StartTransferResponse> StartTransfer(TransferRequest request, ServerCallContext context)
    {
        if (JsonNode.Parse(request.TransferSpec) is not JsonObject spec)
            return Task.FromResult(new StartTransferResponse { Status = TransferStatus.Failed, Error = new global::Transferd.Api.Error { Code = 8, Description = "invalid transfer spec" } });
        var job = transfers.Start(spec);
        return Task.FromResult(new StartTransferResponse { ApiVersion = "v1", TransferId = job.Id, TransferType = request.TransferType, Status = TransferStatus.Queued });
    }

    public override async Task MonitorTransfers(RegistrationRequest request, IServerStreamWriter<TransferResponse> responseStream, ServerCallContext context)
    {
        foreach (var id in request.TransferId)
        {
            var job = transfers.Find(id) ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such transfer: {id}"));
            await foreach (var response in transfers.Monitor(job).ReadAllAsync(context.CancellationToken))
                await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override Task<QueryTransferResponse> QueryTransfer(TransferInfoRequest request, ServerCallContext context)
    {
        var job = transfers.Find(request.TransferId) ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such transfer: {request.TransferId}"));
        var last = job.Last;
        return Task.FromResult(new QueryTransferResponse { TransferId = job.Id, Status = last.Status, TransferInfo = last.TransferInfo, Message = last.Message });
    }

    public override Task<StopTransferResponse> StopTransfer(StopTransferRequest request, ServerCallContext context)
    {
        var response = new StopTransferResponse { ApiVersion = "v1" };
        foreach (var id in request.TransferId) response.StopResult.Add(new StopInfo { TransferId = id, Stopped = transfers.Stop(id) });
        return Task.FromResult(response);
    }
}
