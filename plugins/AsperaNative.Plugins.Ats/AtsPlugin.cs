// Plugin ats: IBM Aspera Transfer Service. Public API https://ats.aspera.io/pub/v1 (servers; access keys and AWS trust
// policy with Basic of --ats-key/--ats-secret), API keys on https://ats.aspera.io/v2 with an IBM Cloud IAM token
// (https://iam.bluemix.net/identity, --ibm-api-key). The cluster/access_key/aws_trust_policy commands are the shared
// ATS set (library AsperaNative.Ats, also under aoc `admin ats`). Manual: "Plugin: ats: IBM Aspera Transfer Service".
using AsperaNative.Ats.Api;
using AsperaNative.Ats.Commands;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Ats;

/// <summary>IBM Aspera Transfer Service</summary>
[Plugin("ats")]
[MountCommands(typeof(AtsService), "", Scope = nameof(Service))]
public sealed class AtsPlugin(AtsPluginOptions options, RestFactory rest, TokenCache tokens, PluginContext context)
{
    /// <summary>IBM Cloud's former identity host, the one ascli asks for ATS tokens.</summary>
    public const string IdentityUrl = "https://iam.bluemix.net/identity";
    public const string InstanceHeader = "X-ATS-Service-Instance-Id";

    private AtsService? _service;

    /// <summary>The ATS commands with the account's ATS key (--ats-key and --ats-secret, read when first needed).</summary>
    public AtsService Service() => _service ??= new AtsService(rest, context,
        () => rest.Create(AtsPublicApi.PublicBase, StaticAuthorization.Basic(options.RequiredAtsKey, options.RequiredAtsSecret)));

    /// <summary>ATS v2 (API keys) with the IAM token of --ibm-api-key, and the service instance header when given.</summary>
    public RestClient IbmApi(string? instance = null)
    {
        var grant = IbmIamGrant.Create(rest, tokens, IdentityUrl, options.RequiredIbmApiKey);
        var headers = instance is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [InstanceHeader] = instance };
        return rest.Create(AtsPublicApi.ServiceUrl + "/v2", grant, new RestClientOptions { Headers = headers });
    }

    public AtsPluginOptions Options => options;
}
