namespace AsperaNative.Ssh;

/// <summary>What a command run on the server gave back.</summary>
public sealed record CommandOutput(byte[] Stdout, string Stderr, int? ExitCode)
{
    /// <summary>The shell's "command not found" status.</summary>
    public bool CommandNotFound => ExitCode == 127;
}

/// <summary>Runs one command with some standard input on the server (SSH exec channel or this host).</summary>
public interface ICommandExecutor
{
    CommandOutput Execute(string command, byte[] stdin);
}
