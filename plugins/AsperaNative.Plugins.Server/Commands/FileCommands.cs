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
    public Result List(CommandContext context) => Run(context, "ls") switch
    {
        JsonArray list => Result.ObjectList(list, ListFields),
        var other => Result.Auto(other),
    };

    /// <summary>Create folder</summary>
    [Command("mkdir")]
    public Result MakeDirectory(CommandContext context) => Done(Run(context, "mkdir"));

    /// <summary>Move or rename</summary>
    [Command("mv|rename")]
    public Result Move(CommandContext context) => Done(Run(context, "mv"));

    /// <summary>Copy on server</summary>
    [Command("cp")]
    public Result Copy(CommandContext context) => Done(Run(context, "cp"));

    /// <summary>Delete</summary>
    [Command("rm|delete")]
    public Result Remove(CommandContext context) => Done(Run(context, "rm"));

    /// <summary>File system usage</summary>
    [Command("df")]
    public Result DiskFree(CommandContext context) => Result.Auto(Run(context, "df"));

    /// <summary>Disk usage of a path</summary>
    [Command("du")]
    public Result DiskUsage(CommandContext context) => Result.Auto(Run(context, "du"));

    /// <summary>Checksum of a file</summary>
    [Command("md5sum")]
    public Result Md5(CommandContext context) => Result.Auto(Run(context, "md5sum"));

    /// <summary>Server system information</summary>
    [Command("info")]
    public Result Info(CommandContext context) => Result.Auto(Run(context, "info"));

    /// <summary>ascli's <c>Main.result_success</c>.</summary>
    private static Result Done(JsonNode? _) => Result.Status("complete");

    private JsonNode? Run(CommandContext context, string operation)
    {
        var arguments = context.Args.NextMultiple("ascmd command arguments", mandatory: false)
            .Select(static a => a is JsonValue v && v.TryGetValue(out string? s) ? s : throw CliException.Assertion("arguments must be strings"))
            .ToList();
        using var session = new ServerFileAccess(plugin).Open();
        return session.Execute(operation, arguments);
    }
}
