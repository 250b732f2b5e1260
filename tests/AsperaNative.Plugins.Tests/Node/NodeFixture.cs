using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Node;

/// <summary>An emulated node over HTTPS on a temporary docroot, and a home folder to run ascli in.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public CliHome Home { get; } = new();
    public string Docroot { get; } = Directory.CreateTempSubdirectory("aspn-node-").FullName;
    public NodeEmulator Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeEmulator.StartAsync(Docroot);

    /// <summary>Runs <c>ascli node</c> with the node admin's credentials (self-signed certificate accepted).</summary>
    public RunOutput Run(params string[] args)
        => Home.Run(["node", $"--url={Node.Url}", $"--username={NodeEmulator.AdminUser}", $"--password={NodeEmulator.AdminPassword}", "--insecure=yes", .. args]);

    /// <summary>Runs <c>ascli node</c> with other credentials.</summary>
    public RunOutput RunAs(string user, string password, params string[] args)
        => Home.Run(["node", $"--url={Node.Url}", $"--username={user}", $"--password={password}", "--insecure=yes", .. args]);

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        Home.Dispose();
        Directory.Delete(Docroot, recursive: true);
    }
}
