// Faspex 5 top-level commands: version ({url}/api/v5/version), health ({url}/health, unauthenticated),
// bearer_token (the OAuth token of JWT or web authentication). docs/products/faspex5.md §5.1-5.3.
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Faspex5.Commands;

/// <summary>Server information and tokens</summary>
[CommandGroup("faspex5")]
internal sealed class Faspex5Commands(Faspex5Plugin plugin)
{
    /// <summary>Server version</summary>
    [Command("version")]
    public async Task<Result> Version()
        => Result.SingleObject(await (await plugin.ApiAsync()).Rest.ReadAsync("version") as JsonObject ?? []);

    /// <summary>Health check</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var connection = await plugin.ConnectionAsync();
        var nagios = new NagiosChecks();
        try
        {
            // not below the API and without authorization
            var answer = await plugin.Rest.Create(connection.BaseUrl).ReadAsync("health");
            if (answer is JsonObject o)
                foreach (var (component, value) in o) nagios.Ok(component, Faspex5Plugin.Text(value));
            else
                throw CliException.Other("NoMethodError", $"undefined method 'each' for {Core.Values.RubyInspect.Inspect(answer)}");
        }
        catch (CliException e)
        {
            nagios.Critical("faspex api", e.Message);
        }
        return nagios.Result;
    }

    /// <summary>Print an OAuth bearer token</summary>
    [Command("bearer_token")]
    public async Task<Result> BearerToken()
    {
        var connection = await plugin.ConnectionAsync();
        var oauth = connection.OAuth ?? throw CliException.Assertion("no OAuth defined");
        return Result.Text(await oauth.GetAuthorizationAsync(false, CancellationToken.None));
    }
}

/// <summary>Current user</summary>
[CommandGroup("faspex5 user")]
internal sealed class UserCommands(Faspex5Plugin plugin)
{
    /// <summary>Show account</summary>
    [Command("account")]
    public async Task<Result> Account()
        => Result.SingleObject(await (await plugin.ApiAsync()).Rest.ReadAsync("account") as JsonObject ?? []);
}

/// <summary>Preferences</summary>
[CommandGroup("faspex5 user profile")]
internal sealed class ProfileCommands(Faspex5Plugin plugin)
{
    /// <summary>Show the preferences</summary>
    [Command("show")]
    public async Task<Result> Show()
        => Result.SingleObject(await (await plugin.ApiAsync()).Rest.ReadAsync("account/preferences") as JsonObject ?? []);

    /// <summary>Modify the preferences</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("modified parameters", Name = "params")] JsonObject parameters)
    {
        await (await plugin.ApiAsync()).Rest.UpdateAsync("account/preferences", parameters);
        return Result.Status("modified");
    }
}
