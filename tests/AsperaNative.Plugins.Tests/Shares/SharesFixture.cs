using AsperaNative.Emulators.Shares;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Shares;

/// <summary>A Shares emulator (own node on a temporary storage) seeded with an administrator, a user, two shares, and a home to run ascli in.</summary>
public sealed class SharesFixture : IAsyncLifetime
{
    public const string Admin = "shares_admin";
    public const string AdminPassword = "Sh4res!";

    public CliHome Home { get; } = new();
    public string Storage { get; } = Directory.CreateTempSubdirectory("aspn-shares-p-").FullName;
    public SharesEmulator Shares { get; private set; } = null!;
    public int Bob { get; private set; }
    public int ProjectX { get; private set; }
    public string Ascp { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Shares = await SharesEmulator.StartAsync(Storage, "/shares");
        Shares.AddUser(Admin, AdminPassword, admin: true, firstName: "Sam", lastName: "Admin");
        Bob = Shares.AddUser("bob", "B0b!pass", firstName: "Bob", lastName: "Stone");
        ProjectX = Shares.AddShare("project_x", "/projects/x");
        Shares.AddShare("secret", "/secret");
        File.WriteAllText(Path.Combine(Storage, "projects", "x", "plan.txt"), "the plan");
        Ascp = StandInAscpLauncher.Create(Home.PathOf("bin"));
    }

    /// <summary>Runs <c>ascli shares</c> as the administrator.</summary>
    public RunOutput Run(params string[] args) => RunAs(Admin, AdminPassword, args);

    public RunOutput RunAs(string user, string password, params string[] args)
        => Home.Run(["shares", $"--url={Shares.Url}", $"--username={user}", $"--password={password}", "--insecure=yes", .. args]);

    public async Task DisposeAsync()
    {
        await Shares.DisposeAsync();
        Home.Dispose();
        Directory.Delete(Storage, recursive: true);
    }
}
