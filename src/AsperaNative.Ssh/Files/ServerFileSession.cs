using System.Text.Json.Nodes;
using AsperaNative.Ssh.Ascmd;

namespace AsperaNative.Ssh.Files;

/// <summary>
/// File operations on one server for one invocation: ascmd over an SSH exec channel as ascli does, and when the
/// server has no ascmd, the same operations over SFTP on a second channel; <c>local:</c> runs ascmd on this host.
/// </summary>
public sealed class ServerFileSession : IFileOperations, IDisposable
{
    private readonly AscmdClient _ascmd;
    private readonly SshConnector? _connector;
    private readonly SshExecutor? _executor;
    private SftpFileOperations? _sftp;
    private readonly Action<string>? _debug;

    private ServerFileSession(ICommandExecutor executor, SshConnector? connector, Action<string>? debug)
    {
        _ascmd = new AscmdClient(executor);
        _executor = executor as SshExecutor;
        _connector = connector;
        _debug = debug;
    }

    /// <summary>A session over SSH.</summary>
    public static ServerFileSession OverSsh(SshSettings settings, Action<string>? debug = null)
    {
        var connector = new SshConnector(settings, debug);
        return new ServerFileSession(new SshExecutor(connector), connector, debug);
    }

    /// <summary>A session running ascmd on this host.</summary>
    public static ServerFileSession Local() => new(new LocalExecutor(), null, null);

    /// <summary>True once the operations went over SFTP.</summary>
    public bool UsesSftp => _sftp is not null;

    public JsonNode? Execute(string operation, IReadOnlyList<string> arguments)
    {
        if (_sftp is null)
        {
            try
            {
                return _ascmd.Execute(operation, arguments);
            }
            catch (AscmdMissingException e) when (_connector is not null)
            {
                _debug?.Invoke($"{e.Message}: using SFTP");
                _sftp = new SftpFileOperations(_connector.OpenSftp);
            }
        }
        return _sftp.Execute(operation, arguments);
    }

    public void Dispose()
    {
        _sftp?.Dispose();
        _executor?.Dispose();
    }
}
