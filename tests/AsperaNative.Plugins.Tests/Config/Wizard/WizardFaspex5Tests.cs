using System.Security.Cryptography;
using AsperaNative.Emulators.Faspex5;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>
/// Faspex 5: detection by its health check (version in header X-IBM-Aspera), and the JWT wizard: private key from
/// <c>--key-path</c> or generated, the administrator's steps shown while the API client is unknown.
/// </summary>
public sealed class WizardFaspex5Tests : IAsyncLifetime
{
    private const string ClientId = "aspera_cli_f5", Alice = "alice@example.com";
    private static readonly RSA AliceKey = RSA.Create(2048);

    private readonly string _work = Directory.CreateTempSubdirectory("aspn-wiz-f5-").FullName;
    private readonly CliHome _home = new();
    private Faspex5Emulator _f5 = null!;
    private string _keyFile = "";

    public async Task InitializeAsync()
    {
        _keyFile = Path.Combine(_work, "alice.pem");
        await File.WriteAllTextAsync(_keyFile, AliceKey.ExportRSAPrivateKeyPem());
        _f5 = await Faspex5Emulator.StartAsync(Path.Combine(_work, "storage"), s =>
        {
            s.AddClient(ClientId);
            s.AddUser(Alice, AliceKey.ExportSubjectPublicKeyInfoPem(), admin: true);
        });
    }

    public async Task DisposeAsync()
    {
        await _f5.DisposeAsync();
        _home.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void DetectFindsFaspex5BelowItsStandardPath()
    {
        string address = _f5.Url[..^Faspex5Emulator.BasePath.Length]["https://".Length..];
        Assert.Equal($"faspex5 | Faspex | {_f5.Url} | F{_f5.Version}", WizardRun.Single(_home.Run("config", "detect", address, "faspex5", "--insecure=yes", "--format=json")));
    }

    [Fact]
    public void WizardWritesAJwtPresetThatWorks()
    {
        var run = _home.Run("config", "wizard", _f5.Url, "faspex5", "--insecure=yes", $"--username={Alice}", $"--key-path={_keyFile}",
            $"--client-id={ClientId}", "--client-secret=s3cret");
        Assert.True(run.Exit == 0, run.Err);
        const string preset = "faspex5_127_0_0_1_alice_example_com";
        Assert.Equal($"Using: Faspex at {_f5.Url}\nUsing existing key:\n{_keyFile}\nPreparing preset: {preset}\nSetting config preset as default for faspex5\n"
            + "You can test with:\nascli faspex5 user profile show\nSaving config file.\n", run.Out);
        Assert.Equal($$"""{"url":"{{_f5.Url}}","username":"{{Alice}}","auth":"jwt","private_key":"@file:{{_keyFile}}","client_id":"{{ClientId}}","client_secret":"s3cret"}""",
            WizardRun.Preset(_home, preset));
        Assert.Equal(preset, WizardRun.DefaultOf(_home, "faspex5"));
        var profile = _home.Run("faspex5", "user", "profile", "show", "--insecure=yes", "--format=json");
        Assert.True(profile.Exit == 0, profile.Err);
        Assert.Contains("\"preference\"", profile.Out);
    }

    [Fact]
    public void WithoutClientTheAdministratorStepsAreShownWithTheGeneratedPublicKey()
    {
        // an empty answer to the key path: a new key in the configuration folder
        var run = _home.RunWithInput("\n", "config", "wizard", _f5.Url, "faspex5", "--insecure=yes", $"--username={Alice}", "--ui=text");
        string key = Path.Combine(_home.ConfigFolder, "my_private_key.pem");
        Assert.Equal("ERROR: Argument: Missing mandatory option: client_id", run.Error);
        Assert.True(File.Exists(key) && File.Exists(key + ".pub"));
        string publicKey = File.ReadAllText(key + ".pub");
        Assert.Equal($"Using: Faspex at {_f5.Url}\nPlease provide the path to your private RSA key, or nothing to generate one:\noption: key_path> "
            + $"Generating 4096 bit RSA key...\nCreated key:\n{key}\nAsk the ascli client id and secret to your Administrator.\nAdmin should login to: {_f5.Url}\n"
            + $"USER ACTION: please enter this url in a browser:\n{_f5.Url}\nNavigate to: 𓃑  → Admin → Configurations → API clients\nCreate an API client with:\n- name: ascli\n- JWT: enabled\n"
            + $"Then, logged in as {Alice} go to your profile:\n👤 → Account Settings → Preferences -> Public Key in PEM:\n{publicKey}Once set, fill in the parameters:\n", run.Out);
    }

    [Fact]
    public void TheUserMustBeAnEmailAddress()
        => Assert.Equal("ERROR: Other(RuntimeError): Username shall be an email in Faspex: alice",
            _home.Run("config", "wizard", _f5.Url, "faspex5", "--insecure=yes", "--username=alice", $"--key-path={_keyFile}").Error);
}
