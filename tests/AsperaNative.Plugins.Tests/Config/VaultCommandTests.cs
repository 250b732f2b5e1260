using AsperaNative.Config;
using AsperaNative.Config.Vault;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;
using AsperaNative.Core.Terminal;

namespace AsperaNative.Plugins.Tests.Config;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VaultCommandTests : IDisposable
{
    private const string Password = "--vault-password=s3cret";
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    private string VaultFile => Path.Combine(_home.ConfigFolder, "vault.bin");

    [Fact]
    public void InfoShowsDefaultsWithHiddenPassword()
    {
        var run = _home.Run("config", "vault", "info", "--vault-password=x");
        Assert.Equal(0, run.Exit);
        Assert.Equal(
            "+----------+-----------+\n| field    | value     |\n+----------+-----------+\n| type     | file      |\n| name     | vault.bin |\n| password | \U0001F511        |\n+----------+-----------+\n",
            run.Out);
    }

    [Fact]
    public void InfoWithoutPasswordIsMissingOption()
        => Assert.Equal("ERROR: Argument: Missing mandatory option: vault_password", _home.Run("config", "vault", "info").Error);

    [Fact]
    public void CreateListShowDeleteRoundTrip()
    {
        var create = _home.Run("config", "vault", "create", "lab1", "@json:{\"password\":\"pw1\",\"username\":\"bob\"}", Password);
        Assert.Equal(0, create.Exit);
        Assert.Equal("Password added\n", create.Out);
        Assert.True(File.Exists(VaultFile));
        Assert.DoesNotContain("pw1", File.ReadAllText(VaultFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(VaultFile));

        var show = _home.Run("config", "vault", "show", "lab1", Password, "--format=json", "--show-secrets=yes");
        Assert.Equal("{\"password\":\"pw1\",\"username\":\"bob\",\"label\":\"lab1\"}\n", show.Out);

        var list = _home.Run("config", "vault", "list", Password, "--format=json", "--show-secrets=yes");
        Assert.Equal("[{\"password\":\"pw1\",\"username\":\"bob\",\"label\":\"lab1\",\"url\":\"\",\"description\":\"\"}]\n", list.Out);

        Assert.Equal("Password deleted\n", _home.Run("config", "vault", "delete", "lab1", Password).Out);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: Label not found: lab1", _home.Run("config", "vault", "show", "lab1", Password).Error);
    }

    [Fact]
    public void WrongPasswordIsOneClearError()
    {
        _home.Run("config", "vault", "create", "a", "@json:{\"password\":\"p\"}", Password);
        var run = _home.Run("config", "vault", "list", "--vault-password=wrong");
        Assert.Equal(1, run.Exit);
        Assert.Equal($"ERROR: Other(OpenSSL::Cipher::CipherError): bad decrypt: wrong vault password, or damaged vault file: {VaultFile}", run.Error);
    }

    [Fact]
    public void PasswordChangeReencrypts()
    {
        _home.Run("config", "vault", "create", "a", "@json:{\"password\":\"p\"}", Password);
        Assert.Equal("Password updated\n", _home.Run("config", "vault", "password", "newpw", Password).Out);
        Assert.Equal(1, _home.Run("config", "vault", "list", Password).Exit);
        var run = _home.Run("config", "vault", "show", "a", "--vault-password=newpw", "--format=json", "--show-secrets=yes");
        Assert.Equal("{\"password\":\"p\",\"label\":\"a\"}\n", run.Out);
    }

    [Fact]
    public void DuplicateLabelIsRefused()
    {
        _home.Run("config", "vault", "create", "a", "@json:{\"password\":\"p\"}", Password);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: secret a already exist, delete first",
            _home.Run("config", "vault", "create", "a", "@json:{\"password\":\"q\"}", Password).Error);
    }

