using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Rest;

/// <summary>HTTP client settings of every REST call: certificates, proxies, socket options, token cache</summary>
[OptionSet]
public sealed partial class RestOptions
{
    /// <summary>Do not validate any HTTPS certificate</summary>
    [Option("insecure", Default = "no")] public partial bool? Insecure { get; }
    /// <summary>Do not validate HTTPS certificate for these URLs</summary>
    [Option("ignore_certificate")] public partial JsonArray? IgnoreCertificate { get; }
    /// <summary>Issue a warning if certificate is ignored</summary>
    [Option("silent_insecure", Default = "yes")] public partial bool? SilentInsecure { get; }
    /// <summary>List of folder with trusted certificates</summary>
    [Option("cert_stores")] public partial JsonNode? CertStores { get; }
    /// <summary>Options for HTTP/S socket</summary>
    [Option("http_options")] public partial JsonObject? HttpOptions { get; }
    /// <summary>URL for HTTP proxy with optional credentials</summary>
    [Option("http_proxy")] public partial string? HttpProxy { get; }
    /// <summary>Save and reuse OAuth tokens</summary>
    [Option("cache_tokens", Default = "yes")] public partial bool? CacheTokens { get; }
    /// <summary>Proxy auto configuration script</summary>
    [Option("fpac")] public partial string? Fpac { get; }
    /// <summary>HTTP proxy credentials for fpac: user, password</summary>
    [Option("proxy_credentials")] public partial JsonArray? ProxyCredentials { get; }
}
