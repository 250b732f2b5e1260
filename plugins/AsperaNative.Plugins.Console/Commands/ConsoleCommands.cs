using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Console.Commands;

/// <summary>Console's health</summary>
[CommandGroup("console")]
internal sealed class ConsoleCommands(ConsolePlugin plugin)
{
    /// <summary>Nagios-style health check: the API answers an authenticated call</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var api = plugin.Api;
        var nagios = new NagiosChecks();
        try
        {
            await api.ReadAsync("ssh_keys");
            nagios.Ok("console api", "accessible");
        }
        catch (CliException e)
        {
            nagios.Critical("console api", e.Message);
        }
        return nagios.Result;
    }
}
