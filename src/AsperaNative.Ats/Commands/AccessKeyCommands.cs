using System.Text.Json.Nodes;
using AsperaNative.Ats.Api;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Ats.Commands;

/// <summary>ATS access keys of the account</summary>
[CommandGroup("ats access_key")]
internal sealed class AccessKeyCommands(AtsService ats, AtsOptions options)
{
    /// <summary>Create an access key from --params (transfer server from --cloud and --region unless given)</summary>
    [Command("create")]
    public async Task<Result> Create()
    {
        var given = options.Params?.DeepClone() ?? new JsonObject();
        if (given is not JsonObject parameters)
            throw CliException.Other("NoMethodError", $"undefined method 'key?' for an instance of {RubyClass(given)}");
        JsonObject? byRegion = null;
        if (!parameters.ContainsKey("transfer_server_id"))
        {
            byRegion = await ats.ServerByCloudRegionAsync() as JsonObject ?? [];
            parameters["transfer_server_id"] = byRegion["id"]?.DeepClone();
        }
        if (parameters["storage"] is JsonObject storage && AtsPublicApi.Text(storage, "type") == "ibm-s3")
        {
            string serverId = RubyToS.Of(parameters["transfer_server_id"]);
            JsonObject? s3Server = byRegion is null
                ? await ats.Public.FindServerAsync(s => AtsPublicApi.Text(s, "id") == serverId)
                : await ats.Public.FindServerAsync(s => Same(s["cloud"], byRegion["cloud"]) && Same(s["region"], byRegion["region"]) && s.ContainsKey("s3_authentication_endpoint"));
            if (s3Server is null) throw CliException.Runtime($"no such transfer server id: {serverId}");
            if (byRegion is not null) parameters["transfer_server_id"] = s3Server["id"]?.DeepClone();
            // as ascli: the presence of one key is tested, another is set
            if (!storage.ContainsKey("authentication_endpoint")) storage["endpoint"] = s3Server["s3_authentication_endpoint"]?.DeepClone();
        }
        return Result.Auto(await ats.KeyApi.CreateAsync("access_keys", parameters));
    }

    /// <summary>List access keys (--params for the query, by default the first thousand)</summary>
    [Command("list")]
    public async Task<Result> List()
    {
        var query = options.Params?.DeepClone() ?? new JsonObject { ["offset"] = 0, ["max_results"] = 1000 };
        var answer = await ats.KeyApi.ReadAsync("access_keys", query);
        return new Result(ResultKind.ObjectList, (answer as JsonObject)?["data"]?.DeepClone(), ["name", "id", "created.at", "modified.at"]);
    }

    /// <summary>Show an access key</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id")] string id)
        => Result.Auto(await ats.KeyApi.ReadAsync($"access_keys/{InstanceIdentifier.Plain(id)}"));

    /// <summary>Modify an access key</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("identifier", Name = "id")] string id, [Argument("parameters for modify", Name = "params")] JsonObject parameters)
    {
        id = InstanceIdentifier.Plain(id);
        parameters["id"] = id;
        await ats.KeyApi.UpdateAsync($"access_keys/{id}", parameters);
        return Result.Status("modified");
    }

    /// <summary>Delete an access key</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        await ats.KeyApi.DeleteAsync($"access_keys/{id}");
        return Result.Status($"deleted {id}");
    }

    /// <summary>Show the entitlement of an access key's licence (ALEE)</summary>
    [Command("entitlement")]
    public async Task<Result> Entitlement([Argument("identifier", Name = "id")] string id)
    {
        var key = await ats.KeyApi.ReadAsync($"access_keys/{InstanceIdentifier.Plain(id)}") as JsonObject ?? [];
        var license = key["license"] as JsonObject
            ?? throw CliException.Other("NoMethodError", "undefined method '[]' for nil");
        return Result.Auto(await AleeEntitlement.ReadAsync(ats.RestFactory, RubyToS.Of(license["entitlement_id"]), RubyToS.Of(license["customer_id"])));
    }

    /// <summary>Show the transfer servers visible with an access key (its own credentials)</summary>
    [Command("cluster")]
    public async Task<Result> Cluster([Argument("identifier", Name = "id")] string id)
    {
        id = InstanceIdentifier.Plain(id);
        string url = ats.KeyApi.BaseUrl;
        var api = ats.RestFactory.Create(url, Rest.StaticAuthorization.Basic(id, ats.LookupSecret(url, id)));
        return Result.Auto(await api.ReadAsync("servers"));
    }

    private static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    private static string RubyClass(JsonNode node) => node switch
    {
        JsonArray => "Array",
        JsonValue v when JsonScalar.TryGetText(v, out string? _) => "String",
        JsonValue v when v.TryGetValue(out bool b) => b ? "TrueClass" : "FalseClass",
        JsonValue v when v.TryGetValue(out long _) => "Integer",
        _ => "Float",
    };
}

/// <summary>The AWS trust policy of ATS</summary>
[CommandGroup("ats")]
internal sealed class TrustPolicyCommands(AtsService ats, AtsOptions options)
{
    /// <summary>Show the AWS IAM trust policy of ATS for --region</summary>
    [Command("aws_trust_policy")]
    public async Task<Result> AwsTrustPolicy()
    {
        string region = options.RequiredRegion;
        return Result.Auto(await ats.KeyApi.ReadAsync("aws/trustpolicy", new JsonObject { ["region"] = region }));
    }
}
