using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Preview;

/// <summary>Source files made once with the real tools (an image, a PDF, a video, a text), and a home to run ascli in.</summary>
public sealed class PreviewFixture : IDisposable
{
    public CliHome Home { get; } = new();
    public string Sources { get; } = Directory.CreateTempSubdirectory("aspn-preview-src-").FullName;
    public string Image { get; }
    public string Pdf { get; }
    public string Video { get; }
    public string Text { get; }

    public PreviewFixture()
    {
        Image = Media.Image(Path.Combine(Sources, "photo.jpg"));
        Pdf = Media.Pdf(Path.Combine(Sources, "document.pdf"));
        Video = Media.Video(Path.Combine(Sources, "clip.mp4"));
        Text = Media.Text(Path.Combine(Sources, "notes.txt"));
    }

    /// <summary>A new empty folder for a test's outputs.</summary>
    public string NewOutputFolder() => Directory.CreateTempSubdirectory("aspn-preview-out-").FullName;

    public void Dispose()
    {
        Home.Dispose();
        Directory.Delete(Sources, recursive: true);
    }
}
