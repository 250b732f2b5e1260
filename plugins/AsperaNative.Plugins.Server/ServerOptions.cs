using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Server;

/// <summary>The SSH options of the server plugin (url, username and password are the shared <c>BasicAuthOptions</c>).</summary>
[OptionSet]
public sealed partial class ServerOptions
{
    /// <summary>SSH key path list (Array or single)</summary>
    [Option("ssh_keys")] public partial JsonNode? SshKeys { get; }
    /// <summary>SSH private key passphrase</summary>
    [Option("passphrase", Sensitive = true)] public partial string? Passphrase { get; }
    /// <summary>SSH options</summary>
    [Option("ssh_options", Default = "@json:{}")] public partial JsonObject? SshOptions { get; }
}
