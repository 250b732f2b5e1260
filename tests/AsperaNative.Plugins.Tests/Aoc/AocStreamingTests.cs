using System.Security.Cryptography;
using AsperaNative.Emulators.Aoc;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Aoc;

/// <summary>A list of 50 000 users read page by page (1000 per page) until the empty page, every row written.</summary>
public sealed class AocStreamingTests : IAsyncLifetime
{
    private readonly CliHome _home = new();
    private readonly string _storage = Directory.CreateTempSubdirectory("aspn-aoc-big-").FullName;
    private AocEmulator _aoc = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        _key = _home.PathOf("john.pem");
        File.WriteAllText(_key, rsa.ExportPkcs8PrivateKeyPem());
        _aoc = await AocEmulator.StartAsync(_storage);
        _aoc.Seed.AddUser("john.doe@example.com", "John Doe", rsa.ExportSubjectPublicKeyInfoPem(), admin: true);
        _aoc.Seed.GenerateUsers(50_000);
    }

    public async Task DisposeAsync()
    {
        await _aoc.DisposeAsync();
        _home.Dispose();
        Directory.Delete(_storage, recursive: true);
    }

    [Fact]
    public void FiftyThousandUsersFlowPageByPage()
    {
        var run = _home.Run("aoc", $"--url={_aoc.OrgUrl}", "--username=john.doe@example.com", $"--private-key=@file:{_key}",
            $"--http-proxy={_aoc.ProxyUrl}", "--insecure=yes", "admin", "user", "list", "--format=csv", "--fields=id");
        Assert.True(run.Exit == 0, run.Err);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("Items: 50001/50001", lines[0]);
        Assert.Equal(50_002, lines.Length);
        var pages = _aoc.Requests.Where(static r => r.Path == "/api/v1/users").ToList();
        Assert.Equal(52, pages.Count);
        Assert.All(pages, static p => Assert.Contains("per_page=1000", p.Query));
    }
}
