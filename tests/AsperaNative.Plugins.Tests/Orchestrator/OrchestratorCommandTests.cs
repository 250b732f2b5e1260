using System.Text.Json.Nodes;
using AsperaNative.Emulators.Orchestrator;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Orchestrator;

/// <summary><c>ascli orchestrator</c> against the Orchestrator emulator (JSON and XML answers, return and auth styles).</summary>
public sealed class OrchestratorCommandTests : IAsyncLifetime
{
    private const string User = "orch_admin", Password = "0rch!";
    private readonly CliHome _home = new();
    private OrchestratorEmulator _orch = null!;

    public async Task InitializeAsync()
    {
        _orch = await OrchestratorEmulator.StartAsync();
        _orch.AddUser(User, Password).AddPlugin("Core", "4.1.0").AddProcess(1, "workflow_manager", "running").AddProcess(2, "monitor", "stopped");
        _orch.AddWorkflow(12, "Transcode", "transcoding").Input("Param", optional: false).Output("ResultStep", "Complete_status_message", "done with {Param}");
        _orch.AddWorkflow(13, "Archive").PublishedStatus = "draft";
    }

    private RunOutput Run(params string[] args)
        => _home.Run(["orchestrator", $"--url={_orch.Url}", "--insecure=yes", $"--username={User}", $"--password={Password}", .. args]);

    private static JsonNode Json(RunOutput run)
    {
        Assert.True(run.Exit == 0, run.Err);
        return JsonNode.Parse(run.Out)!;
    }

    [Theory]
    [InlineData("arg", "GET /aspera/orchestrator/api/workflows_list/0?format=json")]
    [InlineData("ext", "GET /aspera/orchestrator/api/workflows_list/0.json")]
    [InlineData("header", "GET /aspera/orchestrator/api/workflows_list/0")]
    public void Workflow_list_in_each_return_style(string style, string request)
    {
        var run = Run("workflow", "list", $"--ret-style={style}", "--format=csv", "--fields=id,name,published_status");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("12,Transcode,published\n13,Archive,draft\n", run.Out);
        Assert.Equal(request, _orch.Http.RequestLines()[^1]);
    }

    [Fact]
    public void Credentials_as_query_parameters_come_last()
    {
        var run = Run("workflow", "list", "--auth-style=arg_pass", "--format=csv", "--fields=id");
        Assert.Equal("12\n13\n", run.Out);
        Assert.Equal("GET /aspera/orchestrator/api/workflows_list/0?format=json&login=orch_admin&password=0rch%21", _orch.Http.RequestLines()[^1]);
        Assert.Equal("", _orch.Http.Requests[^1].Authorization);
        Assert.Equal("ERROR: Other(RuntimeError): Not implemented", Run("workflow", "list", "--auth-style=apikey").Error);
    }

    [Fact]
    public void Status_details_inputs_and_export()
    {
        var all = Json(Run("workflow", "status", "ALL", "--format=json")).AsArray();
        Assert.Equal(2, all.Count);
        Assert.Equal("GET /aspera/orchestrator/api/workflows_status?format=json", _orch.Http.RequestLines()[^1]);
        Assert.Single(Json(Run("workflow", "status", "12", "--format=json")).AsArray());
        Assert.IsType<JsonArray>(Json(Run("workflow", "details", "12", "--format=json")));
        var inputs = Json(Run("workflow", "inputs", "12", "--format=json"));
        Assert.Contains("Param", inputs.ToJsonString());
        var export = Run("workflow", "export", "12");
        Assert.True(export.Exit == 0, export.Err);
        Assert.StartsWith("<", export.Out.TrimStart());
        Assert.Equal("GET /aspera/orchestrator/api/export_workflow/12", _orch.Http.RequestLines()[^1]);
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", Run("workflow", "inputs", "%name:x").Error);
        Assert.Equal("ERROR: Argument: missing argument: identifier (String)", Run("workflow", "details").Error);
    }

    [Fact]
    public void Start_synchronous_with_a_result()
    {
        var run = Run("workflow", "start", "12", "@json:{\"Param\":\"x\"}", "--result=ResultStep:Complete_status_message");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("done with x\n", run.Out);
        Assert.Equal("GET /aspera/orchestrator/api/initiate/12?format=json&external_parameters%5BParam%5D=x&explicit_output_step=ResultStep&explicit_output_variable=Complete_status_message&synchronous=true",
            _orch.Http.RequestLines()[^1]);
    }

    [Fact]
    public void Start_asynchronous_gives_the_work_order_and_errors_their_details()
    {
        var order = Json(Run("workflow", "start", "12", "@json:{\"Param\":\"x\"}", "--format=json"));
        Assert.Contains("work_order", order.ToJsonString());
        var missing = Run("workflow", "start", "12");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("ERROR: Rest: Missing required run-time parameters", missing.Error);
        Assert.Contains("missing parameter: Param", missing.Err);
        Assert.Equal("ERROR: Argument: Expects: work_step:result_name : nocolon", Run("workflow", "start", "12", "--result=nocolon").Error);
        Assert.Equal("ERROR: Argument: Argument external_parameters (Hash) is a String but must be Hash", Run("workflow", "start", "12", "text").Error);
    }

    [Fact]
    public void Processes_plugins_info_health()
    {
        var processes = Run("processes", "--format=csv");
        Assert.True(processes.Exit == 0, processes.Err);
        Assert.Equal("1,workflow_manager,running\n2,monitor,stopped\n", processes.Out);
        Assert.Equal("GET /aspera/orchestrator/api/processes_status?format=xml", _orch.Http.RequestLines()[^1]);
        Assert.Contains("Core", Run("plugins", "--format=json").Out);
        Assert.Equal(OrchestratorEmulator.Version, Json(Run("info", "--format=json"))["orchestrator-version"]!.ToString());
        var health = Run("health", "--format=nagios");
        Assert.Equal($"OK - [api:accessible,version {OrchestratorEmulator.Version}]", health.Out.Trim());
        _orch.Unavailable = true;
        var down = Run("health", "--format=nagios");
        Assert.Equal(2, down.Exit);
        Assert.Equal($"CRITICAL - [node api:127.0.0.1:{_orch.Http.Port} 503 Service Unavailable]", down.Out.Trim());
    }

    [Fact]
    public void Username_is_read_before_url()
        => Assert.Equal("ERROR: Argument: Missing mandatory option: username", _home.Run("orchestrator", "info").Error);

    public async Task DisposeAsync()
    {
        await _orch.DisposeAsync();
        _home.Dispose();
    }
}
