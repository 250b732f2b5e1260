using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Faspio;

/// <summary>How the plugin authenticates to the gateway (url, username, password are the shared ones).</summary>
[OptionSet]
public sealed partial class FaspioOptions
{
    /// <summary>OAuth type of authentication</summary>
    [Option("auth", Values = ["jwt", "basic"])] public partial string? Auth { get; }
    /// <summary>OAuth client identifier</summary>
    [Option("client_id")] public partial string? ClientId { get; }
    /// <summary>OAuth JWT RSA private key PEM value (prefix file path with @file:)</summary>
    [Option("private_key", Sensitive = true)] public partial string? PrivateKey { get; }
    /// <summary>OAuth JWT RSA private key passphrase</summary>
    [Option("passphrase", Sensitive = true)] public partial string? Passphrase { get; }

    public string RequiredAuth => _store.GetMandatoryString("auth");
    public string RequiredClientId => _store.GetMandatoryString("client_id");
    public string RequiredPrivateKey => _store.GetMandatoryString("private_key");
}
