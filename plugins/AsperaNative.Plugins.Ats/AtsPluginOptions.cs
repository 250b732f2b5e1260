using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Ats;

/// <summary>The account's credentials: IBM Cloud API key and ATS instance (api_key commands), ATS key (access keys).</summary>
[OptionSet]
public sealed partial class AtsPluginOptions
{
    /// <summary>IBM API key, see https://cloud.ibm.com/iam/apikeys</summary>
    [Option("ibm_api_key", Sensitive = true)] public partial string? IbmApiKey { get; }
    /// <summary>ATS instance in ibm cloud</summary>
    [Option("instance")] public partial string? Instance { get; }
    /// <summary>ATS key identifier (ats_xxx)</summary>
    [Option("ats_key")] public partial string? AtsKey { get; }
    /// <summary>ATS key secret</summary>
    [Option("ats_secret", Sensitive = true)] public partial string? AtsSecret { get; }

    public string RequiredIbmApiKey => _store.GetMandatoryString("ibm_api_key");
    public string RequiredAtsKey => _store.GetMandatoryString("ats_key");
    public string RequiredAtsSecret => _store.GetMandatoryString("ats_secret");
}
