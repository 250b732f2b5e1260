using AsperaNative.Transfer.Management;

namespace AsperaNative.Transfer.Agents;

/// <summary>Progress steps every agent reports, whatever its protocol (ascli's notify_progress types).</summary>
public enum ProgressKind
{
    /// <summary>Before a session exists (starting ascp, waiting for it).</summary>
    PreStart,
    SessionStart,
    /// <summary>Total bytes of the session are known.</summary>
    SessionSize,
    /// <summary>Bytes transferred so far in the session.</summary>
    Transfer,
    /// <summary>The session ended (success or not).</summary>
    End,
}

public readonly record struct ProgressEvent(ProgressKind Kind, string? SessionId, long Bytes = 0, string? Info = null);

/// <summary>Receives what agents report while transferring; called from session threads.</summary>
public interface ITransferListener
{
    void OnProgress(ProgressEvent e);

    /// <summary>Raw management events of ascp (asession prints them), before their progress translation.</summary>
    void OnManagementEvent(ManagementEvent e) { }

    /// <summary>ascp connected its management port: <paramref name="send"/> writes a command frame to it (asession).</summary>
    void OnManagementConnected(Action<string> send) { }
}

/// <summary>Fans events out to several listeners.</summary>
public sealed class TransferListeners(params ITransferListener[] listeners) : ITransferListener
{
    public void OnProgress(ProgressEvent e)
    {
        foreach (var l in listeners) l.OnProgress(e);
    }

    public void OnManagementEvent(ManagementEvent e)
    {
        foreach (var l in listeners) l.OnManagementEvent(e);
    }

    public void OnManagementConnected(Action<string> send)
    {
        foreach (var l in listeners) l.OnManagementConnected(send);
    }
}

/// <summary>Outcome of one session: null error is success.</summary>
public sealed record SessionStatus(Exception? Error)
{
    public bool Success => Error is null;
    public static readonly SessionStatus Ok = new((Exception?)null);
}
