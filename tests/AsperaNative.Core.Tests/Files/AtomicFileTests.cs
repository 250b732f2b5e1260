using AsperaNative.Core.Files;

namespace AsperaNative.Core.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aspn-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Entries() => [.. Directory.EnumerateFileSystemEntries(_folder).Select(static p => Path.GetFileName(p)).Order()];

    [Fact]
    public void Writes_the_content_and_leaves_only_the_target()
    {
        string path = Path.Combine(_folder, "sub", "config.yaml");
        AtomicFile.WriteAllText(path, "été\n");
        AtomicFile.WriteAllText(path, "second\n");
        Assert.Equal("second\n", File.ReadAllText(path));
        Assert.Equal([0x73], File.ReadAllBytes(path)[..1]); // no BOM
        Assert.Equal(["config.yaml"], Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "sub")).Select(static p => Path.GetFileName(p)));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_removes_the_temporary_one()
    {
        string path = Path.Combine(_folder, "vault.bin");
        AtomicFile.WriteAllText(path, "old content");
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new content, half way"u8);
            throw new IOException("disk full");
        }));
        Assert.Equal("disk full", e.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal(["vault.bin"], Entries());
    }

    [Fact]
    public void A_failed_first_write_creates_nothing()
    {
        string path = Path.Combine(_folder, "new.txt");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException()));
        Assert.Empty(Entries());
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_never_see_a_partial_file()
    {
        string path = Path.Combine(_folder, "token.txt");
        // each writer's content is one repeated character, long enough to span several disk blocks
        string Content(int writer) => new((char)('a' + writer), 200_000);
        AtomicFile.WriteAllText(path, Content(0));
        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                string text = File.ReadAllText(path);
                Assert.Equal(200_000, text.Length);
                Assert.All(text, c => Assert.Equal(text[0], c));
            }
        });
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(() =>
        {
            for (int i = 0; i < 25; i++) AtomicFile.WriteAllText(path, Content(w), AtomicFile.OwnerOnly);
        })).ToArray();
        await Task.WhenAll(writers);
        stop.Cancel();
        await reader;
        string last = File.ReadAllText(path);
        Assert.Contains(last[0], "abcdef");
        Assert.Equal(Content(last[0] - 'a'), last);
        Assert.Equal(["token.txt"], Entries());
    }

    [Fact]
    public void A_chosen_mode_is_applied_exactly_and_null_keeps_the_replaced_files_mode()
    {
        if (OperatingSystem.IsWindows()) return;
        string path = Path.Combine(_folder, "persist.txt");
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        AtomicFile.WriteAllText(path, "secret", AtomicFile.OwnerOnly);
        Assert.Equal(AtomicFile.OwnerOnly, File.GetUnixFileMode(path));
        var groupToo = AtomicFile.OwnerOnly | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, groupToo);
        AtomicFile.WriteAllText(path, "kept");
        Assert.Equal(groupToo, File.GetUnixFileMode(path));
        Assert.Equal("kept", File.ReadAllText(path));
    }
}
