using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Server;

/// <summary>Every server file command against a real sshd, through the ascmd stand-in and through SFTP.</summary>
[Collection(SshdCollection.Name)]
public sealed partial class ServerFileCommandTests(SshdFixture sshd) : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    public static TheoryData<string> Users => [SshdFixture.AscmdUser, SshdFixture.SftpUser];

    private RunOutput Server(string user, params string[] args)
        => _home.Run(["server", $"--url={sshd.Url}", $"--username={user}", $"--password={SshdFixture.Password}", .. args]);

    private static void Fill(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "a.txt"), "hello\n");
        File.WriteAllBytes(Path.Combine(folder, "b.bin"), new byte[1000]);
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "sub", "c.txt"), "0123456789");
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}$")]
    private static partial Regex RubyTime();

    [SshdTheory]
    [MemberData(nameof(Users))]
    public void BrowseRootAsInTheReadme(string user)
    {
        var run = Server(user, "browse", "/");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("+------------+", run.Out);
        Assert.Contains("| zmode      | zuid | zgid | size", run.Out);
        Assert.Matches(@"\| drwx\S+ +\| root +\| root +\| \d+ +\| [^|]+\| etc +\|", run.Out);
    }

    [SshdFact]
    public void ListingIsTheSameThroughAscmdAndSftp()
    {
        string folder = SshdFixture.HomeOf(SshdFixture.AscmdUser) + "/" + sshd.NewFolder(SshdFixture.AscmdUser, Fill);
        var ascmd = Server(SshdFixture.AscmdUser, "ls", folder, "--format=json");
        var sftp = Server(SshdFixture.SftpUser, "ls", folder, "--format=json");
        Assert.Equal(0, ascmd.Exit);
        var entries = JsonNode.Parse(ascmd.Out)!.AsArray();
        Assert.Equal(["a.txt", "b.bin", "sub"], entries.Select(static e => e!["name"]!.GetValue<string>()));
        Assert.Equal([6L, 1000L], entries.Take(2).Select(static e => e!["size"]!.GetValue<long>()));
        Assert.Equal("-rw-r--r--", entries[0]!["zmode"]!.GetValue<string>());
        Assert.Equal("drwxr-xr-x", entries[2]!["zmode"]!.GetValue<string>());
        Assert.Equal(SshdFixture.AscmdUser, entries[0]!["zuid"]!.GetValue<string>());
        Assert.Matches(RubyTime(), entries[0]!["mtime"]!.GetValue<string>());
        // SFTP has no change time: every other field is the same
        Assert.Equal(Without(ascmd.Out, "ctime", "zctime"), Without(sftp.Out, "ctime", "zctime"));
        var table = Server(SshdFixture.SftpUser, "ls", folder + "/a.txt");
        Assert.Equal(Server(SshdFixture.AscmdUser, "ls", folder + "/a.txt").Out, table.Out);
        Assert.Matches(@"\| -rw-r--r-- \| aspn-ascmd \| aspn-ascmd \| 6    \| [^|]+ \| a\.txt \|", table.Out);
    }

    private static string Without(string json, params string[] fields)
    {
        var list = JsonNode.Parse(json)!.AsArray();
        foreach (var entry in list) foreach (string field in fields) entry!.AsObject().Remove(field);
        return list.ToJsonString();
    }

    [SshdTheory]
    [MemberData(nameof(Users))]
    public void ManageFiles(string user)
    {
        string folder = sshd.NewFolder(user, Fill);
        string home = SshdFixture.HomeOf(user);
        Assert.Equal("complete\n", Server(user, "mkdir", $"{folder}/new").Out);
        Assert.True(Directory.Exists($"{home}/{folder}/new"));
        Assert.Equal("complete\n", Server(user, "cp", $"{folder}/a.txt", $"{folder}/new").Out);
        Assert.Equal("hello\n", File.ReadAllText($"{home}/{folder}/new/a.txt"));
        Assert.Equal("complete\n", Server(user, "cp", $"{folder}/sub", $"{folder}/sub2").Out);
        Assert.Equal("0123456789", File.ReadAllText($"{home}/{folder}/sub2/c.txt"));
        Assert.Equal("complete\n", Server(user, "mv", $"{folder}/b.bin", $"{folder}/moved.bin").Out);
        Assert.Equal("complete\n", Server(user, "rename", $"{folder}/moved.bin", $"{folder}/renamed.bin").Out);
        Assert.True(File.Exists($"{home}/{folder}/renamed.bin"));
        Assert.False(File.Exists($"{home}/{folder}/b.bin"));
        Assert.Equal("complete\n", Server(user, "rm", $"{folder}/renamed.bin").Out);
        Assert.Equal("complete\n", Server(user, "delete", $"{folder}/sub2").Out);
        Assert.False(Directory.Exists($"{home}/{folder}/sub2"));
        Assert.Equal(["a.txt", "new", "sub"], JsonNode.Parse(Server(user, "ls", folder, "--format=json").Out)!.AsArray().Select(static e => e!["name"]!.GetValue<string>()));
        Assert.Equal("ERROR: Argument: ascmd: errno=17 errstr=\"File exists\" command=mkdir arguments=" + folder + "/new", Server(user, "mkdir", $"{folder}/new").Error);
    }

    [SshdTheory]
    [MemberData(nameof(Users))]
    public void UsageChecksumAndSystem(string user)
    {
        string folder = sshd.NewFolder(user, Fill);
        Assert.Equal("{\"size\":1016,\"fcount\":3,\"dcount\":1,\"failed_fcount\":0,\"failed_dcount\":0}\n", Server(user, "du", folder, "--format=json").Out);
        Assert.Equal("b1946ac92492d2347c6235b4d2611184\n", Server(user, "md5sum", $"{folder}/a.txt").Out);
        Assert.Equal("{\"md5sum\":\"b1946ac92492d2347c6235b4d2611184\"}\n", Server(user, "md5sum", $"{folder}/a.txt", "--format=json").Out);
        var df = JsonNode.Parse(Server(user, "df", "--format=json").Out)!.AsArray();
        Assert.Contains(df, static m => m!["dir"]!.GetValue<string>() == "/" && m["total"]!.GetValue<long>() > 0);
        var info = JsonNode.Parse(Server(user, "info", "--format=json").Out)!.AsObject();
        Assert.Equal(["platform", "version", "lang", "territory", "codeset", "lc_ctype", "lc_numeric", "lc_time", "lc_all", "dev", "browse_caps", "protocol"], info.Select(static p => p.Key));
        Assert.Equal(user == SshdFixture.SftpUser ? "sftp" : "2", info["protocol"]!.GetValue<string>());
    }

    [SshdTheory]
    [MemberData(nameof(Users))]
    public void MissingPathIsAscmdError(string user)
    {
        var run = Server(user, "ls", "no/such/path");
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Argument: ascmd: errno=2 errstr=\"No such file or directory\" command=ls arguments=no/such/path", run.Error);
        Assert.Equal("ERROR: Argument: ascmd: errno=2 errstr=\"No such file or directory\" command=rm arguments=nothing", Server(user, "rm", "nothing").Error);
    }

    [SshdFact]
    public void WrongPasswordIsRefused()
    {
        var run = _home.Run("server", $"--url={sshd.Url}", $"--username={SshdFixture.AscmdUser}", "--password=wrong", "ls", ".");
        Assert.Equal(1, run.Exit);
        Assert.Equal($"ERROR: Other(Net::SSH::AuthenticationFailed): Authentication failed for user {SshdFixture.AscmdUser}@127.0.0.1", run.Error);
    }
}
