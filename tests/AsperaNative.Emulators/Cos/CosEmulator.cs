using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Iam;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Cos;

/// <summary>A bucket with Aspera enabled: owner, instance (CRN), region and the ATS node access key serving it.</summary>
public sealed record CosBucket(string Name, string Crn, string Region, IamIdentity Owner, string AccessKeyId, string AccessKeySecret, string AtsEndpoint);

/// <summary>
/// IBM Cloud Object Storage as <c>ascli cos</c> uses it, on one host (<see cref="Url"/>):
/// the IAM token service (<c>POST /identity/token</c>, <see cref="IdentityUrl"/> for <c>--identity</c>),
/// the endpoints document of service credentials (<c>GET /v2/endpoints</c>), and the S3 API's
/// <c>GET /{bucket}?faspConnectionInfo</c> (IAM bearer of the bucket owner's account) answering the
/// bucket's ATS access key and node URL. The node is a <see cref="NodeEmulator"/>; its access key
/// requires <c>X-Aspera-Storage-Credentials</c> with a delegated IAM token for <c>aspera_ats</c>.
/// S3 errors are XML (<c>&lt;Error&gt;&lt;Code&gt;…</c>).
/// </summary>
public sealed class CosEmulator : IAsyncDisposable
{
    public const string AtsReceiver = "aspera_ats";

    private readonly Dictionary<string, CosBucket> _buckets = new(StringComparer.Ordinal);
    private EmulatorHost _host = null!;

    public IamService Iam { get; } = new();
    public EmulatorHost Http => _host;
    public string Url => _host.Url;
    public string IdentityUrl => $"{_host.Url}/identity";
    public string EndpointsUrl => $"{_host.Url}/v2/endpoints";
    /// <summary>The value a region's public endpoint has in the endpoints document (ascli prepends https:// to a bare host).</summary>
    public string RegionEndpoint => _host.Url.StartsWith("https://", StringComparison.Ordinal) ? _host.Url["https://".Length..] : _host.Url;

    private CosEmulator() { }

