using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Httpgw.Commands;

/// <summary>The gateway's information and health</summary>
[CommandGroup("httpgw")]
internal sealed class HttpgwCommands(HttpgwPlugin plugin)
{
    /// <summary>Show the gateway's information (version, endpoints)</summary>
    [Command("info")]
    public async Task<Result> Info() => Result.SingleObject((await plugin.ConnectAsync(plugin.Url)).Info);

    /// <summary>Nagios-style health check of the gateway</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        string url = plugin.Url;
        var nagios = new NagiosChecks();
        try
        {
            await plugin.ConnectAsync(url);
            nagios.Ok("api", "answered ok");
        }
        catch (CliException e)
        {
            nagios.Critical("api", e.Message);
        }
        return nagios.Result;
    }
}
