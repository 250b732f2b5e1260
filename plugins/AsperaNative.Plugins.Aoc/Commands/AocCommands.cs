using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc.Commands;

/// <summary>The organization and its service</summary>
[CommandGroup("aoc")]
internal sealed class AocCommands(AocPlugin plugin, RestFactory rest, BasicAuthOptions basic, NodeApi.NodeOptions node, AocOptions aoc)
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

    /// <summary>Start a Faspex 4 API gateway to AoC</summary>
    [Command("gateway")]
    public async Task<Result> Gateway([Argument("parameters for gateway", Name = "url")] string url)
    {
        var uri = new Uri(url);
        var (workspace, _, _) = await plugin.HomeLocationAsync();
        using var stop = new CancellationTokenSource();
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, s => { s.Cancel = true; stop.Cancel(); });
        using var hangup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, s => { s.Cancel = true; stop.Cancel(); });
        await new Api.FaspexGateway(plugin.Aoc, aoc, workspace, node.DefaultPorts != false).RunAsync(uri, stop.Token);
        return Result.Status("Gateway terminated");
    }

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };
}
