using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Orchestrator;

/// <summary>
/// IBM Aspera Orchestrator under <c>/aspera/orchestrator</c> (<see cref="Url"/> is the <c>--url</c>):
/// <c>GET api/&lt;endpoint&gt;[/&lt;id&gt;]</c> with credentials as HTTP Basic or <c>login</c>/<c>password</c>
/// query parameters; answer format from the last segment's extension (<c>.json</c>/<c>.xml</c>), the
/// <c>format</c> query parameter or the <c>Accept</c> header, XML by default; <c>processes_status</c> is
/// XML only, <c>plugin_version</c> JSON only. Work orders are started by <c>initiate</c> (asynchronous, or
/// synchronous with <c>explicit_output_step</c>/<c>explicit_output_variable</c> answering the variable as
/// text). Errors: Rails HTML pages (401, 404, 503 when <see cref="Unavailable"/>), JSON
/// <c>{"work_order":{"statusDetails"},"missing_parameters":[…]}</c> for refused work orders.
/// </summary>
public sealed class OrchestratorEmulator : IAsyncDisposable
{
    public const string BasePath = "/aspera/orchestrator";
    public const string Version = "4.1.0.207";

    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<int, OrchestratorWorkflow> _workflows = [];
    private readonly List<(string Name, string Version)> _plugins = [];
    private readonly List<(int Id, string Name, string Status)> _processes = [];
    private readonly Lock _lock = new();
    private EmulatorHost _host = null!;

    public EmulatorHost Http => _host;
    public string Url => _host.Url + BasePath;
    /// <summary>Work orders created by <c>initiate</c>, in order.</summary>
    public List<JsonObject> WorkOrders { get; } = [];
    /// <summary>When true every API call answers the proxy's 503 page.</summary>
    public bool Unavailable { get; set; }

    private OrchestratorEmulator() { }

