using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex4;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>The binary's faspex plugin against the Faspex 4 emulator over HTTPS: feed listing, receive once only with a real transfer.</summary>
public sealed class FaspexTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private readonly string _storage = Directory.CreateTempSubdirectory("e2e-f4-").FullName;
    private Faspex4Emulator _faspex = null!;
    private Faspex4Package _package = null!;

    public async Task InitializeAsync()
    {
        _faspex = await Faspex4Emulator.StartAsync(_storage);
        var jdoe = _faspex.AddUser("jdoe", "F4spex!");
        var alice = _faspex.AddUser("alice", "Al1ce!");
        _package = _faspex.AddPackage(alice, "Quarterly report", ["jdoe"], new Dictionary<string, string> { ["report.txt"] = "numbers" }, metadata: [new("Project", "P1")]);
    }

    // transfers start the stand-in ascp: a longer time limit than plain commands on a loaded machine
    private Ascli.Run Faspex(params string[] args)
        => _ascli.Exec(["faspex", $"--url={_faspex.Url}", "--username=jdoe", "--password=F4spex!", "--insecure=yes", .. args], timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public void List_and_receive_once_only()
    {
        var list = Faspex("package", "list", "--format=json");
        Assert.True(list.Exit == 0, list.Err);
        var entry = JsonNode.Parse(list.Out)!.AsArray().Single()!;
        Assert.Equal("Quarterly report", entry["title"]!.ToString());
        string id = entry["package_id"]!.ToString();

        string target = Path.Combine(_ascli.Home, "received");
        Directory.CreateDirectory(target);
        string ascp = StandInAscp.Create(Path.Combine(_ascli.Home, "bin"));
        var first = Faspex("package", "recv", id, "--once-only=yes", $"--to-folder={target}", $"--ascp-path={ascp}");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal("numbers", File.ReadAllText(Directory.EnumerateFiles(target, "report.txt", SearchOption.AllDirectories).Single()));
        Assert.Equal("no new package", Faspex("package", "receive", id, "--once-only=yes", $"--to-folder={target}", $"--ascp-path={ascp}").Out.Trim());
        Assert.Equal("ERROR: Argument: Missing mandatory option: delivery_info", Faspex("package", "send", "x").FirstError);
    }

    public async Task DisposeAsync()
    {
        await _faspex.DisposeAsync();
        _ascli.Dispose();
        Directory.Delete(_storage, recursive: true);
    }
}
