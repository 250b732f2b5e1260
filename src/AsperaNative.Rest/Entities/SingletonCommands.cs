using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Rest.Entities;

/// <summary>The commands of a singleton resource (ascli's <c>entity_command</c> with <c>is_singleton</c>)</summary>
[CommandGroup("singleton")]
internal sealed class SingletonCommands(Singleton singleton, CommandOptions options, PluginContext context)
{
    private Entity Resource => singleton.Resource;

    /// <summary>Refused: a singleton cannot be created</summary>
    [Command("create")]
    public Result Create() => throw CliException.Runtime("cannot create singleton");

    /// <summary>Refused: a singleton cannot be deleted</summary>
    [Command("delete")]
    public Result Delete() => throw CliException.Runtime("cannot delete singleton");

    /// <summary>Show {name} (filter with --query)</summary>
    [Command("list")]
    public Task<Result> List() => new EntityCommands(Resource, options, context).List();

    /// <summary>Modify {name}</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("parameters for modify", Name = "params", Types = "Hash")] JsonNode parameters)
    {
        JsonNode body = options.Property is { } property ? new JsonObject { [property] = parameters.DeepClone() } : parameters;
        await Resource.Api.UpdateAsync(Resource.Path, body);
        return Result.Status("modified");
    }

    /// <summary>Show {name}</summary>
    [Command("show")]
    public async Task<Result> Show() => Result.SingleObject(await Resource.Api.ReadAsync(Resource.Path) as JsonObject ?? []);
}
