using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Server;

/// <summary>SSH session settings against a real sshd: keys, passphrase, host keys, ssh_options.</summary>
[Collection(SshdCollection.Name)]
public sealed class ServerSshTests(SshdFixture sshd) : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    private RunOutput Ls(params string[] options)
        => _home.Run(["server", $"--url={sshd.Url}", $"--username={SshdFixture.SftpUser}", "ls", "/", "--fields=name", "--format=csv", .. options]);

    private string KnownHosts => Path.Combine(_home.Home, ".ssh", "known_hosts");

    [SshdFact]
    public void KeysInPemAndOpenSshFormats()
    {
        Assert.Contains("etc\n", Ls($"--ssh-keys={sshd.KeyRsaPem}").Out);
        Assert.Contains("etc\n", Ls($"--ssh-keys={sshd.KeyEcdsa}").Out);
        Assert.Contains("etc\n", Ls($"--ssh-keys={sshd.KeyEd25519WithPassphrase}", $"--passphrase={SshdFixture.Passphrase}").Out);
        // a list: the first key is not authorized, the second is
        Assert.Contains("etc\n", Ls($"--ssh-keys=@json:[\"{sshd.KeyUnknown}\",\"{sshd.KeyEcdsa}\"]").Out);
        Assert.Contains("etc\n", Ls($"--ssh-keys={sshd.KeyEcdsa}", "--password=@none:", "--ssh-options=@json:{\"number_of_password_prompts\":0}").Out);
        var refused = Ls($"--ssh-keys={sshd.KeyUnknown}");
        Assert.Equal($"ERROR: Other(Net::SSH::AuthenticationFailed): Authentication failed for user {SshdFixture.SftpUser}@127.0.0.1", refused.Error);
    }

    [SshdFact]
    public void UnknownHostIsAcceptedAndRecorded()
    {
        Assert.False(File.Exists(KnownHosts));
        Assert.Equal(0, Ls($"--password={SshdFixture.Password}").Exit);
        Assert.Equal($"[127.0.0.1]:{sshd.Port} {sshd.HostKey}\n", File.ReadAllText(KnownHosts));
        Assert.Equal(0, Ls($"--password={SshdFixture.Password}").Exit);
        Assert.Single(File.ReadAllLines(KnownHosts));
    }

    [SshdFact]
    public void DifferentHostKeyIsRefused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KnownHosts)!);
        string other = File.ReadAllText(sshd.KeyUnknown + ".pub").Split(' ')[1];
        File.WriteAllText(KnownHosts, $"[127.0.0.1]:{sshd.Port} ssh-ed25519 {other}\n");
        var run = Ls($"--password={SshdFixture.Password}");
        Assert.Equal(1, run.Exit);
        Assert.Matches($"^ERROR: Other\\(Net::SSH::HostKeyMismatch\\): fingerprint SHA256:[A-Za-z0-9+/]{{43}} does not match for \"\\[127\\.0\\.0\\.1\\]:{sshd.Port}\"$", run.Error);
        Assert.Equal(0, Ls($"--password={SshdFixture.Password}", "--ssh-options=@json:{\"verify_host_key\":\"never\"}").Exit);
    }

    /// <summary>Host keys of every type are checked: another key of the negotiated type is refused, the server's own accepted.</summary>
    [SshdTheory]
    [InlineData("rsa", "rsa-sha2-512", "ssh-rsa")]
    [InlineData("rsa", "rsa-sha2-256", "ssh-rsa")]
    [InlineData("ecdsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256")]
    [InlineData("ed25519", "ssh-ed25519", "ssh-ed25519")]
    public void HostKeyOfEachTypeIsVerified(string type, string algorithm, string knownType)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KnownHosts)!);
        // another key of the same type: the user keys of the fixture
        string otherKeyFile = type switch { "rsa" => sshd.KeyRsaPem, "ecdsa" => sshd.KeyEcdsa, _ => sshd.KeyUnknown } + ".pub";
        string other = File.ReadAllText(otherKeyFile).Split(' ')[1];
        string only = $"--ssh-options=@json:{{\"host_key\":[\"{algorithm}\"]}}";
        File.WriteAllText(KnownHosts, $"[127.0.0.1]:{sshd.Port} {knownType} {other}\n");
        var refused = Ls($"--password={SshdFixture.Password}", only);
        Assert.Equal(1, refused.Exit);
        Assert.Matches($"^ERROR: Other\\(Net::SSH::HostKeyMismatch\\): fingerprint SHA256:[A-Za-z0-9+/]{{43}} does not match for \"\\[127\\.0\\.0\\.1\\]:{sshd.Port}\"$", refused.Error);
        File.WriteAllText(KnownHosts, $"[127.0.0.1]:{sshd.Port} {sshd.HostKeyOf(type)}\n");
        var accepted = Ls($"--password={SshdFixture.Password}", only);
        Assert.True(accepted.Exit == 0, accepted.Err);
    }

    [SshdFact]
    public void StrictHostKeyCheckingRefusesUnknownHosts()
    {
        var run = Ls($"--password={SshdFixture.Password}", "--ssh-options=@json:{\"verify_host_key\":\"always\"}");
        Assert.Matches($"^ERROR: Other\\(Net::SSH::HostKeyUnknown\\): fingerprint SHA256:\\S+ is unknown for \"\\[127\\.0\\.0\\.1\\]:{sshd.Port}\"$", run.Error);
    }

    [SshdFact]
    public void CiphersTimeoutAndKeepAliveOptions()
    {
        Assert.Contains("etc\n", Ls($"--password={SshdFixture.Password}", "--ssh-options=@json:{\"encryption\":[\"aes256-ctr\"],\"timeout\":5,\"keepalive\":true,\"keepalive_interval\":10}").Out);
        Assert.Equal("ERROR: Other(NotImplementedError): unsupported encryption algorithm: `rot13'", Ls($"--password={SshdFixture.Password}", "--ssh-options=@json:{\"encryption\":[\"rot13\"]}").Error);
    }

    [SshdFact]
    public void ClosedPortIsConnectionRefused()
    {
        var run = _home.Run("server", "--url=ssh://127.0.0.1:1", "--username=a", "--password=b", "ls", "/");
        Assert.Equal("ERROR: Other(Errno::ECONNREFUSED): Connection refused - connect(2) for 127.0.0.1:1", run.Error);
    }
}
