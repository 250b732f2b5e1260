using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Ssh.Ascmd;

/// <summary>
/// The file operations of the ascmd protocol (<c>as_ls</c>, <c>as_mkdir</c>...), their arity (arguments are
/// split into batches of that size, one command line each), and how a whole reply becomes ascli's result.
/// </summary>
public static class AscmdOperations
{
    /// <summary>Operation name and arity (null: all the arguments in one command).</summary>
    public static readonly IReadOnlyDictionary<string, int?> Arity = new Dictionary<string, int?>(StringComparer.Ordinal)
    {
        ["cp"] = 2, ["df"] = 0, ["du"] = 1, ["info"] = null, ["ls"] = 1, ["md5sum"] = 1, ["mkdir"] = 1, ["mv"] = 2, ["rm"] = 1,
    };

    /// <summary>The argument batches of one operation, one per command line.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Batches(string operation, IReadOnlyList<string> arguments)
    {
        int? arity = Arity[operation];
        if (arity is null or 0) return [arguments];
        return arguments.Chunk(arity.Value).Select(static c => (IReadOnlyList<string>)c).ToList();
    }

    /// <summary>
    /// ascli's reading of the reply hash: the always-present system info is set aside, a single file stat
    /// becomes a one-entry listing, the one remaining value is the result (the info if nothing else), and an
    /// error record is raised as ascli's <c>ascmd: errno=… errstr="…"</c> argument error.
    /// </summary>
    public static JsonNode? Finish(Dictionary<string, JsonNode?> reply, string operation, IReadOnlyList<string> arguments)
    {
        reply.Remove("info", out var info);
        if (reply.Remove("file", out var file)) reply["dir"] = new JsonArray(file);
        JsonNode? result = reply.Count switch
        {
            0 => info,
            1 => reply.Values.First(),
            _ => throw CliException.Other("Aspera::InternalError", $"unexpected value: {reply.Count}"),
        };
        if (result is JsonObject { Count: 2 } error && error.ContainsKey("errno") && error.ContainsKey("errstr"))
            throw Error(error["errno"]!.GetValue<long>(), error["errstr"]!.GetValue<string>(), operation, arguments);
        return result;
    }

    /// <summary>An error record of the protocol.</summary>
    public static JsonObject ErrorRecord(int errno, string errstr) => new() { ["errno"] = (long)errno, ["errstr"] = errstr };

    /// <summary>ascli's extended message of an ascmd error, raised as a bad argument.</summary>
    public static CliException Error(long errno, string errstr, string operation, IReadOnlyList<string> arguments)
        => CliException.BadArgument($"ascmd: errno={errno} errstr=\"{errstr}\" command={operation} arguments={string.Join(",", arguments)}");
}
