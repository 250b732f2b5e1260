using System.ComponentModel;
using System.Diagnostics;
using AsperaNative.Core.Errors;

namespace AsperaNative.Ssh;

/// <summary>Commands run on this host (<c>--url=local:</c>), found in the PATH, as ascli's local executor.</summary>
public sealed class LocalExecutor : ICommandExecutor
{
    public CommandOutput Execute(string command, byte[] stdin)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw CliException.Other("Errno::ENOENT", $"No such file or directory - {command}");
        }
        catch (Win32Exception)
        {
            throw CliException.Other("Errno::ENOENT", $"No such file or directory - {command}");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
            copy.GetAwaiter().GetResult();
            process.WaitForExit();
            string error = stderr.GetAwaiter().GetResult();
            if (process.ExitCode != 0) throw CliException.Runtime($"command {command} failed with code {process.ExitCode} {error}");
            return new CommandOutput(stdout.ToArray(), error, process.ExitCode);
        }
    }
}
