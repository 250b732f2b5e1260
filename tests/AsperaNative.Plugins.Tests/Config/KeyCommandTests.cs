using System.Security.Cryptography;

namespace AsperaNative.Plugins.Tests.Config;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyCommandTests : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void GenKeyWritesPkcs1AndPublicKeyReadableByUserOnly()
    {
        string path = _home.PathOf("mykey");
        var run = _home.Run("config", "genkey", path, "1024");
        Assert.Equal(0, run.Exit);
        Assert.Equal($"Generated 1024 bit RSA key: {path}\n", run.Out);
        string pem = File.ReadAllText(path);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\n", pem);
        Assert.EndsWith("-----END RSA PRIVATE KEY-----\n", pem);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", File.ReadAllText(path + ".pub"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + ".pub"));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        Assert.Equal(1024, rsa.KeySize);
    }

    [Fact]
    public void GenKeyDefaultsTo4096Bits()
    {
        string path = _home.PathOf("big");
        Assert.Equal($"Generated 4096 bit RSA key: {path}\n", _home.Run("config", "genkey", path).Out);
    }

    [Fact]
    public void PubKeyOfGeneratedKeyIsItsPubFile()
    {
        string path = _home.PathOf("k");
        _home.Run("config", "genkey", path, "1024");
        var run = _home.Run("config", "pubkey", "@file:" + path, "--format=json");
        Assert.Equal(0, run.Exit);
        string expected = File.ReadAllText(path + ".pub");
        Assert.Equal("\"" + expected.Replace("\n", "\\n") + "\"\n", run.Out);
    }

    [Fact]
    public void PubKeyAcceptsPkcs8AndPublicKeys()
    {
        using var rsa = RSA.Create(1024);
        string expected = rsa.ExportSubjectPublicKeyInfoPem() + "\n";
        File.WriteAllText(_home.PathOf("p8"), rsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(_home.PathOf("pub"), rsa.ExportSubjectPublicKeyInfoPem());
        Assert.Equal("\"" + expected.Replace("\n", "\\n") + "\"\n", _home.Run("config", "pubkey", "@file:" + _home.PathOf("p8"), "--format=json").Out);
        Assert.Equal("\"" + expected.Replace("\n", "\\n") + "\"\n", _home.Run("config", "pubkey", "@file:" + _home.PathOf("pub"), "--format=json").Out);
    }

    [Fact]
    public void PubKeyOfTextIsOpenSslError()
        => Assert.Equal("ERROR: Other(OpenSSL::PKey::RSAError): Neither PUB key nor PRIV key: unsupported", _home.Run("config", "pubkey", "notakey").Error);

    [Fact]
    public void PubKeyOfMissingFileIsEnoent()
        => Assert.Equal($"ERROR: Other(Errno::ENOENT): No such file or directory @ rb_sysopen - {_home.PathOf("nokey")}", _home.Run("config", "pubkey", "@file:" + _home.PathOf("nokey")).Error);

    [Fact]
    public void GenKeyErrors()
    {
        Assert.Equal("ERROR: Argument: Invalid integer: big", _home.Run("config", "genkey", _home.PathOf("x"), "big").Error);
        Assert.Equal("ERROR: Other(OpenSSL::PKey::PKeyError): EVP_PKEY_keygen: invalid key size 100", _home.Run("config", "genkey", _home.PathOf("x"), "100").Error);
        Assert.Equal("ERROR: Argument: missing argument: private key file path (String)", _home.Run("config", "genkey").Error);
        string noFolder = _home.PathOf("nofolder/k");
        Assert.Equal($"ERROR: Other(Errno::ENOENT): No such file or directory @ rb_sysopen - {noFolder}", _home.Run("config", "genkey", noFolder, "1024").Error);
    }
}
