using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AsperaNative.Plugins.Tests.Server;

/// <summary>A fact that is skipped, with the reason, when OpenSSH's sshd is not installed or tests do not run as root.</summary>
public sealed class SshdFactAttribute : FactAttribute
{
    public SshdFactAttribute()
    {
        if (SshdFixture.Unavailable is { } reason) Skip = reason;
    }
}

/// <summary>A theory skipped like <see cref="SshdFactAttribute"/>.</summary>
public sealed class SshdTheoryAttribute : TheoryAttribute
{
    public SshdTheoryAttribute()
    {
        if (SshdFixture.Unavailable is { } reason) Skip = reason;
    }
}

[CollectionDefinition(Name)]
public sealed class SshdCollection : ICollectionFixture<SshdFixture>
{
    public const string Name = "sshd";
}

/// <summary>
/// A real OpenSSH sshd on 127.0.0.1 and a free port, with host and user keys generated now, for two test users
/// with a password: <see cref="AscmdUser"/> finds the ascmd stand-in in its PATH, <see cref="SftpUser"/> does not
/// (so that the client falls back to SFTP). Stopped, and its files removed, at the end.
/// </summary>
public sealed class SshdFixture : IDisposable
{
    public const string AscmdUser = "aspn-ascmd";
    public const string SftpUser = "aspn-sftp";
    public const string Password = "S3cret-pw!";
    public const string Passphrase = "k3y-phrase";
    private const string Sshd = "/usr/sbin/sshd";

    private readonly Process? _sshd;
    private readonly List<string> _folders = [];

    public static string? Unavailable =>
        !File.Exists(Sshd) ? $"{Sshd} is not installed (Debian package openssh-server, installed by .ci/run)"
        : Environment.UserName != "root" ? "sshd tests need root (to start sshd and create the test users)"
        : null;

    /// <summary>The folder of keys, configuration and the stand-in (readable by the test users).</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("aspn-sshd-").FullName;

    public int Port { get; }

    public string Url => $"ssh://127.0.0.1:{Port}";

    /// <summary>The server's public host key line (<c>type base64</c>).</summary>
    public string HostKey => HostKeyOf("ed25519");

    /// <summary>The server's public host key of a type (<c>ed25519</c>, <c>rsa</c>, <c>ecdsa</c>) as known_hosts writes it: type and base64.</summary>
    public string HostKeyOf(string type) => string.Join(' ', File.ReadAllText(Path.Combine(Folder, $"host_{type}.pub")).Split(' ').Take(2));

    public string KeyRsaPem => Path.Combine(Folder, "id_rsa_pem");
    public string KeyEcdsa => Path.Combine(Folder, "id_ecdsa");
    public string KeyEd25519WithPassphrase => Path.Combine(Folder, "id_ed25519");
    public string KeyUnknown => Path.Combine(Folder, "id_unknown");

    public SshdFixture()
    {
        if (Unavailable is not null) return;
        Run("chmod", "755", Folder);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(Folder, "host_ed25519"));
        Run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", Path.Combine(Folder, "host_rsa"));
        Run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", Path.Combine(Folder, "host_ecdsa"));
        Run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", KeyRsaPem);
        Run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", KeyEcdsa);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", Passphrase, "-f", KeyEd25519WithPassphrase);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", KeyUnknown);
        string authorized = string.Concat(new[] { KeyRsaPem, KeyEcdsa, KeyEd25519WithPassphrase }.Select(k => File.ReadAllText(k + ".pub")));
        string keys = Directory.CreateDirectory(Path.Combine(Folder, "authorized")).FullName;
        foreach (string user in new[] { AscmdUser, SftpUser })
        {
            if (Run("id", "-u", user) != 0) Run("useradd", "--create-home", "--shell", "/bin/sh", user);
            RunWithInput($"{user}:{Password}\n", "chpasswd");
            File.WriteAllText(Path.Combine(keys, user), authorized);
        }
        string bin = InstallStandIn();
        Port = FreePort();
        Directory.CreateDirectory("/run/sshd");
        string config = Path.Combine(Folder, "sshd_config");
        File.WriteAllText(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(Folder, "host_ed25519")}
            HostKey {Path.Combine(Folder, "host_rsa")}
            HostKey {Path.Combine(Folder, "host_ecdsa")}
            PidFile {Path.Combine(Folder, "sshd.pid")}
            AuthorizedKeysFile {keys}/%u
            StrictModes no
            UsePAM no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            PermitRootLogin no
            AllowUsers {AscmdUser} {SftpUser}
            Subsystem sftp internal-sftp
            LogLevel ERROR
            MaxStartups 100
            UseDNS no
            SetEnv PATH={bin}:/usr/local/bin:/usr/bin:/bin
            Match User {SftpUser}
              SetEnv PATH=/usr/local/bin:/usr/bin:/bin

            """);
        _sshd = Process.Start(new ProcessStartInfo(Sshd, ["-D", "-e", "-f", config]) { RedirectStandardError = true, UseShellExecute = false })!;
        _sshd.ErrorDataReceived += (_, _) => { };
        _sshd.BeginErrorReadLine();
        WaitListening();
    }

    /// <summary>The home of a test user.</summary>
    public static string HomeOf(string user) => Path.Combine("/home", user);

    /// <summary>A new folder in the user's home, owned by the user, filled by <paramref name="fill"/> (run as root).</summary>
    public string NewFolder(string user, Action<string>? fill = null)
    {
        string name = "t-" + Guid.NewGuid().ToString("N")[..8];
        string path = Path.Combine(HomeOf(user), name);
        Directory.CreateDirectory(path);
        _folders.Add(path);
        fill?.Invoke(path);
        Run("chown", "-R", $"{user}:{user}", path);
        return name;
    }

    /// <summary>Installs the ascmd stand-in (built beside the tests) behind a wrapper script in a folder of its own.</summary>
    private string InstallStandIn()
    {
        string lib = Directory.CreateDirectory(Path.Combine(Folder, "ascmd-lib")).FullName;
        foreach (string file in new[] { "ascmd.dll", "ascmd.runtimeconfig.json", "ascmd.deps.json" })
        {
            string source = Path.Combine(AppContext.BaseDirectory, file);
            if (File.Exists(source)) File.Copy(source, Path.Combine(lib, file));
        }
        string bin = Directory.CreateDirectory(Path.Combine(Folder, "bin")).FullName;
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "/usr/bin/dotnet";
        string wrapper = Path.Combine(bin, "ascmd");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {dotnet} {Path.Combine(lib, "ascmd.dll")} \"$@\"\n");
        Run("chmod", "755", wrapper);
        return bin;
    }

    private void WaitListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_sshd!.HasExited) throw new InvalidOperationException($"sshd exited with {_sshd.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException("sshd did not listen within 15 s");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static int Run(string program, params string[] args) => RunWithInput(null, program, args);

    private static int RunWithInput(string? input, string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000)) process.Kill();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill();
            _sshd.WaitForExit(5_000);
        }
        _sshd?.Dispose();
        foreach (string folder in _folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
