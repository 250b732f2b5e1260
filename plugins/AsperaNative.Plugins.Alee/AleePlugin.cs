// Plugin alee: IBM Aspera License Entitlement Engine, the metering API of IBM Aspera's SaaS
// (https://api.ibmaspera.com/metering/v1, fixed host; --url is not used). Authentication is an
// entitlement header made of the entitlement id (--username) and the customer id (--password).
// Manual: "Plugin: alee: Aspera License Entitlement Engine".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;
using AsperaNative.Plugins.Alee.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Alee;

/// <summary>Aspera License Entitlement Engine</summary>
[Plugin("alee")]
public sealed class AleePlugin(BasicAuthOptions auth, RestFactory rest)
{
    /// <summary>The metering API with the entitlement of --username and --password (both mandatory).</summary>
    public AleeApi Entitled()
    {
        string entitlement = auth.RequiredUsername, customer = auth.RequiredPassword;
        return new AleeApi(rest, entitlement, customer);
    }

    /// <summary>The metering API without an entitlement (its ping answers anyone).</summary>
    public AleeApi Anonymous() => new(rest, "", "");
}
