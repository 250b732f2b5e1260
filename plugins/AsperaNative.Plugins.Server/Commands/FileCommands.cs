using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Server.Commands;

/// <summary>
/// <c>server ls|mkdir|mv|cp|rm|df|du|md5sum|info</c>: ascmd file operations (over SFTP when the server has no
/// ascmd). As ascli, every remaining argument is taken and split into batches of the operation's arity.
/// </summary>
[CommandGroup("server")]
internal sealed class FileCommands(ServerPlugin plugin)
{
    private static readonly string[] ListFields = ["zmode", "zuid", "zgid", "size", "mtime", "name"];

    /// <summary>List folder</summary>
    [Command("ls|browse")]
    public Result List([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Run(arguments, "ls") switch
    {
        JsonArray list => Result.ObjectList(list, ListFields),
        var other => Result.Auto(other),
    };

    /// <summary>Create folder</summary>
    [Command("mkdir")]
    public Result MakeDirectory([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Done(Run(arguments, "mkdir"));

    /// <summary>Move or rename</summary>
    [Command("mv|rename")]
    public Result Move([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Done(Run(arguments, "mv"));

    /// <summary>Copy on server</summary>
    [Command("cp")]
    public Result Copy([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Done(Run(arguments, "cp"));

    /// <summary>Delete</summary>
    [Command("rm|delete")]
    public Result Remove([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Done(Run(arguments, "rm"));

    /// <summary>File system usage</summary>
    [Command("df")]
    public Result DiskFree([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Result.Auto(Run(arguments, "df"));

    /// <summary>Disk usage of a path</summary>
    [Command("du")]
    public Result DiskUsage([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Result.Auto(Run(arguments, "du"));

    /// <summary>Checksum of a file</summary>
    [Command("md5sum")]
    public Result Md5([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Result.Auto(Run(arguments, "md5sum"));

    /// <summary>Server system information</summary>
    [Command("info")]
    public Result Info([Argument("ascmd command arguments", Name = "path", Multiple = true)] IReadOnlyList<string>? arguments = null) => Result.Auto(Run(arguments, "info"));

    /// <summary>ascli's <c>Main.result_success</c>.</summary>
    private static Result Done(JsonNode? _) => Result.Status("complete");

    private JsonNode? Run(IReadOnlyList<string>? arguments, string operation)
    {
        using var session = new ServerFileAccess(plugin).Open();
        return session.Execute(operation, [.. arguments ?? []]);
    }
}
