using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Faspex5;

/// <summary>The options of the faspex5 plugin (url, username and password are the shared BasicAuthOptions)</summary>
[OptionSet]
public sealed partial class Faspex5Options
{
    /// <summary>OAuth client identifier</summary>
    [Option("client_id")] public partial string? ClientId { get; }
    /// <summary>OAuth client secret</summary>
    [Option("client_secret", Sensitive = true)] public partial string? ClientSecret { get; }
    /// <summary>OAuth redirect URI for web authentication</summary>
    [Option("redirect_uri")] public partial string? RedirectUri { get; }
    /// <summary>OAuth type of authentication</summary>
    [Option("auth", Values = ["web", "jwt", "boot"], Default = "jwt")] public partial string? Auth { get; }
    /// <summary>OAuth JWT RSA private key PEM value (prefix file path with @file:)</summary>
    [Option("private_key", Sensitive = true)] public partial string? PrivateKey { get; }
    /// <summary>OAuth JWT RSA private key passphrase</summary>
    [Option("passphrase", Sensitive = true)] public partial string? Passphrase { get; }
    /// <summary>Package inbox, either shared inbox name or one of: inbox, inbox_history, inbox_all, inbox_all_history, outbox, outbox_history, pending, pending_history, all or ALL</summary>
    [Option("box", Default = "inbox")] public partial string? Box { get; }
    /// <summary>Send package with files from shared folder</summary>
    [Option("shared_folder")] public partial string? SharedFolder { get; }
    /// <summary>Type of shared box</summary>
    [Option("group_type", Values = ["shared_inboxes", "workgroups"], Default = "shared_inboxes")] public partial string? GroupType { get; }

    public string RequiredAuth => _store.GetMandatoryString("auth");
    public string RequiredClientId => _store.GetMandatoryString("client_id");
    public string RequiredRedirectUri => _store.GetMandatoryString("redirect_uri");
    public string RequiredPrivateKey => _store.GetMandatoryString("private_key");
    public string RequiredBox => _store.GetMandatoryString("box");
}
