using AsperaNative.Core.Options;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Server;

/// <summary>
/// The base transfer spec of a server from the options, as ascli builds it: <c>ssh://host[:port]</c> gives
/// host, user (default <c>xfer</c>), SSH port and credentials (password, or the first SSH key's content);
/// <c>https://</c> with a token in <c>--ts</c> gives a WebSocket session; <c>local://</c> runs on this host.
/// </summary>
internal sealed class ServerTransferSpec(BasicAuthOptions auth, ServerOptions options, TransferRunner transfer, string home)
{
    private const string DefaultTransferUser = "xfer";
    private const int DefaultSshPort = 33001;
    private static readonly string[] Schemes = ["ssh", "local", "https"];

    public JsonObject Build()
    {
        string url = auth.RequiredUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw CliException.Other("URI::InvalidURIError", $"bad URI(is not URI?): \"{url}\"");
        var spec = new JsonObject { ["remote_host"] = uri.Host };
        string scheme = uri.Scheme;
        int? port = uri.IsDefaultPort && !url.Contains($"{uri.Host}:{uri.Port}", StringComparison.Ordinal) ? (scheme == "https" ? 443 : null) : uri.Port;
        if (!Schemes.Contains(scheme))
        {
            transfer.Log.Warn($"Scheme [{scheme}] not supported in {url}, use one of: {string.Join(", ", Schemes)}. Defaulting to ssh.");
            scheme = "ssh";
        }
        bool token = transfer.UserSpec["token"] is JsonValue t && JsonScalar.TryGetText(t, out string? _);
        if (scheme == "local")
        {
            spec["remote_host"] = "localhost";
            // ascp refuses to run as a server side without an SSH environment
            Environment.SetEnvironmentVariable("SSH_CLIENT", "local 0 0");
            return spec;
        }
        if (token && scheme == "https")
        {
            spec["wss_enabled"] = true;
            spec["wss_port"] = port;
            return spec;
        }
        if (scheme != "ssh")
        {
            transfer.Log.Warn("URL scheme is https but no token 🔑");
            transfer.Log.Warn("If you want to access the server, not using WSS for session, then use a URL with scheme \"ssh\" and proper SSH port");
            transfer.Log.Warn($"Assuming proper URL is: ssh://{uri.Host}:{DefaultSshPort}");
            port = DefaultSshPort;
        }
        string? username = auth.Username;
        string user = username ?? DefaultTransferUser;
        if (username is null) transfer.Log.Info($"No username provided: Assuming default transfer user: {DefaultTransferUser}");
        spec["remote_user"] = user;
        if (port is { } p) spec["ssh_port"] = p;
        bool credentials = false;
        if (auth.Password is { } password)
        {
            spec["remote_password"] = password;
            credentials = true;
        }
        var keys = options.SshKeys switch
        {
            null => null,
            JsonArray a => a.Select(static k => k?.ToString() ?? "").ToList(),
            JsonValue v when JsonScalar.TryGetText(v, out string? single) => [single],
            _ => throw CliException.Runtime("Expecting single value or array for ssh_keys"),
        };
        if (keys is { Count: > 0 })
        {
            var paths = keys.Select(ExpandPath).ToList();
            foreach (var k in paths.Where(static k => !File.Exists(k))) transfer.Log.Warn($"No such key file: {k}");
            // ascp takes one key, by content, so that no path needs to be readable by ascp
            if (File.Exists(paths[0])) spec["ssh_private_key"] = File.ReadAllText(paths[0]).Trim();
            credentials = true;
        }
        if (options.Passphrase is { } passphrase) spec["ssh_private_key_passphrase"] = passphrase;
        if (token) credentials = true;
        if (!credentials) throw CliException.Runtime("Either password, key , or transfer spec token must be provided");
        return spec;
    }

    private string ExpandPath(string path)
    {
        if (path == "~") return home;
        if (path.StartsWith("~/", StringComparison.Ordinal)) return Path.Combine(home, path[2..]);
        return Path.GetFullPath(path);
    }
}
