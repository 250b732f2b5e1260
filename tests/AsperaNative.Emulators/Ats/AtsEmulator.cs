using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Emulators.Iam;
using AsperaNative.Emulators.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Ats;

/// <summary>
/// IBM Aspera Transfer Service on its fixed hosts, reached through the CONNECT proxy
/// (<see cref="ProxyUrl"/>, clients use <c>--http-proxy</c> and <c>--insecure=yes</c>):
/// <c>https://ats.aspera.io/pub/v1</c> (public server list; access keys with ATS API key Basic auth;
/// <c>servers</c> with access key Basic auth; AWS trust policy), <c>https://ats.aspera.io/v2</c>
/// (instances and ATS API keys, IBM Cloud IAM bearer) and the IAM token service on
/// <c>https://iam.bluemix.net/identity</c> (the host ascli uses for ATS). Errors in the Aspera
/// node style <c>{"error":{"code","reason","user_message"}}</c>.
/// </summary>
public sealed class AtsEmulator : IAsyncDisposable
{
    public const string AtsHost = "ats.aspera.io";
    public const string IamHost = "iam.bluemix.net";

    private EmulatorHost _host = null!;

    public AtsStore Store { get; } = new();
    public IamService Iam { get; } = new();
    /// <summary>The host (request log, proxy routes to other emulators, e.g. ALEE for <c>access_key entitlement</c>).</summary>
    public EmulatorHost Http => _host;
    public string ProxyUrl => _host.ProxyUrl!;

    private AtsEmulator() { }

    public static async Task<AtsEmulator> StartAsync()
    {
        var emulator = new AtsEmulator();
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https: true, connectProxy: true, AtsHost, IamHost, "iam.cloud.ibm.com");
        return emulator;
    }

    /// <summary>A typical server list: AWS (eu-west-1, us-east-1), Azure (westeurope), IBM Cloud (a plain ams03, and ams03 with its S3 authentication endpoint).</summary>
    public AtsEmulator SeedDefaultServers()
    {
        // AWS servers carry the S3 key with a null value (it matters: ascli tests the key's presence)
        Store.AddServer("aws_eu-west-1", "aws", "eu-west-1", "https://ats-aws-eu-west-1.aspera.io:443", extra: new JsonObject { ["s3_authentication_endpoint"] = null });
        Store.AddServer("aws_us-east-1", "aws", "us-east-1", "https://ats-aws-us-east-1.aspera.io:443", extra: new JsonObject { ["s3_authentication_endpoint"] = null });
        Store.AddServer("azure_westeurope", "azure", "westeurope", "https://ats-azure-westeurope.aspera.io:443");
        Store.AddServer("softlayer_ams03", "softlayer", "ams03", "https://ats-sl-ams.aspera.io:443");
        Store.AddServer("softlayer_ams03_s3", "softlayer", "ams03", "https://ats-sl-ams-s3.aspera.io:443", "https://s3.ams03.objectstorage.softlayer.net");
        return this;
    }

    /// <summary>
    /// An IBM Cloud account with an API key and one ATS instance, plus one ATS API key of that instance.
    /// </summary>
    public (IamIdentity Account, string InstanceId, AtsApiKey AtsKey) AddAccount(string ibmApiKey, string instanceId, string? atsKeyId = null, string? atsKeySecret = null)
    {
        var identity = Iam.AddApiKey(ibmApiKey);
        Store.AddInstance(instanceId, identity.AccountId);
        return (identity, instanceId, Store.AddApiKey(instanceId, atsKeyId, atsKeySecret));
    }

    /// <summary>
    /// Makes <paramref name="serverId"/> a real transfer server: its <c>transfer_setup_url</c> becomes the
    /// node's URL, and each access key created for it gets an access key of the same id and secret on
    /// the node, rooted in its own folder below <paramref name="storageRoot"/>.
    /// </summary>
    public void UseNode(string serverId, NodeEmulator node, string storageRoot)
    {
        Store.SetTransferSetupUrl(serverId, node.Url);
        var previous = Store.OnAccessKeyCreated;
        Store.OnAccessKeyCreated = (server, key) =>
        {
            if (server["id"]!.ToString() != serverId) return previous?.Invoke(server, key);
            string root = Path.Combine(storageRoot, key["id"]!.ToString());
            node.AddAccessKey(key["id"]!.ToString(), key["secret"]!.ToString(), root);
            return node.Store.IdOf(root);
        };
    }

    private void Map(WebApplication app)
    {
        Iam.Map(app.MapGroup("/identity").RequireHost(IamHost, "iam.cloud.ibm.com"));
        PublicRoutes.Map(app.MapGroup("/pub/v1").RequireHost(AtsHost), Store);
        InstanceRoutes.Map(app.MapGroup("/v2").RequireHost(AtsHost), Store, Iam);
        app.MapFallback(ctx => Error(ctx, 404, "Not Found", "No such resource"));
    }

    internal static Task Error(HttpContext ctx, int status, string reason, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["reason"] = reason, ["user_message"] = message } }, status);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
