using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Faspio.Commands;

/// <summary>The gateway's health</summary>
[CommandGroup("faspio")]
internal sealed class FaspioCommands(FaspioPlugin plugin)
{
    /// <summary>Nagios-style health check of the gateway (its ping answers an empty object)</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var api = plugin.Api;
        var nagios = new NagiosChecks();
        try
        {
            if (await api.ReadAsync("ping") is JsonObject { Count: 0 }) nagios.Ok("api", "answered ok");
            else nagios.Critical("api", "not expected answer");
        }
        catch (CliException e)
        {
            nagios.Critical("api", e.Message);
        }
        return nagios.Result;
    }
}
