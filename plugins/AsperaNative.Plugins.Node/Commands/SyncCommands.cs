using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.NodeApi.Commands.Gen3;
using AsperaNative.Core.Results;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Legacy async (sync) API; id may be replaced by --sync-name</summary>
[CommandGroup("node async")]
internal sealed class AsyncCommands(NodePlugin plugin, CommandOptions options)
{
    /// <summary>List sync ids</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ValueList((await plugin.Api.ReadAsync("async/list"))?["sync_ids"]?.DeepClone() as JsonArray ?? [], "id");

    /// <summary>Summary of a sync (ALL for all)</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id")] PendingArguments c)
    {
        var (ids, all) = await Ids(c, allowAll: true);
        var summaries = (await plugin.Api.CreateAsync("async/summary", new JsonObject { ["syncs"] = ids }))?["sync_summaries"] as JsonArray ?? [];
        if (summaries.Count == 0) return Result.Empty;
        if (all) return Result.ObjectList((JsonArray)summaries.DeepClone(), ["snid", "name", "local_dir", "remote_dir"]);
        return Result.SingleObject((JsonObject)summaries[0]!.DeepClone());
    }

    /// <summary>Delete a sync (ALL for all)</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("identifier", Name = "id")] PendingArguments c)
    {
        var (ids, _) = await Ids(c, allowAll: true);
        return Result.SingleObject(await plugin.Api.CreateAsync("async/delete", new JsonObject { ["syncs"] = ids }) as JsonObject ?? []);
    }

    /// <summary>Bandwidth of a sync</summary>
    [Command("bandwidth")]
    public async Task<Result> Bandwidth([Argument("identifier", Name = "id")] PendingArguments c)
    {
        var (ids, _) = await Ids(c, allowAll: false);
        var data = (await plugin.Api.CreateAsync("async/bandwidth", new JsonObject { ["syncs"] = ids, ["seconds"] = 100 }))?["bandwidth_data"] as JsonArray ?? [];
        if (data.Count == 0) return Result.Empty;
        return Result.ObjectList(data[0]?[ids[0]!.ToString()]?["data"]?.DeepClone() as JsonArray ?? []);
    }

    /// <summary>Files of a sync (filter --query, --once-only)</summary>
    [Command("files")]
    public async Task<Result> Files([Argument("identifier", Name = "id")] PendingArguments c)
    {
        var (ids, _) = await Ids(c, allowAll: false);
        var body = new JsonObject { ["syncs"] = ids };
        if (options.QueryHash() is { } q) foreach (var (k, v) in q) body[k] = v?.DeepClone();
        var files = (await plugin.Api.CreateAsync("async/files", body))?["sync_files"] as JsonArray ?? [];
        var data = files.Count == 0 ? [] : files[0]?[ids[0]!.ToString()]?.DeepClone() as JsonArray ?? [];
        return data.Count == 0 ? Result.Empty : Result.ObjectList(data);
    }

    /// <summary>Counters of a sync</summary>
    [Command("counters")]
    public async Task<Result> Counters([Argument("identifier", Name = "id")] PendingArguments c)
    {
        var (ids, _) = await Ids(c, allowAll: false);
        var counters = (await plugin.Api.CreateAsync("async/counters", new JsonObject { ["syncs"] = ids }))?["sync_counters"]?[0]?[ids[0]!.ToString()] as JsonArray;
        return counters is { Count: > 0 } && counters[^1] is JsonObject last ? Result.SingleObject((JsonObject)last.DeepClone()) : Result.Empty;
    }

    private async Task<(JsonArray Ids, bool All)> Ids(PendingArguments c, bool allowAll)
    {
        if (plugin.Node.SyncName is { } name)
        {
            var all = (await plugin.Api.ReadAsync("async/list"))?["sync_ids"]?.DeepClone() as JsonArray ?? [];
            var summaries = (await plugin.Api.CreateAsync("async/summary", new JsonObject { ["syncs"] = all }))?["sync_summaries"] as JsonArray ?? [];
            var selected = summaries.OfType<JsonObject>().FirstOrDefault(s => s["name"]?.ToString() == name)
                ?? throw CliException.Runtime($"no such sync: {name}");
            return ([selected["snid"]?.DeepClone()], false);
        }
        string id = InstanceIdentifier.Plain(c.NextString());
        if (id == "ALL" && allowAll)
            return ((await plugin.Api.ReadAsync("async/list"))?["sync_ids"]?.DeepClone() as JsonArray ?? [], true);
        if (!long.TryParse(id, out _)) throw CliException.Other("ArgumentError", $"invalid value for Integer(): \"{id}\"");
        return (new JsonArray(JsonValue.Create(id)), false);
    }
}

