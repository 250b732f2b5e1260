using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Alee.Commands;

/// <summary>The entitlement and the service health</summary>
[CommandGroup("alee")]
internal sealed class AleeCommands(AleePlugin plugin)
{
    /// <summary>Show the entitlement of --username (entitlement id) and --password (customer id)</summary>
    [Command("entitlement")]
    public async Task<Result> Entitlement() => Result.SingleObject(await plugin.Entitled().EntitlementAsync());

    /// <summary>Nagios-style health check of the metering API</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var nagios = new NagiosChecks();
        try
        {
            string body = await plugin.Anonymous().PingAsync();
            if (body != "pong") throw CliException.Runtime($"unexpected response: {body}");
            nagios.Ok("api", "answered ok");
        }
        catch (CliException e)
        {
            nagios.Critical("api", e.Message);
        }
        return nagios.Result;
    }
}
