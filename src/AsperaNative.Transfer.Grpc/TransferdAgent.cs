using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using Grpc.Core;
using Transferd.Api;

namespace AsperaNative.Transfer.Grpc;

/// <summary>
/// The Transfer SDK agent (<c>--transfer=trsdk</c>, manual "Agent: Transfer SDK"): the transfer
/// spec is given to the SDK daemon (<c>StartTransfer</c>, a regular file transfer), whose events
/// (<c>MonitorTransfers</c>) drive the progress bar until the transfer completes or fails. The daemon is found or
/// started by <see cref="TransferDaemon"/>; SIGINT and SIGTERM stop the transfer (<c>StopTransfer</c>) and the daemon
/// started here, so that no daemon or ascp is left unless <c>keep</c>.
/// </summary>
[TransferAgent(Name)]
public sealed class TransferdAgent(TransferdOptions options, AscpInstallation installation, TransferLog log) : ITransferAgent
{
    /// <summary>The <c>--transfer</c> value of this agent (the manual's name).</summary>
    public const string Name = "trsdk";

    /// <summary>The agent of <c>--transfer-info</c>, with the SDK of <c>--ascp-path</c>/<c>--use-product</c>/<c>--sdk-folder</c>.</summary>
    public static ITransferAgent Create(TransferAgentRequest request)
        => new TransferdAgent(TransferdOptions.From(request.Info), TransferServices.Runner(request.Context).Installation, request.Log);

    private static readonly JsonSerializerOptions SpecJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<SessionStatus>> TransferAsync(JsonObject spec, ITransferListener listener, Func<string>? tokenRegenerator, CancellationToken cancel)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupt.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupt.Cancel(); });
        listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: "starting"));
        TransferDaemon daemon;
        try { daemon = await TransferDaemon.ConnectAsync(options, installation.TransferdPath(), installation.SdkFolder, log, interrupt.Token); }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested) { return [Interrupted()]; }
        await using var _ = daemon;
        string? id = null;
        try
        {
            var request = new TransferRequest { TransferType = TransferType.FileRegular, Config = new TransferConfig(), TransferSpec = spec.ToJsonString(SpecJson) };
            var started = await daemon.Client.StartTransferAsync(request, cancellationToken: interrupt.Token);
            log.Debug($"start transfer response {started}");
            if (started.Error is { Code: not 0 } refused) return [new SessionStatus(new TransferException(refused.Description, refused.Code))];
            id = started.TransferId;
            return [await MonitorAsync(daemon, id, listener, interrupt.Token)];
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            await StopAsync(daemon, id);
            return [Interrupted()];
        }
        catch (RpcException e) when (interrupt.IsCancellationRequested && e.StatusCode == StatusCode.Cancelled)
        {
            await StopAsync(daemon, id);
            return [Interrupted()];
        }
        catch (RpcException e)
        {
            throw e.StatusCode == StatusCode.Unavailable ? TransferDaemon.Unavailable(daemon.Endpoint) : CliException.Other($"GRPC::{e.StatusCode}", $"{(int)e.StatusCode}:{e.Status.Detail}");
        }
    }

    private static SessionStatus Interrupted() => new(new TransferException("transfer interrupted by user"));

    /// <summary>Follows the transfer's events to its end, as ascli maps them to progress.</summary>
    private async Task<SessionStatus> MonitorAsync(TransferDaemon daemon, string id, ITransferListener listener, CancellationToken cancel)
    {
        bool sessionStarted = false;
        long? expected = null;
        using var call = daemon.Client.MonitorTransfers(new RegistrationRequest { TransferId = { id } }, cancellationToken: cancel);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancel))
        {
            if (response.TransferId.Length > 0 && response.TransferId != id) continue;
            log.Debug($"transferd event: {response.Status} {response.TransferEvent}");
            switch (response.Status)
            {
                case TransferStatus.Running:
                    if (!sessionStarted)
                    {
                        listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id));
                        sessionStarted = true;
                    }
                    if (expected is null && response.SessionInfo is { PreTransferBytes: not 0 } session)
                    {
                        expected = session.PreTransferBytes;
                        listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, expected.Value));
                    }
                    listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, response.TransferInfo?.BytesTransferred ?? 0));
                    break;
                case TransferStatus.Completed:
                    if (!sessionStarted) listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id));
                    long done = expected ?? response.TransferInfo?.BytesTransferred ?? 0;
                    if (expected is null && done != 0) listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, done));
                    listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, done));
                    listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                    return SessionStatus.Ok;
                case TransferStatus.Failed or TransferStatus.Canceled:
                    listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                    return new SessionStatus(Failure(response));
                case TransferStatus.Queued or TransferStatus.UnknownStatus or TransferStatus.Paused or TransferStatus.Orphaned:
                    listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: StatusName(response.Status)));
                    break;
                default:
                    log.Error($"unknown status{response.Status}");
                    break;
            }
        }
        return new SessionStatus(new TransferException("transfer daemon ended the monitoring before the end of the transfer"));
    }

    /// <summary>The <c>Description</c> of the JSON message of a failed transfer (ascli's), else the error given.</summary>
    private static TransferException Failure(TransferResponse response)
    {
        int? code = response.Error is { Code: not 0 } e ? e.Code : null;
        try
        {
            if (JsonNode.Parse(response.Message) is JsonObject m && m["Description"] is { } d)
                return new TransferException(d.ToString(), code ?? (int.TryParse(m["Code"]?.ToString(), out int c) ? c : null));
        }
        catch (JsonException) { }
        return new TransferException(response.Error?.Description is { Length: > 0 } text ? text : response.Message, code);
    }

    /// <summary>QUEUED → queued, UNKNOWN_STATUS → unknown_status (ascli shows the enum name in lower case).</summary>
    private static string StatusName(TransferStatus status) => status switch
    {
        TransferStatus.Queued => "queued",
        TransferStatus.Paused => "paused",
        TransferStatus.Orphaned => "orphaned",
        _ => "unknown_status",
    };

    /// <summary>Asks the daemon to stop the transfer (it stops its ascp); the daemon itself is stopped on dispose unless kept.</summary>
    private async Task StopAsync(TransferDaemon daemon, string? id)
    {
        if (id is null) return;
        try
        {
            var stopped = await daemon.Client.StopTransferAsync(new StopTransferRequest { TransferId = { id } }, deadline: DateTime.UtcNow.AddSeconds(5));
            log.Debug($"stop transfer: {stopped}");
        }
        catch (RpcException e) { log.Debug($"stop transfer: {e.Status.Detail}"); }
    }
}
