using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>FASPStream sessions</summary>
[CommandGroup("node stream")]
internal sealed class StreamCommands(NodePlugin plugin)
{
    /// <summary>List stream transfers</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ObjectList(await plugin.Api.ReadAsync("ops/transfers", plugin.Global.Query?.DeepClone()) as JsonArray ?? [], ["id", "status"]);

    /// <summary>Create a stream</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c) => Result.SingleObject(await plugin.Api.CreateAsync("streams", Hash(c, "creation data")) as JsonObject ?? []);

    /// <summary>Show a stream transfer</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext c) => new(ResultKind.OtherStruct, await plugin.Api.ReadAsync($"ops/transfers/{c.Args.NextString("transfer id")}"));

    /// <summary>Modify a stream</summary>
    [Command("modify")]
    public async Task<Result> Modify(CommandContext c)
    {
        string id = c.Args.NextString("transfer id");
        return new(ResultKind.OtherStruct, await plugin.Api.UpdateAsync($"streams/{id}", Hash(c, "modification data")));
    }

    /// <summary>Cancel a stream</summary>
    [Command("cancel")]
    public async Task<Result> Cancel(CommandContext c) => new(ResultKind.OtherStruct, await plugin.Api.DeleteAsync($"streams/{c.Args.NextString("transfer id")}"));

    internal static JsonObject Hash(CommandContext c, string description)
        => c.Args.NextValue(description) as JsonObject ?? throw CliException.BadArgument($"{description}: expecting Hash");
}

/// <summary>Node services (rund)</summary>
[CommandGroup("node service")]
internal sealed class ServiceCommands(NodePlugin plugin)
{
    /// <summary>List services</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ObjectList((await plugin.Api.ReadAsync("rund/services"))?["services"] as JsonArray ?? []);

    /// <summary>Create a service</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c)
    {
        var created = await plugin.Api.CreateAsync("rund/services", c.Args.NextValue("Run creation data (structure)"));
        return Result.Status($"{created?["id"]} created");
    }

    /// <summary>Delete a service</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c)
    {
        string id = c.Args.NextIdentifier("identifier");
        await plugin.Api.DeleteAsync($"rund/services/{id}");
        return Result.Status($"{id} deleted");
    }
}

/// <summary>Watch folders (v3 API)</summary>
[CommandGroup("node watch_folder")]
internal sealed class WatchFolderCommands(NodePlugin plugin)
{
    private const string Path = "v3/watchfolders";

    // the node refuses older configuration formats ("Unable to convert 2016_09_14 configuration")
    private AsperaNative.NodeApi.Api.NodeApiClient Api => plugin.Api.WithHeader("X-aspera-WF-version", "2017_10_23");

    /// <summary>Create</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext c)
        => Result.Status($"{(await Api.CreateAsync(Path, StreamCommands.Hash(c, "creation data")))?["id"]} created");

    /// <summary>List ids</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ValueList((await Api.ReadAsync(Path, plugin.Global.Query?.DeepClone()))?["ids"]?.DeepClone() as JsonArray ?? [], "id");

    /// <summary>Show</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext c) => Result.SingleObject(await Api.ReadAsync($"{Path}/{c.Args.NextIdentifier("identifier")}") as JsonObject ?? []);

    /// <summary>Modify (values from --query)</summary>
    [Command("modify")]
    public async Task<Result> Modify(CommandContext c)
    {
        string id = c.Args.NextIdentifier("identifier");
        var query = plugin.Global.Query ?? throw CliException.BadArgument("Missing mandatory option: query");
        await Api.UpdateAsync($"{Path}/{id}", query.DeepClone());
        return Result.Status($"{id} updated");
    }

    /// <summary>Delete</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext c)
    {
        string id = c.Args.NextIdentifier("identifier");
        await Api.DeleteAsync($"{Path}/{id}");
        return Result.Status($"{id} deleted");
    }

    /// <summary>State</summary>
    [Command("state")]
    public async Task<Result> State(CommandContext c) => Result.SingleObject(await Api.ReadAsync($"{Path}/{c.Args.NextIdentifier("identifier")}/state") as JsonObject ?? []);
}
