using System.Text.Json.Nodes;

namespace AsperaNative.Plugins.Tests.Aoc;

/// <summary>
/// Packages that really move files with the stand-in ascp (direct agent, AoC node token): send into the package's
/// contents folder on the node, receive by id into --to-folder, <c>ALL</c> with <c>--once-only</c> (its skip list in the
/// persistency folder), <c>INIT</c>. A fixture of its own: the once-only state is this class's alone.
/// </summary>
public sealed class AocTransferTests(AocFixture fixture) : IClassFixture<AocFixture>
{
    private static JsonNode Json(string text) => JsonNode.Parse(text[text.IndexOfAny(['{', '['])..])!;

    private static void AssertSameTree(string expected, string actual)
    {
        var e = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order(StringComparer.Ordinal).ToList();
        var a = Directory.EnumerateFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(e, a);
        Assert.NotEmpty(e);
        foreach (var f in e) Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), f);
    }

    /// <summary>A file and a folder with random bytes below <paramref name="root"/>: the sources of a send.</summary>
    private static string[] Sources(string root)
    {
        var random = new Random(14);
        Directory.CreateDirectory(Path.Combine(root, "photos", "2024"));
        var bytes = new byte[300_000];
        random.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(root, "report été.bin"), bytes);
        random.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(root, "photos", "2024", "beach.jpg"), bytes[..12_345]);
        File.WriteAllText(Path.Combine(root, "photos", "index.txt"), "two photos");
        return [Path.Combine(root, "report été.bin"), Path.Combine(root, "photos")];
    }

    [Fact]
    public void PackageSentWithFilesIsReceivedByteForByteThenOnceOnlySkipsIt()
    {
        string local = fixture.Home.PathOf("to-send");
        var sources = Sources(local);
        var send = fixture.Run(["packages", "send", "@json:{\"name\":\"holiday\",\"recipients\":[\"john.doe@example.com\"]}", .. sources,
            $"--ascp-path={fixture.Ascp}", "--format=json"]);
        Assert.True(send.Exit == 0, send.Out + send.Err);
        var created = Json(send.Out);
        string id = created["id"]!.ToString();
        // the files are in the package's contents folder on the node, and the package shows them
        string contents = fixture.Aoc.PathOfFile(created["contents_file_id"]!.ToString())!;
        AssertSameTree(local, contents);
        var shown = Json(fixture.Run("packages", "show", id, "--format=json").Out);
        Assert.Equal(300_000 + 12_345 + "two photos".Length, shown["bytes_transferred"]!.GetValue<long>());

        // received by id: byte-identical in --to-folder
        string byId = fixture.Home.PathOf("received-by-id");
        Directory.CreateDirectory(byId);
        var receive = fixture.Run("packages", "receive", id, $"--to-folder={byId}", $"--ascp-path={fixture.Ascp}", "--format=json");
        Assert.True(receive.Exit == 0, receive.Out + receive.Err);
        Assert.Contains($"downloading package: [{id}] holiday", receive.Out);
        AssertSameTree(local, byId);

        // ALL with --once-only: every package once (the sent one and the seeded NDA), the second run none
        string all = fixture.Home.PathOf("received-all");
        Directory.CreateDirectory(all);
        var first = fixture.Run("packages", "receive", "ALL", "--once-only=yes", $"--to-folder={all}", $"--ascp-path={fixture.Ascp}", "--format=json");
        Assert.True(first.Exit == 0, first.Out + first.Err);
        Assert.Contains("found 2 package(s).", first.Out);
        Assert.Equal("signed", File.ReadAllText(Path.Combine(all, "nda.txt")));
        Assert.True(File.ReadAllBytes(Path.Combine(local, "report été.bin")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(all, "report été.bin"))));
        string state = Path.Combine(fixture.Home.ConfigFolder, "persist_store",
            $"aoc_recv_myorg_ibmaspera_com_{fixture.Workspace["id"]}_{fixture.John["id"]}.txt");
        Assert.True(File.Exists(state), string.Join(",", Directory.GetFiles(Path.Combine(fixture.Home.ConfigFolder, "persist_store"))));
        var skipped = JsonNode.Parse(File.ReadAllText(state))!.AsArray().Select(static i => i!.ToString()).ToList();
        Assert.Equal([fixture.Package["id"]!.ToString(), id], skipped.Order(StringComparer.Ordinal));
        string again = fixture.Home.PathOf("received-again");
        Directory.CreateDirectory(again);
        var second = fixture.Run("packages", "receive", "ALL", "--once-only=yes", $"--to-folder={again}", $"--ascp-path={fixture.Ascp}", "--format=json");
        Assert.True(second.Exit == 0, second.Out + second.Err);
        Assert.Contains("found 0 package(s).", second.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(again));

        // INIT marks every current package as received: a new one sent after it is the only one ALL takes
        var init = fixture.Run("packages", "receive", "INIT", "--once-only=yes");
        Assert.Contains("Initialized skip for 2 package(s)", init.Out);
        var later = fixture.Run(["packages", "send", "@json:{\"name\":\"later\",\"recipients\":[\"john.doe@example.com\"]}", sources[0],
            $"--ascp-path={fixture.Ascp}", "--format=json"]);
        Assert.True(later.Exit == 0, later.Out + later.Err);
        string afterInit = fixture.Home.PathOf("received-after-init");
        Directory.CreateDirectory(afterInit);
        var third = fixture.Run("packages", "receive", "ALL", "--once-only=yes", $"--to-folder={afterInit}", $"--ascp-path={fixture.Ascp}", "--format=json");
        Assert.True(third.Exit == 0, third.Out + third.Err);
        Assert.Contains("found 1 package(s).", third.Out);
        Assert.Equal(["report été.bin"], Directory.EnumerateFileSystemEntries(afterInit).Select(Path.GetFileName));
    }
}
