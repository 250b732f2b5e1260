// Plugin faspio: IBM faspio Gateway (TCP/FASP bridges), REST API at --url: GET ping, bridges (collection).
// Authentication: HTTP Basic (--auth=basic) or an OAuth JWT bearer grant on {url}/auth/token with the grant
// parameters in the URL query (--auth=jwt). Manual: "Plugin: faspio: Faspio Gateway".
using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;

namespace AsperaNative.Plugins.Faspio;

/// <summary>IBM faspio Gateway</summary>
[Plugin("faspio")]
[MountCommands(typeof(Entity), "bridges", Scope = nameof(Bridges), Name = "bridge")]
public sealed partial class FaspioPlugin(BasicAuthOptions auth, FaspioOptions options, RestFactory rest, TokenCache tokens) : IApplicationDetector
{
    /// <summary>ascli's JWT "not before" margin (4.21.1: five minutes).</summary>
    private static readonly TimeSpan JwtSkew = TimeSpan.FromSeconds(300);

    private RestClient? _api;

    /// <summary>The gateway's API with the credentials of --auth (options read in ascli's order: url, auth, then its own).</summary>
    public RestClient Api => _api ??= Connect();

    /// <summary><c>bridges</c>: the gateway's bridges (no <c>%name:</c> look-up in ascli).</summary>
    public Entity Bridges() => new(Api, "bridges");

    private RestClient Connect()
    {
        string url = auth.RequiredUrl;
        switch (options.RequiredAuth)
        {
            case "basic":
                return rest.Create(url, StaticAuthorization.Basic(auth.RequiredUsername, auth.RequiredPassword));
            default:
                string clientId = options.RequiredClientId;
                var key = JwtSigner.LoadKey(options.RequiredPrivateKey, options.Passphrase);
                var endpoint = new OAuthEndpoint(rest.Create($"{url}/auth")) { ClientId = clientId, UseQuery = true };
                var claims = new JsonObject { ["iss"] = clientId, ["sub"] = clientId };
                var grant = new JwtGrant(endpoint, tokens, claims, key, new JsonObject { ["typ"] = "JWT" }) { Skew = JwtSkew };
                return rest.Create(url, grant);
        }
    }
}
