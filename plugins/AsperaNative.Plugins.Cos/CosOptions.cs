using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Cos;

/// <summary>The bucket and how to reach it: endpoint, API key and instance (CRN), or IBM Cloud service credentials and region.</summary>
[OptionSet]
public sealed partial class CosOptions
{
    /// <summary>Bucket name</summary>
    [Option("bucket")] public partial string? Bucket { get; }
    /// <summary>Storage endpoint (URL)</summary>
    [Option("endpoint")] public partial string? Endpoint { get; }
    /// <summary>Storage API key</summary>
    [Option("apikey", Sensitive = true)] public partial string? Apikey { get; }
    /// <summary>Resource instance id (CRN)</summary>
    [Option("crn", Sensitive = true)] public partial string? Crn { get; }
    /// <summary>IBM Cloud service credentials (Hash)</summary>
    [Option("service_credentials")] public partial JsonObject? ServiceCredentials { get; }
    /// <summary>Storage region</summary>
    [Option("region")] public partial string? Region { get; }
    /// <summary>Authentication URL (https://iam.cloud.ibm.com/identity)</summary>
    [Option("identity", Default = "https://iam.cloud.ibm.com/identity")] public partial string? Identity { get; }

    public string RequiredBucket => _store.GetMandatoryString("bucket");
    public string RequiredApikey => _store.GetMandatoryString("apikey");
    public string RequiredCrn => _store.GetMandatoryString("crn");
    public string RequiredRegion => _store.GetMandatoryString("region");
    public string RequiredIdentity => _store.GetMandatoryString("identity");
}
