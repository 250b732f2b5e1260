using System.Security.Cryptography;
using AsperaNative.Emulators.Aoc;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// The binary against the AoC emulator (through its CONNECT proxy): JWT login, token cache reuse, admin scope, files; a package
/// sent and received with the stand-in ascp (as the gen4 transfer server), received once only.
/// </summary>
public sealed class AocTests : IAsyncLifetime
{
    private readonly string _storage = Directory.CreateTempSubdirectory("ascli-e2e-aoc-").FullName;
    private readonly Ascli _cli = new();
    private AocEmulator _aoc = null!;
    private string _key = null!;
    private string _workspaceId = null!;
    private string _johnId = null!;

    public async Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        _key = Path.Combine(_cli.Home, "john.pem");
        File.WriteAllText(_key, rsa.ExportPkcs8PrivateKeyPem());
        _aoc = await AocEmulator.StartAsync(_storage);
        var john = _aoc.Seed.AddUser("john.doe@example.com", "John Doe", rsa.ExportSubjectPublicKeyInfoPem(), admin: true);
        var ws = _aoc.Seed.AddWorkspace("Default Workspace", john);
        _workspaceId = ws["id"]!.ToString();
        _johnId = john["id"]!.ToString();
        string home = _aoc.PathOfFile(_aoc.Seed.HomeFileId(ws, john)!)!;
        File.WriteAllText(Path.Combine(home, "todo.txt"), "buy milk");
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _aoc.DisposeAsync();
        Directory.Delete(_storage, recursive: true);
    }

    private Ascli.Run Aoc(params string[] args) => _cli.Exec(["aoc", $"--url={_aoc.OrgUrl}", "--username=john.doe@example.com",
        $"--private-key=@file:{_key}", $"--http-proxy={_aoc.ProxyUrl}", "--insecure=yes", .. args]);

    [Fact]
    public void JwtLoginThenCachedTokenThenAdminScopeThenFiles()
    {
        var profile = Aoc("user", "profile", "show", "--fields=email", "--format=csv");
        Assert.True(profile.Exit == 0, profile.Err);
        Assert.Equal("john.doe@example.com", profile.Out.Trim());
        int tokens = _aoc.Requests.Count(static r => r.Path.EndsWith("/oauth2/myorg/token", StringComparison.Ordinal));
        Assert.Equal(1, tokens);

        // the second run reuses the cached user token
        var org = Aoc("organization", "--fields=subdomain_name", "--format=csv");
        Assert.Equal("myorg", org.Out.Trim());
        Assert.Equal(1, _aoc.Requests.Count(static r => r.Path.EndsWith("/oauth2/myorg/token", StringComparison.Ordinal)));

        var users = Aoc("admin", "user", "list", "--format=csv", "--fields=email");
        Assert.True(users.Exit == 0, users.Err);
        Assert.Contains("john.doe@example.com", users.Out);

        var browse = Aoc("files", "browse", "/", "--format=csv", "--fields=name");
        Assert.True(browse.Exit == 0, browse.Err);
        Assert.Equal(["Workspace: Default Workspace", "todo.txt"], browse.Out.Trim().Split('\n'));
    }

    [Fact]
    public void PackageSentThenReceivedOnceOnlyWithTheStandInAscp()
    {
        string ascp = Gen4AscpLauncher.Create(Path.Combine(_cli.Home, "bin"), _aoc.TransferRoots, StandInAscp.Create(Path.Combine(_cli.Home, "stand-in")));
        string source = Path.Combine(_cli.Home, "out");
        Directory.CreateDirectory(Path.Combine(source, "docs"));
        var bytes = new byte[250_000];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(source, "docs", "data.bin"), bytes);
        File.WriteAllText(Path.Combine(source, "readme.txt"), "read me");

        var send = Aoc("packages", "send", "@json:{\"name\":\"e2e\",\"recipients\":[\"john.doe@example.com\"]}", Path.Combine(source, "docs"),
            Path.Combine(source, "readme.txt"), $"--ascp-path={ascp}", "--progress-bar=no", "--format=json");
        Assert.True(send.Exit == 0, send.Out + send.Err);
        var created = System.Text.Json.Nodes.JsonNode.Parse(send.Out[send.Out.IndexOf('{')..])!;
        string contents = _aoc.PathOfFile(created["contents_file_id"]!.ToString())!;
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(contents, "docs", "data.bin")));

        string target = Path.Combine(_cli.Home, "in");
        Directory.CreateDirectory(target);
        var first = Aoc("packages", "receive", "ALL", "--once-only=yes", $"--to-folder={target}", $"--ascp-path={ascp}", "--progress-bar=no");
        Assert.True(first.Exit == 0, first.Out + first.Err);
        Assert.Contains("found 1 package(s).", first.Out);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(target, "docs", "data.bin")));
        Assert.Equal("read me", File.ReadAllText(Path.Combine(target, "readme.txt")));
        Assert.True(File.Exists(Path.Combine(_cli.Home, ".aspera", "ascli", "persist_store", $"aoc_recv_myorg_ibmaspera_com_{_workspaceId}_{_johnId}.txt")));
        var second = Aoc("packages", "receive", "ALL", "--once-only=yes", $"--to-folder={target}", $"--ascp-path={ascp}", "--progress-bar=no");
        Assert.True(second.Exit == 0, second.Out + second.Err);
        Assert.Contains("found 0 package(s).", second.Out);
    }

    [Fact]
    public void MissingUrlIsAToolError()
    {
        var run = _cli.Exec("aoc", "organization");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Tool: Missing option: url", run.FirstError);
    }
}
