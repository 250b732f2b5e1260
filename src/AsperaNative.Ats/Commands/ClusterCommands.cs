using System.Text.Json.Nodes;
using AsperaNative.Ats.Api;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Ats.Commands;

/// <summary>Public ATS cluster information</summary>
[CommandGroup("ats cluster")]
internal sealed class ClusterCommands(AtsService ats, AtsOptions options)
{
    /// <summary>List the cloud providers ATS runs on</summary>
    [Command("clouds")]
    public Result Clouds()
        => Result.ObjectList(new JsonArray([.. AtsPublicApi.Clouds.Select(static c => (JsonNode?)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })]));

    /// <summary>List the transfer servers of every cloud</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ObjectList(new JsonArray([.. (await ats.Public.AllServersAsync()).Select(static s => s.DeepClone())]), ["id", "cloud", "region"]);

    /// <summary>Show a transfer server, by id or by --cloud and --region</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "server_id")] string? id = null)
    {
        if (options.Cloud is not null || options.Region is not null) return Result.Auto(await ats.ServerByCloudRegionAsync());
        if (id is null) throw CliException.BadArgument("missing argument: identifier (String)");
        var server = await ats.Public.FindServerAsync(s => AtsPublicApi.Text(s, "id") == id) ?? throw CliException.Runtime("no such server id");
        return Result.SingleObject((JsonObject)server.DeepClone());
    }
}
