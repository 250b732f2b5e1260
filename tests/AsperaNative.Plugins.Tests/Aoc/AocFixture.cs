using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Aoc;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Aoc;

/// <summary>
/// An emulated AoC organization (through its CONNECT proxy, as ascli reaches api.ibmaspera.com) with John (admin, JWT key
/// registered), Ann, a default workspace with John's home holding files, a shared inbox and a package for John.
/// </summary>
public sealed class AocFixture : IAsyncLifetime
{
    public CliHome Home { get; } = new();
    public string Storage { get; } = Directory.CreateTempSubdirectory("aspn-aoc-").FullName;
    public AocEmulator Aoc { get; private set; } = null!;
    public JsonObject John { get; private set; } = null!;
    public JsonObject Ann { get; private set; } = null!;
    public JsonObject Workspace { get; private set; } = null!;
    public JsonObject Inbox { get; private set; } = null!;
    public JsonObject Package { get; private set; } = null!;
    public string KeyFile { get; private set; } = null!;
    /// <summary>John's home folder on the node's storage.</summary>
    public string HomeFolder { get; private set; } = null!;
    /// <summary><c>--ascp-path</c> of the stand-in ascp playing the gen4 transfer server on the emulator's storage.</summary>
    public string Ascp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        KeyFile = Home.PathOf("john.pem");
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
        Aoc = await AocEmulator.StartAsync(Storage);
        Ascp = Gen4AscpLauncher.Create(Home.PathOf("bin"), Aoc.TransferRoots, Shares.StandInAscpLauncher.Create(Home.PathOf("stand-in")));
        John = Aoc.Seed.AddUser("john.doe@example.com", "John Doe", key.ExportSubjectPublicKeyInfoPem(), admin: true);
        Ann = Aoc.Seed.AddUser("ann@example.com", "Ann Lee");
        Workspace = Aoc.Seed.AddWorkspace("Default Workspace", John, Ann);
        Inbox = Aoc.Seed.AddDropbox(Workspace, "Legal Inbox", John);
        Package = Aoc.Seed.AddPackage(Workspace, Ann, "NDA", [John], new Dictionary<string, string> { ["nda.txt"] = "signed" });
        HomeFolder = Aoc.PathOfFile(Aoc.Seed.HomeFileId(Workspace, John)!)!;
        File.WriteAllText(Path.Combine(HomeFolder, "todo.txt"), "buy milk");
        Directory.CreateDirectory(Path.Combine(HomeFolder, "photos"));
        File.WriteAllText(Path.Combine(HomeFolder, "photos", "notes.txt"), "nice");
    }

    /// <summary>Runs <c>ascli aoc</c> as John with his JWT key.</summary>
    public RunOutput Run(params string[] args) => Home.Run([.. Connection, .. args]);

    public string[] Connection => ["aoc", $"--url={Aoc.OrgUrl}", "--username=john.doe@example.com", $"--private-key=@file:{KeyFile}",
        $"--http-proxy={Aoc.ProxyUrl}", "--insecure=yes"];

    public async Task DisposeAsync()
    {
        await Aoc.DisposeAsync();
        Home.Dispose();
        Directory.Delete(Storage, recursive: true);
    }
}