    public static async Task<OrchestratorEmulator> StartAsync(bool https = true)
    {
        var emulator = new OrchestratorEmulator();
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https);
        return emulator;
    }

    public OrchestratorEmulator AddUser(string login, string password)
    {
        lock (_lock) _users[login] = password;
        return this;
    }

    public OrchestratorWorkflow AddWorkflow(int id, string name, string description = "")
    {
        var workflow = new OrchestratorWorkflow(id, name) { Description = description };
        lock (_lock) _workflows[id] = workflow;
        return workflow;
    }

    public OrchestratorEmulator AddPlugin(string name, string version)
    {
        lock (_lock) _plugins.Add((name, version));
        return this;
    }

    public OrchestratorEmulator AddProcess(int id, string name, string status)
    {
        lock (_lock) _processes.Add((id, name, status));
        return this;
    }

    private void Map(WebApplication app)
    {
        app.MapGet(BasePath + "/api/{**call}", Api);
        app.MapFallback(ctx => RailsPage(ctx, 404));
    }

    private async Task Api(HttpContext ctx, string call)
    {
        if (Unavailable)
        {
            await EmulatorHost.Text(ctx, "<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>", "text/html", 503);
            return;
        }
        // the health check answers anonymous callers too (ascli's detection); wrong credentials are refused
        bool anonymousPing = call.StartsWith("remote_node_ping", StringComparison.Ordinal) && EmulatorHost.Basic(ctx) is null && !ctx.Request.Query.ContainsKey("login");
        if (!anonymousPing && !Authenticated(ctx))
        {
            await RailsPage(ctx, 401);
            return;
        }
        // the extension of the last segment selects the format: workflows_list/0.json, processes_status.xml
        string[] segments = call.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? format = null;
        if (segments.Length > 0 && Path.GetExtension(segments[^1]) is ".json" or ".xml")
        {
            format = Path.GetExtension(segments[^1])[1..];
            segments[^1] = Path.GetFileNameWithoutExtension(segments[^1]);
        }
        format ??= ctx.Request.Query["format"].ToString() switch
        {
            "json" => "json",
            "xml" => "xml",
            _ => ctx.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal) ? "json" : "xml",
        };
        string endpoint = segments.Length > 0 ? segments[0] : "";
        string? id = segments.Length > 1 ? segments[1] : null;
        OrchestratorWorkflow? workflow = null;
        if (id is not null && endpoint != "workflows_list")
        {
            lock (_lock) workflow = int.TryParse(id, CultureInfo.InvariantCulture, out int n) ? _workflows.GetValueOrDefault(n) : null;
            if (workflow is null) { await RailsPage(ctx, 404); return; }
        }
        switch (endpoint)
        {
            case "remote_node_ping" when id is null:
                await Answer(ctx, format, new JsonObject
                {
                    ["remote_orchestrator_info"] = new JsonObject
                    {
                        ["orchestrator-version"] = Version,
                        ["status"] = "running",
                        ["hostname"] = "orchestrator-emulator",
                        ["server-time"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
                    },
                });
                break;
            case "processes_status" when id is null:
                // only exists in XML
                await Answer(ctx, "xml", new JsonObject { ["processes"] = new JsonObject { ["process"] = Processes() } });
                break;
            case "plugin_version" when id is null:
                await Answer(ctx, "json", new JsonObject { ["Plugin"] = Plugins() });
                break;
            case "workflows_list":
                await Answer(ctx, format, new JsonObject { ["workflows"] = new JsonObject { ["workflow"] = new JsonArray([.. Workflows().Select(static w => (JsonNode)w.ListEntry())]) } });
                break;
            case "workflows_status":
                var selected = workflow is null ? Workflows() : [workflow];
                await Answer(ctx, format, new JsonObject { ["workflows"] = new JsonObject { ["action"] = "status", ["workflow"] = new JsonArray([.. selected.Select(w => (JsonNode)Status(w))]) } });
                break;
            case "workflow_details" when workflow is not null:
                await Answer(ctx, format, new JsonObject
                {
                    ["workflows"] = new JsonObject
                    {
                        ["action"] = "details",
                        ["id"] = workflow.Id.ToString(CultureInfo.InvariantCulture),
                        ["workflow"] = new JsonObject { ["id"] = workflow.Id.ToString(CultureInfo.InvariantCulture), ["name"] = workflow.Name, ["statuses"] = Statuses(workflow) },
                    },
                });
                break;
            case "workflow_inputs_spec" when workflow is not null:
                await Answer(ctx, format, new JsonObject { ["workflow_inputs_spec"] = workflow.InputsSpec() });
                break;
            case "export_workflow" when workflow is not null:
                await EmulatorHost.Text(ctx, workflow.ExportXml(), "application/xml; charset=utf-8");
                break;
            case "initiate" when workflow is not null:
                await Initiate(ctx, format, workflow);
                break;
            default:
                await RailsPage(ctx, 404);
                break;
        }
    }

    private bool Authenticated(HttpContext ctx)
    {
        (string User, string Password)? pair = EmulatorHost.Basic(ctx);
        if (pair is null && ctx.Request.Query.ContainsKey("login"))
            pair = (ctx.Request.Query["login"].ToString(), ctx.Request.Query["password"].ToString());
        lock (_lock) return pair is { } p && _users.TryGetValue(p.User, out var password) && password == p.Password;
    }

    private async Task Initiate(HttpContext ctx, string format, OrchestratorWorkflow workflow)
    {
        var query = ctx.Request.Query;
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
            if (key.StartsWith("external_parameters[", StringComparison.Ordinal) && key.EndsWith(']'))
                inputs[key["external_parameters[".Length..^1]] = value.ToString();
        var missing = workflow.Inputs.Where(i => !i.Optional && !inputs.ContainsKey(i.Name)).Select(static i => i.Name).ToList();
        if (workflow.PublishedStatus != "published" || missing.Count > 0)
        {
            var refused = new JsonObject
            {
                ["work_order"] = new JsonObject
                {
                    ["workflow_id"] = workflow.Id,
                    ["status"] = "Failed",
                    ["statusDetails"] = missing.Count > 0 ? "Missing required run-time parameters" : $"Workflow {workflow.Name} is not published",
                },
                ["missing_parameters"] = new JsonArray([.. missing.Select(static m => (JsonNode)m)]),
            };
            await Answer(ctx, format, refused, 400);
            return;
        }
        foreach (var input in workflow.Inputs)
            if (!inputs.ContainsKey(input.Name) && input.Default is not null) inputs[input.Name] = input.Default;
        bool synchronous = query["synchronous"].ToString() == "true";
        string step = query["explicit_output_step"].ToString(), variable = query["explicit_output_variable"].ToString();
        JsonObject order;
        lock (_lock)
        {
            order = new JsonObject
            {
                ["id"] = 9000 + WorkOrders.Count + 1,
                ["workflow_id"] = workflow.Id,
                ["name"] = $"{workflow.Name} ({DateTime.UtcNow:yyyy-MM-dd HH:mm:ss})",
                ["status"] = synchronous ? "Complete" : "Queued",
                ["statusDetails"] = synchronous ? "Work order completed" : "Work order queued for execution",
                ["inputs"] = new JsonObject([.. inputs.Select(static p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                ["created_at"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            };
            WorkOrders.Add(order);
        }
        if (synchronous && step.Length > 0 && variable.Length > 0)
        {
            if (!workflow.Outputs.TryGetValue(step, out var variables) || !variables.TryGetValue(variable, out var template))
            {
                await Answer(ctx, format, new JsonObject { ["work_order"] = new JsonObject { ["id"] = order["id"]!.DeepClone(), ["status"] = "Error", ["statusDetails"] = $"No output variable {variable} in step {step}" } }, 400);
                return;
            }
            string value = inputs.Aggregate(template, static (text, p) => text.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal));
            await EmulatorHost.Text(ctx, value, "text/plain; charset=utf-8");
            return;
        }
        await Answer(ctx, format, new JsonObject { ["work_order"] = order.DeepClone() });
    }

    private List<OrchestratorWorkflow> Workflows()
    {
        lock (_lock) return [.. _workflows.Values.OrderBy(static w => w.Id)];
    }

    private JsonArray Processes()
    {
        lock (_lock) return new JsonArray([.. _processes.Select(static p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name, ["status"] = p.Status })]);
    }

    private JsonArray Plugins()
    {
        lock (_lock) return new JsonArray([.. _plugins.Select(static p => (JsonNode)new JsonObject { ["name"] = p.Name, ["version"] = p.Version })]);
    }

    private JsonObject Status(OrchestratorWorkflow workflow)
    {
        List<JsonObject> orders;
        lock (_lock) orders = [.. WorkOrders.Where(o => o["workflow_id"]!.GetValue<int>() == workflow.Id)];
        return new JsonObject
        {
            ["id"] = workflow.Id,
            ["name"] = workflow.Name,
            ["status"] = workflow.PublishedStatus == "published" ? "Active" : "Inactive",
            ["running"] = orders.Count(o => o["status"]!.ToString() == "In Progress"),
            ["queued"] = orders.Count(o => o["status"]!.ToString() == "Queued"),
            ["last_activity"] = orders.Count > 0 ? orders[^1]["created_at"]!.DeepClone() : null,
        };
    }

    /// <summary>Count of work orders per status (only statuses encountered).</summary>
    private JsonArray Statuses(OrchestratorWorkflow workflow)
    {
        lock (_lock)
            return new JsonArray([.. WorkOrders.Where(o => o["workflow_id"]!.GetValue<int>() == workflow.Id)
                .GroupBy(static o => o["status"]!.ToString())
                .Select(g => (JsonNode)new JsonObject
                {
                    ["count"] = g.Count().ToString(CultureInfo.InvariantCulture),
                    ["workflowName"] = workflow.Name,
                    ["status"] = g.Key,
                    ["last_activity"] = g.Last()["created_at"]!.DeepClone(),
                })]);
    }

    private static Task Answer(HttpContext ctx, string format, JsonObject answer, int status = 200)
        => format == "json"
            ? EmulatorHost.Json(ctx, answer, status)
            : EmulatorHost.Text(ctx, XmlAnswer.Render(answer), "application/xml; charset=utf-8", status);

    /// <summary>The static error pages of the Rails application.</summary>
    private static Task RailsPage(HttpContext ctx, int status)
    {
        string message = status switch
        {
            401 => "You need to sign in before continuing.",
            404 => "The page you were looking for doesn't exist.",
            _ => "We're sorry, but something went wrong.",
        };
        if (status == 401) ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"Orchestrator\"";
        return EmulatorHost.Text(ctx, $"<!DOCTYPE html>\n<html>\n<head><title>Aspera Orchestrator</title></head>\n<body><div class=\"dialog\"><h1>{message}</h1></div></body>\n</html>\n", "text/html; charset=utf-8", status);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