    [Fact]
    public void UnsupportedKeyAndNonStringAreRefused()
    {
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: unsupported options: [:foo], use label, username, password, url, description",
            _home.Run("config", "vault", "create", "a", "@json:{\"foo\":\"p\"}", Password).Error);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: password: expecting String, but have 1",
            _home.Run("config", "vault", "create", "a", "@json:{\"password\":1}", Password).Error);
        Assert.Equal("ERROR: Argument: Argument info (Hash) is a String but must be Hash", _home.Run("config", "vault", "create", "a", "text", Password).Error);
    }

    [Fact]
    public void SystemVaultIsMacOsOnly()
    {
        var run = _home.Run("config", "vault", "list", "--vault=@json:{\"type\":\"system\"}", Password);
        Assert.StartsWith("ERROR: Other(RuntimeError): not implemented for this OS", run.Error);
        Assert.Contains("macOS only", run.Error);
    }

    [Fact]
    public void UnknownTypeAndExtraKeysAreErrors()
    {
        Assert.Equal("ERROR: Argument: Unknown vault type: foo", _home.Run("config", "vault", "list", "--vault=@json:{\"type\":\"foo\"}", Password).Error);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: vault info shall have exactly keys 'type' and 'name'",
            _home.Run("config", "vault", "info", "--vault=@json:{\"x\":\"y\"}", Password).Error);
    }

    [Fact]
    public void AbsoluteNameIsUsedAsIs()
    {
        string file = _home.PathOf("my.vault");
        _home.Run("config", "vault", "create", "a", "@json:{\"password\":\"p\"}", "--vault=@json:{\"name\":\"" + file + "\"}", Password);
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(VaultFile));
    }

    [Fact]
    public void DamagedFileIsReported()
    {
        Directory.CreateDirectory(_home.ConfigFolder);
        File.WriteAllText(VaultFile, "not a vault");
        Assert.Equal($"ERROR: Other(Aspera::AssertError): assertion failed: Invalid vault file: {VaultFile}", _home.Run("config", "vault", "list", Password).Error);
    }

    [Fact]
    public void VaultExtendedValueReadsAField()
    {
        _home.Run("config", "vault", "create", "site", "@json:{\"password\":\"pw9\"}", Password);
        var context = new ExtendedValueContext(Terminal.Test(), _home.Home);
        var options = new OptionStore(["--vault-password=s3cret"], [], context);
        options.Declare(GlobalOptions.Descriptors);
        options.Declare(AsperaNative.Config.ConfigOptions.Descriptors);
        options.Parse();
        VaultProvider.Attach(options);
        Assert.Equal("pw9", ExtendedValue.Evaluate("@vault:site.password", context)!.GetValue<string>());
        Assert.Equal("assertion failed: Label not found: other", Assert.ThrowsAny<Exception>(() => ExtendedValue.Evaluate("@vault:other.password", context)).Message);
        Assert.Equal("no such entry value: url", Assert.ThrowsAny<Exception>(() => ExtendedValue.Evaluate("@vault:site.url", context)).Message);
        Assert.Equal("vault name shall match <name>.<param>", Assert.ThrowsAny<Exception>(() => ExtendedValue.Evaluate("@vault:site", context)).Message);
    }

    [Fact]
    public void PresetSecureMovesPasswordsIntoTheVault()
    {
        _home.Run("config", "preset", "set", "srv", "password", "topsecret");
        _home.Run("config", "preset", "set", "srv", "url", "https://x");
        var run = _home.Run("config", "preset", "secure", "srv", Password);
        Assert.Equal(0, run.Exit);
        Assert.Contains("Secrets secured in vault", run.Out);
        Assert.Contains("password: \"@vault:srv.password\"", File.ReadAllText(_home.ConfigFile));
        Assert.DoesNotContain("topsecret", File.ReadAllText(_home.ConfigFile));
        var show = _home.Run("config", "vault", "show", "srv", Password, "--format=json", "--show-secrets=yes");
        Assert.Equal("{\"password\":\"topsecret\",\"label\":\"srv\"}\n", show.Out);
        // a second run leaves vault references alone
        _home.Run("config", "preset", "secure", Password);
        Assert.Equal(1, _home.Run("config", "vault", "list", Password, "--format=json").Out.Split("\"label\"").Length - 1);
    }

    [Fact]
    public void VaultFileRoundTripWithoutCli()
    {
        string file = _home.PathOf("direct.bin");
        var vault = EncryptedFileVault.Open(file, "pw", iterations: 1000);
        vault.Set("x", new() { ["url"] = "u" });
        Assert.Equal("u", EncryptedFileVault.Open(file, "pw").Get("x")!["url"]!.GetValue<string>());
        Assert.Null(EncryptedFileVault.Open(file, "pw").Get("y"));
        Assert.Throws<AsperaNative.Core.Errors.CliException>(() => EncryptedFileVault.Open(file, "bad"));
        Assert.Equal("file", VaultSettings.From(null, "p").Type);
        Assert.Equal("ascli", VaultSettings.From(new() { ["type"] = "system" }, "p").Name);
        Assert.Equal(Path.Combine("/cfg", "vault.bin"), VaultSettings.From(null, "p").FilePath("/cfg"));
        Assert.NotNull(typeof(ConfigPaths));
    }
}
