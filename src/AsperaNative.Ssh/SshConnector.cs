using System.Net;
using System.Net.Sockets;
using AsperaNative.Core.Errors;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace AsperaNative.Ssh;

/// <summary>
/// Opens authenticated SSH.NET clients (exec and SFTP) from <see cref="SshSettings"/>: password and
/// keyboard-interactive with the password, private keys (PEM or OpenSSH, RSA/ECDSA/ED25519) with the passphrase,
/// algorithm restrictions, timeouts, keep-alive and known_hosts checks; failures become Net::SSH's errors.
/// </summary>
public sealed class SshConnector(SshSettings settings, Action<string>? debug = null)
{
    private static readonly string[] DefaultIdentities = ["id_rsa", "id_ecdsa", "id_ed25519"];

    public SshSettings Settings => settings;

    /// <summary>A connected client for exec channels.</summary>
    public SshClient OpenExec()
    {
        var client = new SshClient(Connection());
        Connect(client);
        return client;
    }

    /// <summary>A connected SFTP client.</summary>
    public SftpClient OpenSftp()
    {
        var client = new SftpClient(Connection());
        Connect(client);
        return client;
    }

    private void Connect(BaseClient client)
    {
        if (settings.KeepAlive is { } keepAlive) client.KeepAliveInterval = keepAlive;
        string? refusal = null;
        client.HostKeyReceived += (_, e) =>
        {
            refusal = CheckHostKey(KnownHosts.KeyType(e.HostKey) ?? e.HostKeyName, e.HostKey);
            e.CanTrust = refusal is null;
        };
        try
        {
            debug?.Invoke($"ssh:{settings.User}@{settings.Host}:{settings.Port}");
            client.Connect();
        }
        catch (Exception e) when (e is SshException or SocketException or ProxyException or InvalidOperationException)
        {
            client.Dispose();
            if (refusal is not null) throw CliException.Other(refusal.StartsWith("fingerprint", StringComparison.Ordinal) && refusal.Contains("is unknown", StringComparison.Ordinal) ? "Net::SSH::HostKeyUnknown" : "Net::SSH::HostKeyMismatch", refusal);
            throw Translate(e);
        }
    }

    /// <summary>Null when the key is acceptable, else Net::SSH's refusal message.</summary>
    private string? CheckHostKey(string keyType, byte[] key)
    {
        if (settings.HostKeys == HostKeyPolicy.Never) return null;
        var known = new KnownHosts(settings.KnownHostsFiles);
        string quoted = $"\"{HostString()}\"";
        switch (known.Verify(settings.Host, settings.Port, keyType, key))
        {
            case HostKeyVerdict.Known:
                return null;
            case HostKeyVerdict.Mismatch:
                return $"fingerprint {KnownHosts.Fingerprint(key)} does not match for {quoted}";
            default:
                if (settings.HostKeys == HostKeyPolicy.Always) return $"fingerprint {KnownHosts.Fingerprint(key)} is unknown for {quoted}";
                known.Add(settings.Host, settings.Port, keyType, key);
                return null;
        }
    }

    /// <summary>Net::SSH's host designation: the name, and the address when it differs.</summary>
    private string HostString()
    {
        string name = KnownHosts.HostName(settings.Host, settings.Port);
        if (IPAddress.TryParse(settings.Host, out _)) return name;
        try
        {
            var address = Dns.GetHostAddresses(settings.Host).FirstOrDefault();
            return address is null ? name : $"{name},{KnownHosts.HostName(address.ToString(), settings.Port)}";
        }
        catch (SocketException)
        {
            return name;
        }
    }

