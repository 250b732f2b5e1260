using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Aoc;

/// <summary>The options only Aspera on Cloud has (ascli's aoc <c>declare_options</c>); url/username/password are the shared basic ones.</summary>
[OptionSet]
public sealed partial class AocOptions
{
    /// <summary>OAuth type of authentication</summary>
    [Option("auth", Values = ["web", "jwt"], Default = "jwt")] public partial string? Auth { get; }
    /// <summary>OAuth API client identifier</summary>
    [Option("client_id")] public partial string? ClientId { get; }
    /// <summary>OAuth API client secret</summary>
    [Option("client_secret", Sensitive = true)] public partial string? ClientSecret { get; }
    /// <summary>OAuth scope for AoC API calls</summary>
    [Option("scope", Default = "user:all")] public partial string? Scope { get; }
    /// <summary>OAuth API client redirect URI</summary>
    [Option("redirect_uri")] public partial string? RedirectUri { get; }
    /// <summary>OAuth JWT RSA private key PEM value (prefix file path with @file:)</summary>
    [Option("private_key", Sensitive = true)] public partial string? PrivateKey { get; }
    /// <summary>RSA private key passphrase (String)</summary>
    [Option("passphrase", Sensitive = true)] public partial string? Passphrase { get; }
    /// <summary>Name of workspace (String, NilClass)</summary>
    [Option("workspace", Default = "")] public partial string? Workspace { get; }
    /// <summary>New user creation option for unknown package recipients (Hash)</summary>
    [Option("new_user_option")] public partial JsonObject? NewUserOption { get; }
    /// <summary>Validate shared inbox metadata</summary>
    [Option("validate_metadata", Default = "yes")] public partial bool? ValidateMetadata { get; }
}
