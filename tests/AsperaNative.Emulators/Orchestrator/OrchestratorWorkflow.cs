using System.Globalization;
using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Orchestrator;

/// <summary>A run-time input of a workflow (<c>external_parameters[name]</c>).</summary>
public sealed record WorkflowInput(string Name, string ValueType = "string", bool Optional = true, string? Default = null);

/// <summary>
/// A workflow of the emulated Orchestrator: its list entry, run-time inputs, and the output variables
/// its steps produce (templates where <c>{Input}</c> is replaced by the work order's input value).
/// </summary>
public sealed class OrchestratorWorkflow(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public string PortableId { get; init; } = $"wf-{id:D4}";
    public string PublishedStatus { get; set; } = "published";
    public int LatestRevisionId { get; set; } = 1;
    public string Description { get; init; } = "";
    public DateTime LastModification { get; init; } = new(2024, 4, 1, 10, 0, 0, DateTimeKind.Utc);
    public List<WorkflowInput> Inputs { get; } = [];
    /// <summary>Step name → variable name → value template.</summary>
    public Dictionary<string, Dictionary<string, string>> Outputs { get; } = new(StringComparer.Ordinal);

    public OrchestratorWorkflow Input(string name, string valueType = "string", bool optional = true, string? defaultValue = null)
    {
        Inputs.Add(new WorkflowInput(name, valueType, optional, defaultValue));
        return this;
    }

    public OrchestratorWorkflow Output(string step, string variable, string template)
    {
        if (!Outputs.TryGetValue(step, out var variables)) Outputs[step] = variables = new(StringComparer.Ordinal);
        variables[variable] = template;
        return this;
    }

    internal JsonObject ListEntry() => new()
    {
        ["id"] = Id,
        ["portable_id"] = PortableId,
        ["name"] = Name,
        ["published_status"] = PublishedStatus,
        ["published_revision_id"] = PublishedStatus == "published" ? LatestRevisionId : null,
        ["latest_revision_id"] = LatestRevisionId,
        ["last_modification"] = LastModification.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["description"] = Description,
    };

    internal JsonObject InputsSpec() => new()
    {
        ["workflow_id"] = Id,
        ["time"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["parameter"] = new JsonArray([.. Inputs.Select((input, i) => (JsonNode)new JsonObject
        {
            ["name"] = input.Name,
            ["value_type"] = input.ValueType,
            ["optional"] = input.Optional,
            ["value"] = input.Default,
            ["id"] = Id * 100 + i,
        })]),
        ["action"] = "inputs_spec",
        ["workflow_name"] = Name,
    };

    /// <summary>The workflow definition as the editor exports it.</summary>
    internal string ExportXml()
    {
        var steps = string.Concat(Outputs.Keys.Select((step, i) => $"<step id=\"{i + 1}\"><name>{System.Security.SecurityElement.Escape(step)}</name><action>Ruby</action></step>"));
        var inputs = string.Concat(Inputs.Select(i => $"<input name=\"{System.Security.SecurityElement.Escape(i.Name)}\" type=\"{i.ValueType}\" optional=\"{(i.Optional ? "true" : "false")}\"/>"));
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workflow portable_id=\"{PortableId}\" revision=\"{LatestRevisionId}\"><name>{System.Security.SecurityElement.Escape(Name)}</name><description>{System.Security.SecurityElement.Escape(Description)}</description><inputs>{inputs}</inputs><steps>{steps}</steps></workflow>\n";
    }
}
