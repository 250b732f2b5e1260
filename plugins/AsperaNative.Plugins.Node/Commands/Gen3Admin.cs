using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Node information and monitoring commands, shared by <c>node</c> and <c>node access_keys do &lt;id&gt; v3</c>.</summary>
internal static class Gen3Admin
{
    // SOAP call of the central (transfer monitoring) service, as ascli sends it to check it answers
    private const string CentralSoapTest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:typ=\"urn:Aspera:XML:FASPSessionNET:2009/11:Types\"><soapenv:Header></soapenv:Header><soapenv:Body><typ:GetSessionInfoRequest><SessionFilter><SessionStatus>running</SessionStatus></SessionFilter></typ:GetSessionInfoRequest></soapenv:Body></soapenv:Envelope>";

    public static async Task<Result> Info(NodeApiClient api) => Result.SingleObject(await api.ReadAsync("info") as JsonObject ?? []);

    public static async Task<Result> License(NodeApiClient api, CommandContext c)
    {
        var license = await api.ReadAsync("license") as JsonObject ?? [];
        if (license["failure"] is JsonValue f && f.TryGetValue(out string? text) && text.Contains("ACL", StringComparison.Ordinal))
            c.Plugin.Terminal.Err.WriteLine("E, server must have: asnodeadmin -mu <node user> --acl-add=internal --internal");
        return Result.SingleObject(license);
    }

    public static Result ApiDetails(NodeApiClient api)
    {
        var headers = new JsonObject { ["User-Agent"] = "ascli" };
        var details = new JsonObject { ["base_url"] = api.BaseUrl };
        var cred = api.Credentials;
        if (cred.Bearer)
        {
            headers[NodeConnection.AccessKeyHeader] = cred.Username;
            headers["Authorization"] = cred.Password;
        }
        else details["auth"] = new JsonObject { ["type"] = "basic", ["username"] = cred.Username, ["password"] = cred.Password };
        details["not_auth_codes"] = new JsonArray("401");
        details["redirect_max"] = 0;
        details["headers"] = headers;
        return Result.SingleObject(details);
    }

    public static Task<Result> Events(NodePlugin p, NodeApiClient api)
        => Task.FromResult(Result.ObjectList(api.List("events", p.Global.Query?.DeepClone())));

    public static async Task<Result> Slash(NodeApiClient api) => Result.Auto(await api.ReadAsync(""));

    /// <summary>The FASP parameters the node gives to its clients (answer of <c>download_setup</c>).</summary>
    public static async Task<Result> Transport(NodeApiClient api)
        => Result.SingleObject(await api.TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject()) }));

    /// <summary>Nagios check: the node API answers (and its clock and version), and its central SOAP service.</summary>
    public static async Task<Result> Health(NodeApiClient api)
    {
        var rows = new JsonArray();
        void Add(string status, string component, string message)
            => rows.Add((JsonNode)new JsonObject { ["status"] = status, ["component"] = component, ["message"] = message });
        try
        {
            var info = await api.ReadAsync("info") as JsonObject ?? [];
            Add("ok", "node api", "accessible");
            if (info["current_time"]?.ToString() is { } time && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var remote))
            {
                double offset = Math.Abs((remote - DateTimeOffset.UtcNow).TotalSeconds);
                string message = string.Create(CultureInfo.InvariantCulture, $"offset {(long)Math.Round(offset)} sec");
                Add(offset >= 300 ? "critical" : offset >= 120 ? "warning" : "ok", "node api", message);
            }
            Add("ok", "node api", $"version {info["version"]}");
        }
        catch (CliException e) { Add("critical", "node api", e.Message); }
        try
        {
            await api.CallAsync(new RestRequest("POST", "services/soap/Transfer-201210")
            {
                Text = CentralSoapTest,
                TextContentType = "text/xml;charset=UTF-8",
                Headers = new Dictionary<string, string> { ["SOAPAction"] = "FASPSessionNET-200911#GetSessionInfo" },
            });
            Add("ok", "central", "accessible by node");
        }
        catch (CliException e) { Add("critical", "central", e.Message); }
        return Result.ObjectList(rows, ["status", "component", "message"]);
    }
}
