using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.NodeApi.Commands.Gen3;

/// <summary>Node information and monitoring</summary>
[CommandGroup("gen3")]
internal sealed class Gen3InfoCommands(Gen3Node node, CommandOptions options, PluginContext context)
{
    // SOAP call of the central (transfer monitoring) service, as ascli sends it to check it answers
    private const string CentralSoapTest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:typ=\"urn:Aspera:XML:FASPSessionNET:2009/11:Types\"><soapenv:Header></soapenv:Header><soapenv:Body><typ:GetSessionInfoRequest><SessionFilter><SessionStatus>running</SessionStatus></SessionFilter></typ:GetSessionInfoRequest></soapenv:Body></soapenv:Envelope>";

    private NodeApiClient Api => node.Api;

    /// <summary>Node information (version, capabilities, ...)</summary>
    [Command("info")]
    public async Task<Result> Info() => Result.SingleObject(await Api.ReadAsync("info") as JsonObject ?? []);

    /// <summary>Show node license information</summary>
    [Command("license")]
    public async Task<Result> License()
    {
        var license = await Api.ReadAsync("license") as JsonObject ?? [];
        if (license["failure"] is JsonValue f && JsonScalar.TryGetText(f, out string? text) && text.Contains("ACL", StringComparison.Ordinal))
            context.Terminal.Err.WriteLine("E, server must have: asnodeadmin -mu <node user> --acl-add=internal --internal");
        return Result.SingleObject(license);
    }

    /// <summary>Show API base URL and connection parameters</summary>
    [Command("api_details")]
    public Result ApiDetails()
    {
        var headers = new JsonObject { ["User-Agent"] = "ascli" };
        // the client's own headers (COS storage credentials), not those set per call by ascli (cache control, access key)
        foreach (var (name, value) in Api.Rest.Options.Headers)
            if (name is not (NodeConnection.AccessKeyHeader or NodeConnection.CacheHeader)) headers[name] = value;
        var details = new JsonObject { ["base_url"] = Api.BaseUrl };
        var cred = Api.Credentials;
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

    /// <summary>List node events (filter with --query)</summary>
    [Command("events")]
    public Result Events() => Result.ObjectList(Api.List("events", options.Query?.DeepClone()));

    /// <summary>Raw answer of the API root endpoint</summary>
    [Command("slash")]
    public async Task<Result> Slash() => Result.Auto(await Api.ReadAsync(""));

    /// <summary>Show transport parameters (FASP) given by the node</summary>
    [Command("transport")]
    public async Task<Result> Transport()
        => node.PlainRest ? throw CliException.Other("NoMethodError", "undefined method `transport_params' for an instance of Aspera::Rest")
        : Result.SingleObject(await Api.TransferSetupAsync("download", new JsonObject { ["paths"] = new JsonArray(new JsonObject()) }));

    /// <summary>Nagios-style health check of node and its central API</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var nagios = new NagiosChecks();
        try
        {
            var info = await Api.ReadAsync("info") as JsonObject ?? [];
            nagios.Ok("node api", "accessible");
            nagios.CheckTimeOffset(info["current_time"]?.ToString() ?? "", "node api");
            nagios.CheckProductVersion("node api", info["version"]?.ToString() ?? "");
        }
        catch (CliException e) { nagios.Critical("node api", e.Message); }
        try
        {
            await Api.CallAsync(new RestRequest("POST", "services/soap/Transfer-201210")
            {
                Text = CentralSoapTest,
                TextContentType = "text/xml;charset=UTF-8",
                Headers = new Dictionary<string, string> { ["SOAPAction"] = "FASPSessionNET-200911#GetSessionInfo" },
            });
            nagios.Ok("central", "accessible by node");
        }
        catch (CliException e) { nagios.Critical("central", e.Message); }
        return nagios.Result;
    }
}
