using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Ssh.Files;

namespace AsperaNative.Ssh.Ascmd;

/// <summary>
/// The client side of ascmd: one <c>ascmd</c> process per operation, fed on standard input with one line per
/// argument batch (<c>as_ls "/path"</c>, quotes and backslashes escaped) then <c>as_exit</c>; its binary reply is
/// decoded by <see cref="AscmdDecoder"/>.
/// </summary>
public sealed class AscmdClient(ICommandExecutor executor) : IFileOperations
{
    /// <summary>The server-side program.</summary>
    public const string Program = "ascmd";

    /// <summary>True after an operation found no ascmd on the server (the shell's status 127).</summary>
    public bool Missing { get; private set; }

    public JsonNode? Execute(string operation, IReadOnlyList<string> arguments)
    {
        var output = executor.Execute(Program, Request(operation, arguments));
        if (output.Stdout.Length == 0)
        {
            if (output.CommandNotFound)
            {
                Missing = true;
                throw new AscmdMissingException(output.Stderr);
            }
            throw CliException.Runtime("ERROR: empty answer from server");
        }
        return AscmdOperations.Finish(AscmdDecoder.DecodeReply(output.Stdout), operation, arguments);
    }

    /// <summary>The standard input of ascmd for one operation.</summary>
    public static byte[] Request(string operation, IReadOnlyList<string> arguments)
    {
        var lines = new StringBuilder();
        foreach (var batch in AscmdOperations.Batches(operation, arguments))
        {
            lines.Append("as_").Append(operation);
            foreach (string argument in batch) lines.Append(" \"").Append(Escape(argument)).Append('"');
            lines.Append('\n');
        }
        lines.Append("as_exit\n");
        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}

/// <summary>The server has no ascmd in the user's PATH.</summary>
public sealed class AscmdMissingException(string stderr) : Exception($"ascmd not found: {stderr.Trim()}");
