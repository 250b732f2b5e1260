using AsperaNative.Emulators.Node;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Node;

/// <summary><c>node access_keys do &lt;id&gt; thumbnail</c> against the emulated node's previews (gen4)</summary>
public sealed class ThumbnailTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Key = "ak_thumb";
    private const string Secret = "Th_S3cret";

    private RunOutput Thumbnail(params string[] args) => fixture.Run(["access_keys", "do", Key, $"--secret={Secret}", "thumbnail", .. args]);

    [Fact]
    public void Preview_of_a_file_is_drawn_in_the_terminal()
    {
        string root = Path.Combine(fixture.Docroot, Key);
        fixture.Node.AddAccessKey(Key, Secret, root);
        string video = Path.Combine(root, "clips", "movie.mpg");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        File.WriteAllText(video, "not really a video");
        fixture.Node.SetPreview(video, TestPng.Solid(4, 4, 0, 128, 255));

        var run = Thumbnail("/clips/movie.mpg");
        Assert.Equal(0, run.Exit);
        string line = string.Concat(Enumerable.Repeat("\e[38;2;0;128;255m\e[48;2;0;128;255m\u2580", 4)) + "\e[0m";
        Assert.Equal(line + "\n" + line, run.Out.TrimEnd('\n'));
        Assert.Contains(fixture.Node.Requests, r => r.StartsWith("GET /files/", StringComparison.Ordinal) && r.EndsWith("/preview", StringComparison.Ordinal));

        // by file id, in single-pixel-row mode
        string id = fixture.Node.Store.IdOf(video);
        var flat = Thumbnail($"%id:{id}", "--image=@json:{\"double\":false}");
        Assert.Equal(0, flat.Exit);
        Assert.StartsWith("\e[48;2;0;128;255m ", flat.Out);

        // a file without preview: the node's error
        File.WriteAllText(Path.Combine(root, "plain.txt"), "x");
        var missing = Thumbnail("/plain.txt");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("ERROR: Rest: No preview for this file", missing.Error);

        // a preview the renderer cannot draw
        string other = Path.Combine(root, "photo.jpg");
        File.WriteAllText(other, "x");
        fixture.Node.SetPreview(other, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);
        Assert.Equal("ERROR: Tool: image: JPEG format cannot be displayed: only PNG images are supported", Thumbnail("/photo.jpg", "--image=@json:{\"text\":true}").Error);
    }
}
