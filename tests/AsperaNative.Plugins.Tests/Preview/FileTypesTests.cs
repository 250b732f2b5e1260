using AsperaNative.Core.Errors;
using AsperaNative.Plugins.Preview.Generation;

namespace AsperaNative.Plugins.Tests.Preview;

/// <summary>The category of a source file: node mime type, then content (mimemagic), then extension.</summary>
public sealed class FileTypesTests
{
    [Theory]
    [InlineData("image/jpeg", "image")]
    [InlineData("application/pdf", "pdf")]
    [InlineData("text/plain", "plaintext")]
    [InlineData("application/json", "plaintext")]
    [InlineData("video/quicktime", "video")]
    [InlineData("audio/ogg", "video")]
    [InlineData("application/mxf", "video")]
    [InlineData("application/vnd.ms-excel", "office")]
    [InlineData("text/csv", "office")]
    [InlineData("application/dicom", "image")]
    [InlineData("video/x-mng", "image")]
    [InlineData("application/zip", null)]
    [InlineData("audio/mpeg", null)]
    public void Mime_types_map_to_categories(string mime, string? category) => Assert.Equal(category, FileTypes.OfMime(mime));

    [Fact]
    public void The_node_mime_type_comes_before_the_extension()
    {
        Assert.Equal(FileTypes.Pdf, FileTypes.Of("/x/report.jpg", "application/pdf", sniffContent: false));
        Assert.Equal(FileTypes.Image, FileTypes.Of("/x/report.JPG", null, sniffContent: false));
        Assert.Equal(FileTypes.Office, FileTypes.Of("/x/slides.pptx", null, sniffContent: false));
        Assert.Equal(FileTypes.Video, FileTypes.Of("/x/take.mxf", "application/octet-stream", sniffContent: false));
        var error = Assert.Throws<CliException>(() => FileTypes.Of("/x/archive.zip", null, sniffContent: false));
        Assert.Equal("no conversion type found for archive.zip", error.Message);
    }

    [Fact]
    public void Content_signatures_give_the_mime_type()
    {
        Assert.Equal("image/png", MagicNumbers.MimeOf([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", MagicNumbers.MimeOf([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("application/pdf", MagicNumbers.MimeOf("%PDF-1.7\n"u8));
        Assert.Equal("video/mp4", MagicNumbers.MimeOf(System.Text.Encoding.Latin1.GetBytes("\0\0\0\u0020ftypisom\0\0\u0002\0")));
        Assert.Equal("video/quicktime", MagicNumbers.MimeOf(System.Text.Encoding.Latin1.GetBytes("\0\0\0\u0014ftypqt  \0\0\0\0")));
        Assert.Equal("text/plain", MagicNumbers.MimeOf("just words\nand lines\n"u8));
        Assert.Null(MagicNumbers.MimeOf([0x00, 0x01, 0x02, 0x03]));
        var dicom = new byte[140];
        "DICM"u8.CopyTo(dicom.AsSpan(128));
        Assert.Equal("application/dicom", MagicNumbers.MimeOf(dicom));
    }

    [Fact]
    public void Error_pictures_are_valid_pngs()
    {
        string folder = Directory.CreateTempSubdirectory("aspn-preview-err-").FullName;
        try
        {
            foreach (bool video in new[] { false, true })
            {
                string path = Path.Combine(folder, $"error_{video}.png");
                File.WriteAllBytes(path, ErrorPicture.Png(video));
                var info = Media.Probe(path);
                Assert.Equal(("png", 128, 128), (info.Codec, info.Width, info.Height));
            }
            Assert.NotEqual(ErrorPicture.Png(false), ErrorPicture.Png(true));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
