using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Rest.Xml;

namespace AsperaNative.Plugins.Cos.Api;

/// <summary>
/// A bucket's transfer node, reached as ascli does: options read in its order, the S3 endpoint found (given, or
/// from the service credentials' endpoints document and the region), the bucket's FASP connection info read with
/// an IAM token, then a node client with the bucket's access key and a delegated refresh token as storage credentials.
/// </summary>
public static class CosBucket
{
    public const string StorageCredentialsHeader = "X-Aspera-Storage-Credentials";
    public const string InstanceHeader = "ibm-service-instance-id";
    /// <summary>The client id of ATS, to which the delegated token is given.</summary>
    public const string AtsClientId = "aspera_ats";

    /// <summary>The value at a path of keys, or null when any step is not a Hash.</summary>
    private static JsonNode? Dig(JsonNode? node, params string[] keys)
    {
        foreach (string key in keys) node = (node as JsonObject)?[key];
        return node;
    }

    public static async Task<NodeApiClient> ConnectAsync(RestFactory rest, TokenCache tokens, CosOptions options, NodeOptions node)
    {
        var credentials = options.ServiceCredentials;
        string identity = options.RequiredIdentity;
        string bucket = options.RequiredBucket;
        string? endpoint = options.Endpoint;
        string apiKey, crn;
        if (credentials is null)
        {
            if (endpoint is null) throw CliException.BadArgument("assertion failed: endpoint required when service credentials not provided");
            apiKey = options.RequiredApikey;
            crn = options.RequiredCrn;
        }
        else
        {
            if (endpoint is not null) throw CliException.BadArgument("assertion failed: endpoint not allowed when service credentials provided");
            string region = options.RequiredRegion;
            foreach (string field in new[] { "apikey", "resource_instance_id", "endpoints" })
                if (!credentials.ContainsKey(field)) throw CliException.Assertion($"service_credentials must have a field: {field}");
            var document = await rest.Create(RubyToS.Of(credentials["endpoints"])).ReadAsync("");
            endpoint = Dig(document, "service-endpoints", "regional", region, "public", region) is JsonValue e && JsonScalar.TryGetText(e, out string? host)
                ? host : throw CliException.Runtime($"no such region: {region}");
            apiKey = RubyToS.Of(credentials["apikey"]);
            crn = RubyToS.Of(credentials["resource_instance_id"]);
        }
        if (!endpoint.StartsWith("http", StringComparison.Ordinal)) endpoint = "https://" + endpoint;

        var s3 = rest.Create(endpoint, IbmIamGrant.Create(rest, tokens, identity, apiKey), new RestClientOptions
        {
            Headers = new Dictionary<string, string> { [InstanceHeader] = crn },
            NotAuthCodes = [401, 403],
        });
        var answer = await s3.CallAsync(new RestRequest("GET", $"{bucket}?faspConnectionInfo")
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "application/xml" },
        });
        var info = XmlSimple.Parse(answer.Text, forceArray: false) as JsonObject ?? [];
        var accessKey = info["AccessKey"] as JsonObject ?? [];
        string atsEndpoint = RubyToS.Of(info["ATSEndpoint"]);

        var delegated = IbmIamGrant.Create(rest, tokens, identity, apiKey, IbmIamGrant.DelegatedRefreshToken, AtsClientId);
        string token = (await delegated.GetAuthorizationAsync(false, CancellationToken.None))["Bearer ".Length..];
        var storageCredentials = new JsonObject { ["type"] = "token", ["token"] = new JsonObject { ["delegated_refresh_token"] = token } };

        string id = RubyToS.Of(accessKey["Id"]), secret = RubyToS.Of(accessKey["Secret"]);
        var headers = new Dictionary<string, string> { [StorageCredentialsHeader] = RestJson.Generate(storageCredentials) };
        if (node.NodeCache == false) headers[NodeConnection.CacheHeader] = "no-cache";
        var api = rest.Create(atsEndpoint, StaticAuthorization.Basic(id, secret), new RestClientOptions { Headers = headers });
        return new NodeApiClient(api, new NodeCredentials(id, secret, Bearer: false))
        {
            TransferRequestAdditions = new JsonObject
            {
                ["tags"] = new JsonObject { ["aspera"] = new JsonObject { ["node"] = new JsonObject { ["storage_credentials"] = storageCredentials } } },
            },
        };
    }
}
