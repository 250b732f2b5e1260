// Plugin console: IBM Aspera Console, its REST API below {url}/api (url e.g. https://host/aspera/console),
// HTTP Basic with a Console account: ssh_keys (health), transfers (current), smart_transfers.
// Manual: "Plugin: console: IBM Aspera Console".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Console;

/// <summary>IBM Aspera Console</summary>
[Plugin("console")]
public sealed partial class ConsolePlugin(BasicAuthOptions auth, RestFactory rest) : IApplicationDetector, IApplicationWizard
{
    private RestClient? _api;

    /// <summary>The Console API with the account of --url, --username, --password (all mandatory, read in that order).</summary>
    public RestClient Api => _api ??= Connect();

    private RestClient Connect()
    {
        string url = auth.RequiredUrl, username = auth.RequiredUsername, password = auth.RequiredPassword;
        return rest.Create(url.TrimEnd('/') + "/api", StaticAuthorization.Basic(username, password));
    }
}
