using AsperaNative.Emulators.Faspex4;
using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;
using AsperaNative.Plugins.Tests.Shares;

namespace AsperaNative.Plugins.Tests.Faspex4;

/// <summary>A Faspex 4 emulator (own node on a temporary storage) with users, a dropbox, a source and packages, and a home to run ascli in.</summary>
public sealed class FaspexFixture : IAsyncLifetime
{
    public CliHome Home { get; } = new();
    public string Storage { get; } = Directory.CreateTempSubdirectory("aspn-f4-p-").FullName;
    public Faspex4Emulator Faspex { get; private set; } = null!;
    public Faspex4User Jdoe { get; private set; } = null!;
    public Faspex4User Alice { get; private set; } = null!;
    public Faspex4Group Legal { get; private set; } = null!;
    public Faspex4Source Source { get; private set; } = null!;
    public List<Faspex4Package> Packages { get; } = [];
    public string Ascp { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Faspex = await Faspex4Emulator.StartAsync(Storage);
        Jdoe = Faspex.AddUser("jdoe", "F4spex!", firstName: "John", lastName: "Doe", admin: true);
        Alice = Faspex.AddUser("alice", "Al1ce!", firstName: "Alice", lastName: "Liddell");
        Legal = Faspex.AddDropbox("Legal", "legal team", Jdoe, Alice);
        Source = Faspex.AddSource("Main storage", "/sources/main");
        File.WriteAllText(Path.Combine(Storage, "sources", "main", "catalog.txt"), "catalog");
        for (int i = 1; i <= 12; i++)
            Packages.Add(Faspex.AddPackage(Alice, $"Package {i}", ["jdoe"], new Dictionary<string, string> { [$"file{i}.txt"] = $"content {i}" },
                note: $"note {i}", metadata: [new("Project", $"P{i}")], created: new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddDays(i)));
        Packages.Add(Faspex.AddPackage(Alice, "For legal", ["*Legal"], new Dictionary<string, string> { ["contract.txt"] = "contract" }));
        Ascp = StandInAscpLauncher.Create(Home.PathOf("bin"));
    }

    /// <summary>The delivery id of a package for jdoe (his <c>package_id</c>).</summary>
    public string DeliveryOf(Faspex4Package package, string name = "jdoe") => package.Recipients.First(r => r.Name == name).DeliveryId.ToString();

    public string StorageOption => $"--storage=@json:{{\"Main storage\":{{\"node\":{{\"url\":\"{Faspex.Node.Url}\",\"username\":\"{NodeEmulator.AdminUser}\",\"password\":\"{NodeEmulator.AdminPassword}\"}},\"path\":\"/sources/main\"}}}}";

    /// <summary>Runs <c>ascli faspex</c> as jdoe.</summary>
    public RunOutput Run(params string[] args) => RunAs("jdoe", "F4spex!", args);

    public RunOutput RunAs(string user, string password, params string[] args)
        => Home.Run(["faspex", $"--url={Faspex.Url}", $"--username={user}", $"--password={password}", "--insecure=yes", .. args]);

    public async Task DisposeAsync()
    {
        await Faspex.DisposeAsync();
        Home.Dispose();
        Directory.Delete(Storage, recursive: true);
    }
}
