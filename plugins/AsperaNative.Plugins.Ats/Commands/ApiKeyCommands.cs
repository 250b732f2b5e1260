using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Ats.Commands;

/// <summary>ATS API keys of the IBM Cloud account</summary>
[CommandGroup("ats api_key")]
internal sealed class ApiKeyCommands(AtsPlugin plugin, AppLog log)
{
    /// <summary>List the ATS service instances of the account</summary>
    [Command("instances")]
    public async Task<Result> Instances()
    {
        var answer = await plugin.IbmApi().ReadAsync("instances") as JsonObject ?? [];
        if (RubyToS.Of(answer["remaining"]) is var remaining && remaining is not ("" or "0")) log.Warn($"more instances remaining: {remaining}");
        return new Result(ResultKind.ValueList, answer["data"]?.DeepClone(), null, "instance");
    }

    /// <summary>Create an API key</summary>
    [Command("create")]
    public async Task<Result> Create(CommandContext context, [Argument("parameters for create", Name = "params")] JsonObject? parameters = null)
        => Result.Auto(await (await InstanceApi(context)).CreateAsync("api_keys", parameters ?? []));

    /// <summary>List the API keys of the instance</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext context)
    {
        var answer = await (await InstanceApi(context)).ReadAsync("api_keys", new JsonObject { ["offset"] = 0, ["max_results"] = 1000 });
        return new Result(ResultKind.ValueList, (answer as JsonObject)?["data"]?.DeepClone(), null, "ats_id");
    }

    /// <summary>Show an API key</summary>
    [Command("show")]
    public async Task<Result> Show(CommandContext context, [Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        return Result.Auto(await (await InstanceApi(context)).ReadAsync($"api_keys/{id}"));
    }

    /// <summary>Delete an API key</summary>
    [Command("delete")]
    public async Task<Result> Delete(CommandContext context, [Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        await (await InstanceApi(context)).DeleteAsync($"api_keys/{id}");
        return Result.Status($"deleted {id}");
    }

    /// <summary>The v2 API on the instance of --instance, else the account's first one (said in a status line).</summary>
    private async Task<RestClient> InstanceApi(CommandContext context)
    {
        string? instance = plugin.Options.Instance;
        if (instance is null)
        {
            var answer = await plugin.IbmApi().ReadAsync("instances") as JsonObject ?? [];
            instance = RubyToS.Of((answer["data"] as JsonArray)?.FirstOrDefault());
            context.Status($"using first instance: {instance}");
        }
        return plugin.IbmApi(instance);
    }
}
