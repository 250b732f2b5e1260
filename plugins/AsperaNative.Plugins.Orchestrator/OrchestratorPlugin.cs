// Plugin orchestrator: IBM Aspera Orchestrator, its API {url}/api/<endpoint>[/<id>] (all GET), the answer format
// asked per call (format= query, .ext or Accept, by --ret-style), XML answers read as xml-simple does.
// Credentials as HTTP Basic or login/password query parameters (--auth-style). Manual: "Plugin: orchestrator".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Plugins.Orchestrator.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Orchestrator;

/// <summary>IBM Aspera Orchestrator</summary>
[Plugin("orchestrator")]
public sealed partial class OrchestratorPlugin(BasicAuthOptions auth, OrchestratorOptions options, RestFactory rest) : IApplicationDetector, IApplicationWizard
{
    private OrchestratorApi? _api;

    public OrchestratorOptions Options => options;

    /// <summary>The API with the credentials of --auth-style (read first, then username, password, url as ascli).</summary>
    public OrchestratorApi Api => _api ??= Connect();

    private OrchestratorApi Connect()
    {
        ITokenProvider? authorization = null;
        (string, string)? queryCredentials = null;
        switch (options.RequiredAuthStyle)
        {
            case "arg_pass":
                queryCredentials = (auth.RequiredUsername, auth.RequiredPassword);
                break;
            case "head_basic":
                authorization = StaticAuthorization.Basic(auth.RequiredUsername, auth.RequiredPassword);
                break;
            default:
                throw CliException.Runtime("Not implemented");
        }
        rest.Errors.Add(ProductShapes.OrchestratorWorkOrder);
        return new OrchestratorApi(rest.Create(auth.RequiredUrl, authorization), queryCredentials, () => options.RequiredRetStyle);
    }
}
