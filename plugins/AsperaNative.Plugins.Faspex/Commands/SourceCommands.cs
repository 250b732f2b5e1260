using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Faspex.Commands;

/// <summary>Remote sources</summary>
[CommandGroup("faspex source")]
internal sealed class SourceCommands(FaspexPlugin plugin)
{
    /// <summary>List sources</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ObjectList(await plugin.SourcesAsync());

    /// <summary>Storage info of a source (--storage)</summary>
    [Command("info")]
    public async Task<Result> Info([Argument("identifier", Name = "id")] string id) => Result.SingleObject(await plugin.SourceStorageAsync(id));
}