/// <summary>New async (sync) API (id or %name:)</summary>
[CommandGroup("node ssync")]
internal sealed class SsyncCommands(NodePlugin plugin, CommandOptions options)
{
    /// <summary>Start sync</summary>
    [Command("start")] public Task<Result> Start([Argument("identifier", Name = "id")] string id) => Action(id, "start");
    /// <summary>Stop sync</summary>
    [Command("stop")] public Task<Result> Stop([Argument("identifier", Name = "id")] string id) => Action(id, "stop");
    /// <summary>Bandwidth information (--query)</summary>
    [Command("bandwidth")] public Task<Result> Bandwidth([Argument("identifier", Name = "id")] string id) => Read(id, "bandwidth", withQuery: true);
    /// <summary>Counters (--query)</summary>
    [Command("counters")] public Task<Result> Counters([Argument("identifier", Name = "id")] string id) => Read(id, "counters", withQuery: true);
    /// <summary>Files (--query)</summary>
    [Command("files")] public Task<Result> Files([Argument("identifier", Name = "id")] string id) => Read(id, "files", withQuery: true);
    /// <summary>State</summary>
    [Command("state")] public Task<Result> State([Argument("identifier", Name = "id")] string id) => Read(id, "state", withQuery: false);
    /// <summary>Summary</summary>
    [Command("summary")] public Task<Result> Summary([Argument("identifier", Name = "id")] string id) => Read(id, "summary", withQuery: false);

    private async Task<Result> Action(string id, string verb)
    {
        await plugin.Api.CallAsync(new RestRequest("POST", $"asyncs/{await plugin.SsyncId(id)}/{verb}") { Text = "" });
        return Result.Status("Done");
    }

    private async Task<Result> Read(string id, string what, bool withQuery)
        => Result.SingleObject(await plugin.Api.ReadAsync($"asyncs/{await plugin.SsyncId(id)}/{what}", withQuery ? options.Query?.DeepClone() ?? new JsonObject() : null) as JsonObject ?? []);
}

/// <summary>Central (transfer monitoring) API; uses --validator</summary>
[CommandGroup("node central session")]
internal sealed class CentralSessionCommands(NodePlugin plugin)
{
    /// <summary>List sessions</summary>
    [Command("list")]
    public async Task<Result> List([Argument("request data", Name = "params")] JsonObject? data = null)
    {
        var request = CentralFileCommands.Request(plugin, data);
        var answer = await plugin.Api.CreateAsync("services/rest/transfers/v1/sessions", request);
        return Result.ObjectList(answer?["session_info_result"]?["session_info"]?.DeepClone() as JsonArray ?? [],
            ["session_uuid", "status", "transport", "direction", "bytes_transferred"]);
    }
}

/// <summary>Files</summary>
[CommandGroup("node central file")]
internal sealed class CentralFileCommands(NodePlugin plugin)
{
    /// <summary>List files of sessions</summary>
    [Command("list")]
    public async Task<Result> List([Argument("request data", Name = "params")] JsonObject? data = null)
    {
        var answer = await plugin.Api.CreateAsync("services/rest/transfers/v1/files", Request(plugin, data));
        if (answer is JsonValue v && JsonScalar.TryGetText(v, out string? text)) answer = JsonNode.Parse(text);
        return Result.ObjectList(answer?["file_transfer_info_result"]?["file_transfer_info"]?.DeepClone() as JsonArray ?? [],
            ["session_uuid", "file_id", "status", "path"]);
    }

    /// <summary>Modify file records</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("request data", Name = "params")] JsonObject? request = null)
    {
        request ??= [];
        if (plugin.Node.Validator is { } validator) request["validator_id"] = validator;
        await plugin.Api.UpdateAsync("services/rest/transfers/v1/files", request);
        return Result.Status("updated");
    }

    internal static JsonObject Request(NodePlugin plugin, JsonObject? request)
    {
        request ??= [];
        if (plugin.Node.Validator is { } validator)
        {
            var validation = request["validation"] as JsonObject ?? [];
            validation["validator_id"] = validator;
            request["validation"] = validation;
        }
        return request;
    }
}
