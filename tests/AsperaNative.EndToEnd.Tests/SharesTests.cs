using System.Text.Json.Nodes;
using AsperaNative.Emulators.Shares;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>The binary's shares plugin against the Shares emulator over HTTPS: admin, files with a real upload, health.</summary>
public sealed class SharesTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private readonly string _storage = Directory.CreateTempSubdirectory("e2e-shares-").FullName;
    private SharesEmulator _shares = null!;

    public async Task InitializeAsync()
    {
        _shares = await SharesEmulator.StartAsync(_storage, "/shares");
        _shares.AddUser("shares_admin", "Sh4res!", admin: true);
        _shares.AddShare("project_x", "/projects/x");
    }

    // transfers start the stand-in ascp: a longer time limit than plain commands on a loaded machine
    private Ascli.Run Shares(params string[] args)
        => _ascli.Exec(["shares", $"--url={_shares.Url}", "--username=shares_admin", "--password=Sh4res!", "--insecure=yes", .. args], timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public void Admin_files_and_health()
    {
        var share = Shares("admin", "share", "list", "--format=json");
        Assert.Equal(0, share.Exit);
        Assert.Equal("project_x", JsonNode.Parse(share.Out)!.AsArray()[0]!["name"]!.ToString());
        Assert.Equal("ERROR: Other(RuntimeError): cannot delete singleton", Shares("admin", "user", "all", "transfer_settings", "1", "delete").FirstError);

        string file = Path.Combine(_ascli.Home, "data.bin");
        File.WriteAllBytes(file, [9, 8, 7]);
        var upload = Shares("files", "upload", "--to-folder=/project_x", file, $"--ascp-path={StandInAscp.Create(Path.Combine(_ascli.Home, "bin"))}");
        Assert.True(upload.Exit == 0, upload.Err);
        Assert.Equal([9, 8, 7], File.ReadAllBytes(Path.Combine(_storage, "projects", "x", "data.bin")));
        Assert.Contains("data.bin", Shares("repository", "browse", "/project_x").Out);
        Assert.Equal("OK - [shares api:accessible]", Shares("health", "--format=nagios").Out.Trim());
    }

    public async Task DisposeAsync()
    {
        await _shares.DisposeAsync();
        _ascli.Dispose();
        Directory.Delete(_storage, recursive: true);
    }
}
