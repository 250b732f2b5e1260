using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Console.Commands;

/// <summary>Current transfers</summary>
[CommandGroup("console transfer current")]
internal sealed class CurrentTransferCommands(ConsolePlugin plugin, ConsoleOptions options)
{
    /// <summary>List transfers started between --filter-from and --filter-to</summary>
    [Command("list")]
    public async Task<Result> List()
    {
        var api = plugin.Api;
        var query = new JsonObject { ["from"] = options.From, ["to"] = options.To };
        return new Result(ResultKind.ObjectList, await api.ReadAsync("transfers", query), ["id", "contact", "name", "status"]);
    }
}

/// <summary>Smart transfers</summary>
[CommandGroup("console transfer smart")]
internal sealed class SmartTransferCommands(ConsolePlugin plugin)
{
    /// <summary>List smart transfers</summary>
    [Command("list")]
    public async Task<Result> List() => new(ResultKind.ObjectList, await plugin.Api.ReadAsync("smart_transfers"));

    /// <summary>Submit a smart transfer with its parameters</summary>
    [Command("submit")]
    public async Task<Result> Submit([Argument("smart_id")] string id, [Argument("transfer parameters")] string parameters)
        => new(ResultKind.ObjectList, await plugin.Api.CreateAsync($"smart_transfers/{id}", JsonValue.Create(parameters)));
}
