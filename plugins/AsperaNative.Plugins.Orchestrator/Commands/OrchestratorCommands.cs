using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Orchestrator.Commands;

/// <summary>Orchestrator's health, information, plugins and processes</summary>
[CommandGroup("orchestrator")]
internal sealed class OrchestratorCommands(OrchestratorPlugin plugin)
{
    /// <summary>Nagios-style health check: the server answers its ping, with its version</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var api = plugin.Api;
        var nagios = new NagiosChecks();
        try
        {
            var info = await api.CallAsync("remote_node_ping", format: "xml", xmlArrays: false);
            nagios.Ok("api", "accessible");
            nagios.CheckProductVersion("api", RubyToS.Of((info as JsonObject)?["orchestrator-version"]));
        }
        catch (CliException e)
        {
            nagios.Critical("node api", e.Message);
        }
        return nagios.Result;
    }

    /// <summary>Show the server's information</summary>
    [Command("info")]
    public async Task<Result> Info() => new(ResultKind.SingleObject, await plugin.Api.CallAsync("remote_node_ping", format: "xml", xmlArrays: false));

    /// <summary>List the server's processes and their status</summary>
    [Command("processes")]
    public async Task<Result> Processes() => Lists.Of((await plugin.Api.CallAsync("processes_status", format: "xml") as JsonObject)?["process"]);

    /// <summary>List the installed plugins and their versions</summary>
    [Command("plugins")]
    public async Task<Result> Plugins() => Lists.Of((await plugin.Api.CallAsync("plugin_version") as JsonObject)?["Plugin"]);
}

/// <summary>The object list of a part of an answer, which must be there (ascli's assertion otherwise).</summary>
internal static class Lists
{
    public static Result Of(JsonNode? data, IReadOnlyList<string>? fields = null)
        => data is null ? throw CliException.Assertion("result must have data") : new Result(ResultKind.ObjectList, data.DeepClone(), fields);
}
