using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc.Commands;

/// <summary>The organization and its service</summary>
[CommandGroup("aoc")]
internal sealed class AocCommands(AocPlugin plugin, RestFactory rest, BasicAuthOptions basic)
{
    /// <summary>The global API, reached without login (<c>servers</c>, <c>reminder</c>).</summary>
    private RestClient Global => rest.Create("https://api.ibmaspera.com/api/v1");

    /// <summary>Print an OAuth bearer token</summary>
    [Command("bearer_token")]
    public async Task<Result> BearerToken() => Result.Text(await plugin.Aoc.AuthorizationAsync());

    /// <summary>Show organization information</summary>
    [Command("organization")]
    public async Task<Result> Organization()
        => Result.SingleObject(await (await plugin.Aoc.ApiAsync()).ReadAsync("organization") as JsonObject ?? []);

    /// <summary>Show tier restrictions of organization</summary>
    [Command("tier_restrictions")]
    public async Task<Result> TierRestrictions()
        => Result.SingleObject(await (await plugin.Aoc.ApiAsync()).ReadAsync("tier_restrictions") as JsonObject ?? []);

    /// <summary>List AoC transfer servers</summary>
    [Command("servers")]
    public async Task<Result> Servers()
        => Result.Auto(await Global.CallAsync(new RestRequest("GET", "servers") { Headers = AcceptJson }) is { } r ? r.Data : null);

    /// <summary>Email the list of organizations of --username</summary>
    [Command("reminder")]
    public async Task<Result> Reminder()
    {
        string email = basic.RequiredUsername;
        await Global.CreateAsync("organization_reminders", new JsonObject { ["email"] = email });
        return Result.Status($"List of organizations user is member of, has been sent by e-mail to {email}");
    }

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };
}
