using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Server;

/// <summary>Options of the server plugin (ascli's BasicAuthPlugin options plus SSH ones).</summary>
[OptionSet]
public sealed partial class ServerOptions
{
    /// <summary>URL of application, e.g. https://app.example.com/aspera/app</summary>
    [Option("url", Required = true)] public partial string? Url { get; }
    /// <summary>User's identifier</summary>
    [Option("username")] public partial string? Username { get; }
    /// <summary>User's password</summary>
    [Option("password", Sensitive = true)] public partial string? Password { get; }
    /// <summary>SSH key path list (Array or single)</summary>
    [Option("ssh_keys")] public partial JsonNode? SshKeys { get; }
    /// <summary>SSH private key passphrase</summary>
    [Option("passphrase", Sensitive = true)] public partial string? Passphrase { get; }
    /// <summary>SSH options</summary>
    [Option("ssh_options", Default = "@json:{}")] public partial JsonObject? SshOptions { get; }
}
