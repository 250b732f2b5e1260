using AsperaNative.Emulators.Httpgw;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary><c>config download</c> (a file over HTTPS) and <c>config plugins list</c> (which plugins detect and have a wizard).</summary>
public sealed class ConfigDownloadTests : IAsyncLifetime
{
    private readonly CliHome _home = new();
    private HttpgwEmulator _gateway = null!;

    public async Task InitializeAsync() => _gateway = await HttpgwEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _home.Dispose();
    }

    [Fact]
    public void DownloadSavesTheBodyToTheGivenPathOrTheDestinationFolder()
    {
        string url = _gateway.Url + "/v1/info";
        string target = _home.PathOf("info.json");
        var run = _home.Run("config", "download", url, target, "--insecure=yes");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal($"Downloading: {url}\nSaved to: {target}\n", run.Out);
        Assert.Contains("download_endpoint", File.ReadAllText(target));

        string folder = Directory.CreateDirectory(_home.PathOf("downloads")).FullName;
        run = _home.Run("config", "download", url, $"--to-folder={folder}", "--insecure=yes");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal($"Downloading: {url}\nSaved to: {Path.Combine(folder, "info")}\n", run.Out);
        Assert.True(File.Exists(Path.Combine(folder, "info")));
        Assert.StartsWith("ERROR: Rest:", _home.Run("config", "download", _gateway.Url + "/nothing", target, "--insecure=yes").Error);
    }

    [Fact]
    public void PluginsListTellsWhichPluginsDetectAndHaveAWizard()
    {
        var rows = _home.Run("config", "plugins", "list", "--format=csv", "--fields=plugin,detect,wizard").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("node,Y,Y", rows);
        Assert.Contains("aoc,Y,Y", rows);
        Assert.Contains("httpgw,Y, ", rows);
        Assert.Contains("config, , ", rows);
    }
}
