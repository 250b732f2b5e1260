using Renci.SshNet;

namespace AsperaNative.Ssh;

/// <summary>Commands over SSH exec channels of one connection, opened at first use and kept for the invocation.</summary>
public sealed class SshExecutor(SshConnector connector) : ICommandExecutor, IDisposable
{
    private SshClient? _client;

    public SshConnector Connector => connector;

    public CommandOutput Execute(string command, byte[] stdin)
    {
        _client ??= connector.OpenExec();
        using var exec = _client.CreateCommand(command);
        var running = exec.ExecuteAsync();
        try
        {
            using var input = exec.CreateInputStream();
            input.Write(stdin);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or Renci.SshNet.Common.SshException)
        {
            // the command ended before taking its input (a missing ascmd answers at once): its outcome tells
        }
        running.GetAwaiter().GetResult();
        using var stdout = new MemoryStream();
        exec.OutputStream.CopyTo(stdout);
        string stderr;
        using (var reader = new StreamReader(exec.ExtendedOutputStream)) stderr = reader.ReadToEnd();
        return new CommandOutput(stdout.ToArray(), stderr, exec.ExitStatus);
    }

    public void Dispose() => _client?.Dispose();
}