    public static async Task<CosEmulator> StartAsync(bool https = true)
    {
        var emulator = new CosEmulator();
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https, connectProxy: false);
        return emulator;
    }

    /// <summary>Registers an IBM Cloud API key (owner of buckets).</summary>
    public IamIdentity AddApiKey(string apiKey) => Iam.AddApiKey(apiKey);

    /// <summary>
    /// Adds a bucket owned by the account of <paramref name="ownerApiKey"/>, with instance <paramref name="crn"/>;
    /// its Aspera access key is created on <paramref name="node"/>, rooted at <paramref name="storageRoot"/>.
    /// </summary>
    public CosBucket AddBucket(string name, string crn, string ownerApiKey, NodeEmulator node, string storageRoot, string region = "us-south")
    {
        var owner = Iam.AddApiKey(ownerApiKey);
        string akId = "cos_" + Guid.NewGuid().ToString("N")[..20];
        string secret = Guid.NewGuid().ToString("N");
        var key = node.AddAccessKey(akId, secret, storageRoot);
        key.StorageCredentialsCheck = header => DelegatedOwner(header) is { } who && who.AccountId == owner.AccountId;
        var bucket = new CosBucket(name, crn, region, owner, akId, secret, node.Url);
        lock (_buckets) _buckets[name] = bucket;
        return bucket;
    }

    /// <summary>Service credentials as the IBM Cloud console gives them (for <c>--service-credentials</c>).</summary>
    public JsonObject ServiceCredentials(string apiKey, string crn) => new()
    {
        ["apikey"] = apiKey,
        ["cos_hmac_keys"] = new JsonObject { ["access_key_id"] = "0123456789abcdef0123456789abcdef", ["secret_access_key"] = "fedcba9876543210fedcba9876543210fedcba9876543210" },
        ["endpoints"] = EndpointsUrl,
        ["iam_apikey_description"] = "Auto-generated for key crn:v1:bluemix:public:cloud-object-storage",
        ["iam_apikey_name"] = "emulator-credentials",
        ["iam_role_crn"] = "crn:v1:bluemix:public:iam::::serviceRole:Writer",
        ["iam_serviceid_crn"] = "crn:v1:bluemix:public:iam-identity::a/0123456789::serviceid:ServiceId-emulator",
        ["resource_instance_id"] = crn,
    };

    /// <summary>The identity behind an <c>X-Aspera-Storage-Credentials</c> header, or null.</summary>
    private IamIdentity? DelegatedOwner(string? header)
    {
        if (header is null) return null;
        try
        {
            var credentials = JsonNode.Parse(header);
            if (credentials?["type"]?.ToString() != "token") return null;
            return Iam.ValidateDelegated(credentials["token"]?["delegated_refresh_token"]?.ToString(), AtsReceiver);
        }
        catch (JsonException) { return null; }
    }

    private void Map(WebApplication app)
    {
        Iam.Map(app.MapGroup("/identity"));
        app.MapGet("/v2/endpoints", Endpoints);
        app.MapGet("/{bucket}", Bucket);
        app.MapFallback(ctx => S3Error(ctx, 501, "NotImplemented", "A header you provided implies functionality that is not implemented.", ctx.Request.Path));
    }

    private Task Endpoints(HttpContext ctx)
    {
        var regional = new JsonObject();
        string[] regions;
        lock (_buckets) regions = [.. _buckets.Values.Select(static b => b.Region).Append("us-south").Append("eu-de").Distinct().Order(StringComparer.Ordinal)];
        foreach (string region in regions)
            regional[region] = new JsonObject
            {
                ["public"] = new JsonObject { [region] = RegionEndpoint },
                ["private"] = new JsonObject { [region] = $"s3.private.{region}.cloud-object-storage.appdomain.cloud" },
                ["direct"] = new JsonObject { [region] = $"s3.direct.{region}.cloud-object-storage.appdomain.cloud" },
            };
        return EmulatorHost.Json(ctx, new JsonObject
        {
            ["identity-endpoints"] = new JsonObject { ["iam-token"] = "iam.cloud.ibm.com", ["iam-policy"] = "iampap.cloud.ibm.com" },
            ["service-endpoints"] = new JsonObject
            {
                ["cross-region"] = new JsonObject { ["us"] = new JsonObject { ["public"] = new JsonObject { ["us-geo"] = "s3.us.cloud-object-storage.appdomain.cloud" } } },
                ["regional"] = regional,
                ["single-site"] = new JsonObject { ["ams03"] = new JsonObject { ["public"] = new JsonObject { ["ams03"] = "s3.ams03.cloud-object-storage.appdomain.cloud" } } },
            },
        });
    }

    private Task Bucket(HttpContext ctx, string bucket)
    {
        string resource = $"/{bucket}/";
        if (!ctx.Request.Query.ContainsKey("faspConnectionInfo"))
            return S3Error(ctx, 501, "NotImplemented", "Only the faspConnectionInfo sub-resource is emulated.", resource);
        if (Iam.Validate(EmulatorHost.Bearer(ctx)) is not { } who)
            return S3Error(ctx, 403, "AccessDenied", "Access Denied", resource);
        CosBucket? found;
        lock (_buckets) found = _buckets.GetValueOrDefault(bucket);
        if (found is null) return S3Error(ctx, 404, "NoSuchBucket", "The specified bucket does not exist.", resource);
        string instance = ctx.Request.Headers["ibm-service-instance-id"].ToString();
        if (who.AccountId != found.Owner.AccountId || (instance.Length > 0 && instance != found.Crn))
            return S3Error(ctx, 403, "AccessDenied", "Access Denied", resource);
        string xml = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <FASPConnectionInfo xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessKey><Id>{SecurityElement.Escape(found.AccessKeyId)}</Id><Secret>{SecurityElement.Escape(found.AccessKeySecret)}</Secret></AccessKey><ATSEndpoint>{SecurityElement.Escape(found.AtsEndpoint)}</ATSEndpoint></FASPConnectionInfo>
            """;
        return EmulatorHost.Text(ctx, xml, "application/xml");
    }

    private static Task S3Error(HttpContext ctx, int status, string code, string message, string resource)
    {
        string xml = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><Resource>{SecurityElement.Escape(resource)}</Resource><RequestId>{Guid.NewGuid()}</RequestId><httpStatusCode>{status}</httpStatusCode></Error>
            """;
        return EmulatorHost.Text(ctx, xml, "application/xml", status);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
