using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AsperaNative.Emulators.Orchestrator;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Orchestrator;

public sealed class OrchestratorEmulatorTests : IAsyncLifetime
{
    private OrchestratorEmulator _orch = null!;
    private readonly HttpClient _http = Client();

    public async Task InitializeAsync()
    {
        _orch = await OrchestratorEmulator.StartAsync();
        _orch.AddUser("orch_admin", "0rch!").AddProcess(1, "workflow_manager", "running").AddProcess(2, "monitor", "stopped").AddPlugin("Ruby", "1.0");
        _orch.AddWorkflow(12, "Transcode", "transcoding").Input("Param", optional: false).Output("ResultStep", "Complete_status_message", "Hello {Param}");
        _orch.AddWorkflow(13, "Archive").PublishedStatus = "draft";
    }

    private Task<HttpResponseMessage> Get(string pathAndQuery, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _orch.Url + "/api/" + pathAndQuery) { Headers = { Authorization = Basic("orch_admin", "0rch!") } };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Workflow_list_in_json_by_argument_extension_or_header_and_xml_by_default()
    {
        foreach (var answer in new[] { await Get("workflows_list/0?format=json"), await Get("workflows_list/0.json"), await Get("workflows_list/0", "application/json") })
        {
            Assert.Equal("application/json; charset=utf-8", answer.Content.Headers.ContentType!.ToString());
            var list = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["workflows"]!["workflow"]!.AsArray();
            Assert.Equal(["Transcode", "Archive"], list.Select(w => w!["name"]!.ToString()));
            Assert.Null(list[1]!["published_revision_id"]);
        }
        var xml = XDocument.Parse(await (await Get("workflows_list/0")).Content.ReadAsStringAsync());
        Assert.Equal("workflows", xml.Root!.Name.LocalName);
        Assert.Equal(["12", "13"], xml.Root.Elements("workflow").Select(w => w.Element("id")!.Value));
        Assert.Equal("true", xml.Root.Elements("workflow").Last().Element("published_revision_id")!.Attribute("nil")!.Value);
    }

    [Fact]
    public async Task Processes_are_xml_only()
    {
        var answer = await Get("processes_status?format=json");
        var xml = XDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(["workflow_manager", "monitor"], xml.Root!.Elements("process").Select(p => p.Element("name")!.Value));
    }

    [Fact]
    public async Task Initiate_synchronous_with_explicit_output_answers_the_variable_as_text()
    {
        var answer = await Get("initiate/12?format=json&external_parameters%5BParam%5D=world&explicit_output_step=ResultStep&explicit_output_variable=Complete_status_message&synchronous=true");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("text/plain", answer.Content.Headers.ContentType!.ToString());
        Assert.Equal("Hello world", await answer.Content.ReadAsStringAsync());
        var async = JsonNode.Parse(await (await Get("initiate/12?format=json&external_parameters%5BParam%5D=x")).Content.ReadAsStringAsync())!;
        Assert.Equal("Queued", async["work_order"]!["status"]!.ToString());
        var details = JsonNode.Parse(await (await Get("workflow_details/12?format=json")).Content.ReadAsStringAsync())!;
        Assert.Equal(2, details["workflows"]!["workflow"]!["statuses"]!.AsArray().Count);
    }

    [Fact]
    public async Task Refused_work_order_names_the_missing_parameters()
    {
        var answer = await Get("initiate/12?format=json");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal("Missing required run-time parameters", body["work_order"]!["statusDetails"]!.ToString());
        Assert.Equal("Param", body["missing_parameters"]![0]!.ToString());
    }

    [Fact]
    public async Task Credentials_in_the_query_work_and_errors_are_html_pages()
    {
        var byArgs = await _http.GetAsync(_orch.Url + "/api/remote_node_ping?format=xml&login=orch_admin&password=0rch%21");
        Assert.Equal(OrchestratorEmulator.Version, XDocument.Parse(await byArgs.Content.ReadAsStringAsync()).Root!.Element("orchestrator-version")!.Value);
        var denied = await _http.GetAsync(_orch.Url + "/api/remote_node_ping?login=orch_admin&password=bad");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.StartsWith("text/html", denied.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Get("workflow_inputs_spec/77?format=json")).StatusCode);
        _orch.Unavailable = true;
        var down = await Get("remote_node_ping?format=xml");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("Service Unavailable", await down.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _orch.DisposeAsync();
    }
}
