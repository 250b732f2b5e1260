using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Plugins.Tests.Config;

/// <summary>
/// <c>config ascp connect</c> against a stand-in of Connect's CDN (d3gcli72yxqn2z.cloudfront.net through a CONNECT
/// proxy): the versions script parsed as ascli does, one version's details and links, a link downloaded.
/// </summary>
public sealed class ConnectCdnTests : IAsyncLifetime
{
    private const string Script = """
        // IBM Aspera Connect versions
        AW.connectVersions = {
          "entries": [
            { "id": "urn:uuid:589F9EE5-0489-4F73-9982-A612FAC70C4E", "title": "Aspera Connect for Windows", "version": "4.2.12.780",
              "links": [ { "title": "Windows Installer", "rel": "enclosure", "href": "bin/IBMAsperaConnectSetup-4.2.12.780.exe" },
                         { "title": "Release notes", "rel": "release-notes", "href": "https://www.ibm.com/docs/connect" } ] },
            { "id": "urn:uuid:A3820D20-083E-11E2-892E-0800200C9A66", "title": "Aspera Connect for Linux", "version": "4.2.12.780",
              "links": [ { "title": "Linux Installer", "rel": "enclosure", "href": "bin/ibm-aspera-connect_4.2.12.780_linux_x86_64.tar.gz" } ] }
          ]
        };
        """;

    private readonly CliHome _home = new();
    private EmulatorHost _cdn = null!;

    public async Task InitializeAsync()
        => _cdn = await EmulatorHost.StartAsync(app =>
        {
            app.MapGet("/connect/connectversions.js", ctx => EmulatorHost.Text(ctx, Script, "application/javascript"));
            app.MapGet("/connect/bin/{file}", (HttpContext ctx, string file) => EmulatorHost.Text(ctx, "installer " + file, "application/octet-stream"));
        }, https: true, connectProxy: true, "d3gcli72yxqn2z.cloudfront.net");

    public async Task DisposeAsync()
    {
        await _cdn.DisposeAsync();
        _home.Dispose();
    }

    private RunOutput Run(params string[] args) => _home.Run(["config", "ascp", "connect", .. args, $"--http-proxy={_cdn.ProxyUrl}", "--insecure=yes"]);

    [Fact]
    public void VersionsDetailsAndLinks()
    {
        Assert.Equal("urn:uuid:589F9EE5-0489-4F73-9982-A612FAC70C4E,Aspera Connect for Windows,4.2.12.780\nurn:uuid:A3820D20-083E-11E2-892E-0800200C9A66,Aspera Connect for Linux,4.2.12.780\n",
            Run("list", "--format=csv").Out);
        Assert.Equal("""{"id":"urn:uuid:A3820D20-083E-11E2-892E-0800200C9A66","title":"Aspera Connect for Linux","version":"4.2.12.780"}""" + "\n",
            Run("info", "Aspera Connect for Linux", "--format=json").Out);
        Assert.Equal("Windows Installer,enclosure,bin/IBMAsperaConnectSetup-4.2.12.780.exe\nRelease notes,release-notes,https://www.ibm.com/docs/connect\n",
            Run("version", "urn:uuid:589F9EE5-0489-4F73-9982-A612FAC70C4E", "list", "--format=csv").Out);
        Assert.Equal("ERROR: Identifier: connect with identifier Mac not found", Run("info", "Mac").Error);
        Assert.Equal("ERROR: Other(RuntimeError): no such value", Run("version", "Aspera Connect for Linux", "open", "nothing").Error);
    }

    [Fact]
    public void DownloadAndOpenALink()
    {
        string folder = Directory.CreateDirectory(_home.PathOf("dl")).FullName;
        var run = Run("version", "Aspera Connect for Linux", "download", "Linux Installer", $"--to-folder={folder}");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("Downloaded: ibm-aspera-connect_4.2.12.780_linux_x86_64.tar.gz\n", run.Out);
        Assert.Equal("installer ibm-aspera-connect_4.2.12.780_linux_x86_64.tar.gz", File.ReadAllText(Path.Combine(folder, "ibm-aspera-connect_4.2.12.780_linux_x86_64.tar.gz")));
        Assert.Equal("USER ACTION: please enter this URL in a browser:\nhttps://www.ibm.com/docs/connect\nOpened: https://www.ibm.com/docs/connect\n",
            Run("version", "Aspera Connect for Windows", "open", "release-notes", "--ui=text").Out);
    }
}
