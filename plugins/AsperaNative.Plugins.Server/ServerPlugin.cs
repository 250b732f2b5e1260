// Plugin server: IBM Aspera High-Speed Transfer Server over SSH (ascp transfers; ascmd file operations).
// No REST API: transfers are described by --url=ssh://host:port (or https:// with a token for WSS),
// --username, --password, --ssh-keys. Manual: "Plugin: server".
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Sync;

namespace AsperaNative.Plugins.Server;

/// <summary>IBM Aspera High Speed Transfer Server (SSH)</summary>
[Plugin("server")]
[MountCommands(typeof(SyncScope), "sync", Scope = nameof(Sync))]
public sealed partial class ServerPlugin(BasicAuthOptions auth, ServerOptions options, TransferRunner transfer, PluginContext context) : IApplicationDetector, IApplicationWizard
{
    public BasicAuthOptions Auth => auth;
    public ServerOptions Options => options;
    public PluginContext Context => context;

    /// <summary>The transfer front-end of every upload and download.</summary>
    public TransferRunner Transfer => transfer;

    /// <summary>The transfer spec of the server designated by the options (computed once: it may log warnings).</summary>
    public System.Text.Json.Nodes.JsonObject BaseTransferSpec()
        => (System.Text.Json.Nodes.JsonObject)(_spec ??= new ServerTransferSpec(Auth, Options, Transfer, context.ExtendedValues.HomeFolder).Build()).DeepClone();
    private System.Text.Json.Nodes.JsonObject? _spec;

    /// <summary><c>sync</c>: the server's transfer spec authorizes the session, whatever its direction and folders.</summary>
    public SyncScope Sync() => new((_, _, _) => Task.FromResult(BaseTransferSpec()));
}
