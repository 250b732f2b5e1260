using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Orchestrator.Commands;

/// <summary>Workflows: list, status, definition, start</summary>
[CommandGroup("orchestrator workflow")]
internal sealed class WorkflowCommands(OrchestratorPlugin plugin)
{
    private static readonly string[] ListFields = ["id", "portable_id", "name", "published_status", "published_revision_id", "latest_revision_id", "last_modification"];

    /// <summary>List workflows</summary>
    [Command("list")]
    public async Task<Result> List() => Lists.Of(Workflows(await plugin.Api.CallAsync("workflows_list", "0")), ListFields);

    /// <summary>Status of a workflow, or of all with ALL</summary>
    [Command("status")]
    public async Task<Result> Status([Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        return Lists.Of(Workflows(await plugin.Api.CallAsync("workflows_status", id == "ALL" ? null : id)));
    }

    /// <summary>Show the status of each step of a workflow</summary>
    [Command("details")]
    public async Task<Result> Details([Argument("identifier", Name = "id")] string id)
        => Lists.Of((Workflows(await plugin.Api.CallAsync("workflow_details", InstanceIdentifier.Plain(id))) as JsonObject)?["statuses"]);

    /// <summary>Show the input specification of a workflow</summary>
    [Command("inputs")]
    public async Task<Result> Inputs([Argument("identifier", Name = "id")] string id)
        => new(ResultKind.SingleObject, ((await plugin.Api.CallAsync("workflow_inputs_spec", InstanceIdentifier.Plain(id))) as JsonObject)?["workflow_inputs_spec"]?.DeepClone());

    /// <summary>Export the definition of a workflow (XML)</summary>
    [Command("export")]
    public async Task<Result> Export([Argument("identifier", Name = "id")] string id)
        => Result.Text((await plugin.Api.SendAsync("export_workflow", InstanceIdentifier.Plain(id), format: null)).Text);

    /// <summary>Start a workflow with its parameters (--synchronous, --result)</summary>
    [Command("start")]
    public async Task<Result> Start([Argument("identifier", Name = "id")] string id, [Argument("external_parameters")] JsonObject? parameters = null)
    {
        id = InstanceIdentifier.Plain(id);
        var options = plugin.Options;
        var query = new JsonObject { ["format"] = "json" };
        foreach (var (name, value) in parameters ?? []) query[$"external_parameters[{name}]"] = RubyToS.Of(value);
        if (options.Synchronous == true) query["synchronous"] = true;
        if (options.Result is { } location)
        {
            // Ruby's split: trailing empty fields dropped
            var parts = location.Split(':').ToList();
            while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
            if (parts.Count != 2) throw CliException.BadArgument($"Expects: work_step:result_name : {location}");
            query["explicit_output_step"] = parts[0];
            query["explicit_output_variable"] = parts[1];
            query["synchronous"] = true;
        }
        bool synchronous = query.ContainsKey("synchronous");
        var answer = await plugin.Api.CallAsync("initiate", id, query: query);
        return synchronous ? new Result(ResultKind.Text, answer) : new Result(ResultKind.SingleObject, answer);
    }

    /// <summary><c>workflows.workflow</c> of an answer.</summary>
    private static JsonNode? Workflows(JsonNode? answer) => ((answer as JsonObject)?["workflows"] as JsonObject)?["workflow"];
}
