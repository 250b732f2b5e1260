using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Shares.Commands;

/// <summary>Health of the Shares application</summary>
[CommandGroup("shares")]
internal sealed class HealthCommands(SharesPlugin plugin)
{
    /// <summary>Nagios-style health check of the Shares API</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var nagios = new NagiosChecks();
        try
        {
            // the ping of the node API needs no authentication; Shares answers exactly one space
            var ping = plugin.Rest.Create($"{plugin.Auth.RequiredUrl}/{SharesPlugin.NodeApiPath}");
            var response = await ping.CallAsync(new RestRequest("GET", "ping") { Text = "", TextContentType = "application/json" });
            if (response.Text != " ") throw CliException.Runtime("Shares not detected");
            nagios.Ok("shares api", "accessible");
        }
        catch (CliException e)
        {
            nagios.Critical("API", e.Message);
        }
        return nagios.Result;
    }
}
