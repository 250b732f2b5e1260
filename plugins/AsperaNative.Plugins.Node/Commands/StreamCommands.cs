using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>FASPStream sessions</summary>
[CommandGroup("node stream")]
internal sealed class StreamCommands(NodePlugin plugin, CommandOptions options)
{
    /// <summary>List stream transfers</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ObjectList(await plugin.Api.ReadAsync("ops/transfers", options.Query?.DeepClone()) as JsonArray ?? [], ["id", "status"]);

    /// <summary>Create a stream</summary>
    [Command("create")]
    public async Task<Result> Create([Argument("creation data", Name = "params")] JsonObject data) => Result.SingleObject(await plugin.Api.CreateAsync("streams", data) as JsonObject ?? []);

    /// <summary>Show a stream transfer</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("transfer id", Name = "id")] string id) => new(ResultKind.OtherStruct, await plugin.Api.ReadAsync($"ops/transfers/{id}"));

    /// <summary>Modify a stream</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("transfer id", Name = "id")] string id, [Argument("parameters for modify", Name = "params")] JsonObject data)
        => new(ResultKind.OtherStruct, await plugin.Api.UpdateAsync($"streams/{id}", data));

    /// <summary>Cancel a stream</summary>
    [Command("cancel")]
    public async Task<Result> Cancel([Argument("transfer id", Name = "id")] string id) => new(ResultKind.OtherStruct, await plugin.Api.DeleteAsync($"streams/{id}"));
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
    public async Task<Result> Create([Argument("creation data", Name = "params")] JsonObject data)
    {
        var created = await plugin.Api.CreateAsync("rund/services", data);
        return Result.Status($"{created?["id"]} created");
    }

    /// <summary>Delete a service</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        await plugin.Api.DeleteAsync($"rund/services/{id}");
        return Result.Status($"{id} deleted");
    }
}

/// <summary>Watch folders (v3 API)</summary>
[CommandGroup("node watch_folder")]
internal sealed class WatchFolderCommands(NodePlugin plugin, CommandOptions options)
{
    private const string Path = "v3/watchfolders";

    // the node refuses older configuration formats ("Unable to convert 2016_09_14 configuration")
    private AsperaNative.NodeApi.Api.NodeApiClient Api => plugin.Api.WithHeader("X-aspera-WF-version", "2017_10_23");

    /// <summary>Create</summary>
    [Command("create")]
    public async Task<Result> Create([Argument("creation data", Name = "params")] JsonObject data)
        => Result.Status($"{(await Api.CreateAsync(Path, data))?["id"]} created");

    /// <summary>List ids</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ValueList((await Api.ReadAsync(Path, options.Query?.DeepClone()))?["ids"]?.DeepClone() as JsonArray ?? [], "id");

    /// <summary>Show</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id")] string id) => Result.SingleObject(await Api.ReadAsync($"{Path}/{InstanceIdentifier.Plain(id)}") as JsonObject ?? []);

    /// <summary>Modify (values from --query)</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        var query = options.Query ?? throw CliException.BadArgument("Missing mandatory option: query");
        await Api.UpdateAsync($"{Path}/{id}", query.DeepClone());
        return Result.Status($"{id} updated");
    }

    /// <summary>Delete</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        await Api.DeleteAsync($"{Path}/{id}");
        return Result.Status($"{id} deleted");
    }

    /// <summary>State</summary>
    [Command("state")]
    public async Task<Result> State([Argument("identifier", Name = "id")] string id) => Result.SingleObject(await Api.ReadAsync($"{Path}/{InstanceIdentifier.Plain(id)}/state") as JsonObject ?? []);
}
