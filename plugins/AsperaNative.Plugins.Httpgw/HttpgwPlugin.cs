// Plugin httpgw: IBM Aspera HTTP Gateway, its discovery API <gateway root>/v1/info (no authentication).
// The gateway root is --url normalised as ascli does (https only, below /aspera/http-gwy).
// Manual: "Plugin: httpgw: HTTP Gateway".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Logging;
using AsperaNative.Plugins.Httpgw.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Httpgw;

/// <summary>IBM Aspera HTTP Gateway</summary>
[Plugin("httpgw")]
public sealed partial class HttpgwPlugin(HttpgwOptions options, RestFactory rest, AppLog log) : IApplicationDetector
{
    /// <summary>The mandatory --url, read before anything is asked of the gateway.</summary>
    public string Url => options.RequiredUrl;

    /// <summary>Connects to the gateway of <paramref name="url"/>: the URL checked, then its <c>info</c> read.</summary>
    public Task<HttpgwApi> ConnectAsync(string url) => HttpgwApi.ConnectAsync(rest, log, url);
}
