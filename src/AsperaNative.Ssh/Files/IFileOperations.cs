using System.Text.Json.Nodes;

namespace AsperaNative.Ssh.Files;

/// <summary>
/// The server's file operations with ascli's result shapes: <c>ls</c> a list of stat hashes, <c>df</c> a list of
/// mounts, <c>du</c>/<c>md5sum</c>/<c>info</c> a hash, <c>mkdir</c>/<c>mv</c>/<c>cp</c>/<c>rm</c> <c>true</c>.
/// Errors are raised in ascli's words.
/// </summary>
public interface IFileOperations
{
    /// <summary>Runs one operation of <see cref="Ascmd.AscmdOperations.Arity"/> on all its argument batches.</summary>
    JsonNode? Execute(string operation, IReadOnlyList<string> arguments);
}