    private CliException Translate(Exception e)
    {
        string endpoint = $"{settings.Host}:{settings.Port}";
        return e switch
        {
            SshAuthenticationException => CliException.Other("Net::SSH::AuthenticationFailed", $"Authentication failed for user {settings.User}@{settings.Host}"),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => CliException.Other("Errno::ECONNREFUSED", $"Connection refused - connect(2) for {endpoint}"),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => CliException.Other("SocketError", $"getaddrinfo: Name or service not known"),
            SocketException { SocketErrorCode: SocketError.TimedOut } or SshOperationTimeoutException => CliException.Other("Net::SSH::ConnectionTimeout", "Net::SSH::ConnectionTimeout"),
            SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable } s => CliException.Other("Errno::EHOSTUNREACH", $"{s.Message} - connect(2) for {endpoint}"),
            SshConnectionException c when c.Message.Contains("algorithm", StringComparison.OrdinalIgnoreCase) || c.Message.Contains("negotiat", StringComparison.OrdinalIgnoreCase)
                => CliException.Other("Net::SSH::Exception", $"could not settle on an algorithm: {c.Message}"),
            SshConnectionException c => CliException.Other("Net::SSH::Disconnect", $"connection closed by remote host ({c.Message})"),
            _ => CliException.Other("Net::SSH::Exception", e.Message),
        };
    }

    private ConnectionInfo Connection()
    {
        var methods = new List<AuthenticationMethod>();
        bool Allowed(string method) => settings.AuthMethods is null || settings.AuthMethods.Contains(method);
        var keys = LoadKeys();
        if (keys.Count > 0 && Allowed("publickey")) methods.Add(new PrivateKeyAuthenticationMethod(settings.User, [.. keys]));
        if (settings.Password is { } password)
        {
            if (Allowed("password")) methods.Add(new PasswordAuthenticationMethod(settings.User, password));
            if (Allowed("keyboard-interactive"))
            {
                var interactive = new KeyboardInteractiveAuthenticationMethod(settings.User);
                interactive.AuthenticationPrompt += (_, e) =>
                {
                    foreach (var prompt in e.Prompts) prompt.Response = password;
                };
                methods.Add(interactive);
            }
        }
        if (methods.Count == 0) methods.Add(new NoneAuthenticationMethod(settings.User));
        var info = new ConnectionInfo(settings.Host, settings.Port, settings.User, [.. methods]);
        if (settings.Timeout is { } timeout) info.Timeout = timeout;
        Restrict(info.Encryptions, settings.Ciphers, "encryption");
        Restrict(info.HmacAlgorithms, settings.Macs, "hmac");
        Restrict(info.KeyExchangeAlgorithms, settings.KeyExchanges, "kex");
        Restrict(info.HostKeyAlgorithms, settings.HostKeyTypes, "host_key");
        return info;
    }

    /// <summary>Keeps only the named algorithms, in SSH.NET's order; an unknown name is Net::SSH's error.</summary>
    private static void Restrict<T>(IDictionary<string, T> algorithms, IReadOnlyList<string> wanted, string option)
    {
        if (wanted.Count == 0) return;
        foreach (string name in wanted.Where(n => !algorithms.ContainsKey(n)))
            throw CliException.Other("NotImplementedError", $"unsupported {option} algorithm: `{name}'");
        foreach (string name in algorithms.Keys.Except(wanted).ToList()) algorithms.Remove(name);
    }

    /// <summary>The given key files (or Net::SSH's default identities when none is given), with the passphrase.</summary>
    private List<IPrivateKeySource> LoadKeys()
    {
        var keys = new List<IPrivateKeySource>();
        bool explicitKeys = settings.KeyPaths.Count > 0;
        var paths = explicitKeys ? settings.KeyPaths : settings.Home is { } home ? DefaultIdentities.Select(i => Path.Combine(home, ".ssh", i)).Where(File.Exists).ToList() : [];
        foreach (string path in paths)
        {
            if (!File.Exists(path))
            {
                debug?.Invoke($"No such key file: {path}");
                continue;
            }
            try
            {
                keys.Add(new PrivateKeyFile(path, settings.Passphrase));
            }
            catch (SshPassPhraseNullOrEmptyException)
            {
                if (explicitKeys) throw CliException.Other("OpenSSL::PKey::PKeyError", $"Could not parse PKey: no start line (private key {path} needs a passphrase: use option passphrase)");
            }
            catch (Exception e) when (e is SshException or InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException or FormatException)
            {
                if (explicitKeys) throw CliException.Other("OpenSSL::PKey::PKeyError", $"Could not parse PKey: {path}: {e.Message}");
            }
        }
        return keys;
    }
}
