using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Transfer.Tests;

/// <summary>
/// The stand-in ascp alone, on real folders: the hot folder options (resume levels, remove/move after transfer,
/// empty folders, exclusion by modification time, source base, delete before transfer), with the management
/// events it sends read from its <c>-M</c> port as a client reads them.
/// </summary>
public sealed class StandInAscpTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("standin-ascp-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string P(string relative) => Path.Combine(_root, relative);

    private string Write(string relative, string content, double ageSeconds = 3600)
    {
        string path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-ageSeconds));
        return path;
    }

    private sealed record Run(int Exit, List<Dictionary<string, string>> Events)
    {
        public IEnumerable<string> Files(string type) => Events.Where(e => e["Type"] == type).Select(static e => e["File"]);

        public Dictionary<string, string> Last => Events[^1];
    }

    /// <summary>Runs the stand-in with a management port of ours; every frame it sent, in order.</summary>
    private Run Ascp(params string[] args)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        string dll = Path.Combine(AppContext.BaseDirectory, "ascp.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = _root, RedirectStandardOutput = true };
        foreach (var a in new[] { dll, "-M", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(args)) info.ArgumentList.Add(a);
        info.Environment.Remove("ASCP_STANDIN_LOG");
        using var process = Process.Start(info)!;
        var events = new List<Dictionary<string, string>>();
        using (var client = listener.Accept())
        using (var reader = new StreamReader(new NetworkStream(client, ownsSocket: false), Encoding.UTF8))
        {
            Dictionary<string, string>? frame = null;
            while (reader.ReadLine() is { } line)
            {
                if (line == "FASPMGR 2") frame = [];
                else if (line.Length == 0) { if (frame is not null) events.Add(frame); frame = null; }
                else if (frame is not null && line.IndexOf(": ", StringComparison.Ordinal) is var sep and > 0) frame[line[..sep]] = line[(sep + 2)..];
            }
        }
        Assert.True(process.WaitForExit(60_000), "ascp did not end");
        return new Run(process.ExitCode, events);
    }

    [Fact]
    public void Resume_level_1_skips_a_destination_of_the_same_size_and_resumes_a_shorter_one()
    {
        Write("src/a.txt", "aaaa");
        Write("src/b.txt", "bbbbbbbb");
        Write("dst/src/a.txt", "xxxx");
        Write("dst/src/b.txt", "bbb");
        var run = Ascp("-k", "1", "-d", P("src"), P("dst"));
        Assert.Equal(0, run.Exit);
        Assert.Equal([P("dst/src/a.txt")], run.Files("SKIP"));
        // same size: attributes only, the content is not compared
        Assert.Equal("xxxx", File.ReadAllText(P("dst/src/a.txt")));
        Assert.Equal("bbbbbbbb", File.ReadAllText(P("dst/src/b.txt")));
        Assert.Equal("3", run.Events.Single(e => e["Type"] == "START")["StartByte"]);
        Assert.Equal("DONE", run.Last["Type"]);
        Assert.Equal("1", run.Last["TransfersSkipped"]);
        Assert.Equal("1", run.Last["FilesComplete"]);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public void Checksum_levels_skip_identical_files_and_send_a_changed_one_again(string level)
    {
        Write("src/same.txt", "identical");
        Write("src/changed.txt", "new content");
        Write("dst/src/same.txt", "identical");
        Write("dst/src/changed.txt", "old content");
        var run = Ascp("-k", level, "-d", P("src"), P("dst"));
        Assert.Equal(0, run.Exit);
        Assert.Equal([P("dst/src/same.txt")], run.Files("SKIP"));
        Assert.Equal([P("dst/src/changed.txt")], run.Files("STOP"));
        Assert.Equal("0", run.Events.Single(e => e["Type"] == "START")["StartByte"]);
        Assert.Equal("new content", File.ReadAllText(P("dst/src/changed.txt")));
    }

    [Fact]
    public void Sparse_checksum_of_a_large_file_sees_a_change_in_a_sampled_block_and_full_checksum_sees_any()
    {
        var data = new byte[4 << 20];
        new Random(7).NextBytes(data);
        File.WriteAllBytes(Write("src/big.bin", ""), data);
        Directory.CreateDirectory(P("dst/src"));
        File.WriteAllBytes(P("dst/src/big.bin"), data);
        Assert.Equal([P("dst/src/big.bin")], Ascp("-k", "2", "-d", P("src"), P("dst")).Files("SKIP"));
        // one byte changed far from the sampled blocks: only the full checksum sees it
        var changed = (byte[])data.Clone();
        changed[200_000] ^= 0xff;
        File.WriteAllBytes(P("src/big.bin"), changed);
        Assert.Equal([P("dst/src/big.bin")], Ascp("-k", "2", "-d", P("src"), P("dst")).Files("SKIP"));
        Assert.Equal([P("dst/src/big.bin")], Ascp("-k", "3", "-d", P("src"), P("dst")).Files("STOP"));
        Assert.Equal(changed, File.ReadAllBytes(P("dst/src/big.bin")));
        // the first block is sampled
        changed[10] ^= 0xff;
        File.WriteAllBytes(P("src/big.bin"), changed);
        Assert.Equal([P("dst/src/big.bin")], Ascp("-k", "2", "-d", P("src"), P("dst")).Files("STOP"));
    }

    [Fact]
    public void Resume_level_0_sends_every_file_again()
    {
        Write("src/a.txt", "aaaa");
        Write("dst/src/a.txt", "aaaa");
        var run = Ascp("-d", P("src"), P("dst"));
        Assert.Empty(run.Files("SKIP"));
        Assert.Equal([P("dst/src/a.txt")], run.Files("STOP"));
    }

    [Fact]
    public void Remove_after_transfer_with_source_base_sends_the_content_and_empties_the_hot_folder()
    {
        Write("hot/a.txt", "a");
        Write("hot/sub/deep/b.txt", "b");
        Directory.CreateDirectory(P("hot/empty"));
        var run = Ascp("--remove-after-transfer", "--remove-empty-directories", "--src-base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(P("hot"))),
            "-d", P("hot"), P("target"));
        Assert.Equal(0, run.Exit);
        // no top folder on the destination
        Assert.Equal("a", File.ReadAllText(P("target/a.txt")));
        Assert.Equal("b", File.ReadAllText(P("target/sub/deep/b.txt")));
        // sources gone, empty folders removed, the hot folder itself kept
        Assert.True(Directory.Exists(P("hot")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(P("hot")));
    }

    [Fact]
    public void Remove_empty_source_directory_also_removes_the_argument()
    {
        Write("hot/sub/b.txt", "b");
        Assert.Equal(0, Ascp("--remove-after-transfer", "--remove-empty-source-directory", "-d", P("hot"), P("target")).Exit);
        Assert.Equal("b", File.ReadAllText(P("target/hot/sub/b.txt")));
        Assert.False(Directory.Exists(P("hot")));
    }

    [Fact]
    public void Skipped_files_are_kept_unless_remove_skipped()
    {
        Write("hot/a.txt", "a");
        Write("target/hot/a.txt", "a");
        var kept = Ascp("-k", "2", "--remove-after-transfer", "-d", P("hot"), P("target"));
        Assert.Equal([P("target/hot/a.txt")], kept.Files("SKIP"));
        Assert.True(File.Exists(P("hot/a.txt")));
        Ascp("-k", "2", "--remove-after-transfer", "--remove-skipped", "-d", P("hot"), P("target"));
        Assert.False(File.Exists(P("hot/a.txt")));
    }

    [Fact]
    public void Move_after_transfer_archives_sources_with_their_destination_layout()
    {
        Write("hot/a.txt", "a");
        Write("hot/sub/b.txt", "b");
        var run = Ascp("--move-after-transfer=" + P("archive"), "--remove-empty-directories", "-d", P("hot"), P("target"));
        Assert.Equal(0, run.Exit);
        Assert.Equal("a", File.ReadAllText(P("archive/hot/a.txt")));
        Assert.Equal("b", File.ReadAllText(P("archive/hot/sub/b.txt")));
        Assert.Equal("b", File.ReadAllText(P("target/hot/sub/b.txt")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(P("hot")));
    }

    [Fact]
    public void Exclude_newer_than_a_negative_value_keeps_files_modified_in_the_last_seconds()
    {
        Write("hot/old.txt", "old", ageSeconds: 60);
        Write("hot/growing.txt", "growing", ageSeconds: 1);
        var run = Ascp("--exclude-newer-than=-8", "--remove-after-transfer", "-d", P("hot"), P("target"));
        Assert.Equal(0, run.Exit);
        Assert.Equal([P("target/hot/old.txt")], run.Files("STOP"));
        Assert.False(File.Exists(P("target/hot/growing.txt")));
        // an excluded file is neither sent nor removed
        Assert.True(File.Exists(P("hot/growing.txt")));
        Assert.Equal("1", run.Events.Single(e => e["Type"] == "NOTIFICATION")["PreTransferFiles"]);
        File.SetLastWriteTimeUtc(P("hot/growing.txt"), DateTime.UtcNow.AddSeconds(-30));
        Assert.Equal([P("target/hot/growing.txt")], Ascp("--exclude-newer-than", "-8", "-d", P("hot"), P("target")).Files("STOP"));
    }

    [Fact]
    public void Exclude_older_than_keeps_old_files_out_and_a_positive_value_is_an_epoch_time()
    {
        Write("hot/old.txt", "old", ageSeconds: 7200);
        Write("hot/recent.txt", "recent", ageSeconds: 10);
        Assert.Equal([P("target/hot/recent.txt")], Ascp("--exclude-older-than=-3600", "-d", P("hot"), P("target")).Files("STOP"));
        long hourAgo = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        Assert.Equal([P("target2/hot/old.txt")], Ascp("--exclude-newer-than=" + hourAgo, "-d", P("hot"), P("target2")).Files("STOP"));
    }

    [Fact]
    public void Delete_before_transfer_removes_destination_entries_the_source_does_not_have()
    {
        Write("src/keep.txt", "new");
        Write("src/sub/in.txt", "in");
        Write("dst/src/keep.txt", "old");
        Write("dst/src/gone.txt", "gone");
        Write("dst/src/sub/gone2.txt", "gone");
        Write("dst/src/oldsub/x.txt", "x");
        var run = Ascp("--delete-before-transfer", "-d", P("src"), P("dst"));
        Assert.Equal(0, run.Exit);
        Assert.Equal(["keep.txt", "sub", "sub/in.txt"],
            Directory.EnumerateFileSystemEntries(P("dst/src"), "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(P("dst/src"), e)).Order(StringComparer.Ordinal));
        Assert.Equal("new", File.ReadAllText(P("dst/src/keep.txt")));
    }

    [Fact]
    public void Overwrite_never_and_older_policies()
    {
        Write("src/a.txt", "newer", ageSeconds: 10);
        Write("dst/src/a.txt", "older!", ageSeconds: 100);
        Assert.Equal([P("dst/src/a.txt")], Ascp("--overwrite=never", "-d", P("src"), P("dst")).Files("SKIP"));
        Assert.Equal("older!", File.ReadAllText(P("dst/src/a.txt")));
        Assert.Equal([P("dst/src/a.txt")], Ascp("--overwrite", "older", "-d", P("src"), P("dst")).Files("STOP"));
        Assert.Equal("newer", File.ReadAllText(P("dst/src/a.txt")));
        // now the destination has the source's time: not older, left alone
        Assert.Equal([P("dst/src/a.txt")], Ascp("--overwrite=older", "-d", P("src"), P("dst")).Files("SKIP"));
    }
}
