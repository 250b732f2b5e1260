using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Output.Images;

namespace AsperaNative.Output.Tests.Images;

/// <summary>The shared renderer: half blocks or spaces, fitting the terminal, averaging, inline pictures, options and errors</summary>
public sealed class TerminalImageTests
{
    private static readonly TerminalSize Big = new(80, 24);

    private static string Cell(string fg, string bg) => $"\e[38;2;{fg}m\e[48;2;{bg}m\u2580";

    [Fact]
    public void SolidPictureIsDrawnWithUpperHalfBlocks()
    {
        string text = TerminalImage.Build(PngWriter.Solid(4, 4, 255, 0, 0), new ImageOptions(), Big, inlineImages: false);
        // 4 rows / font ratio 32/14 = 1.75: 2 lines of 4 cells
        string line = string.Concat(Enumerable.Repeat(Cell("255;0;0", "255;0;0"), 4)) + "\e[0m";
        Assert.Equal(line + "\n" + line, text);
    }

    [Fact]
    public void UpperAndLowerPixelsGiveForegroundAndBackground()
    {
        // font ratio 1: one line per pixel row, two pixel rows per line in double mode
        var png = PngWriter.Rgba(1, 2, (_, y) => y == 0 ? ((byte)255, (byte)0, (byte)0, (byte)255) : ((byte)0, (byte)0, (byte)255, (byte)255));
        var options = new ImageOptions { FontRatio = 2 };
        Assert.Equal(Cell("255;0;0", "0;0;255") + "\e[0m", TerminalImage.Build(png, options, Big, false));
        // one pixel row per line: the two rows are averaged
        Assert.Equal("\e[48;2;127;0;127m \e[0m", TerminalImage.Build(png, options with { Double = false }, Big, false));
    }

    [Fact]
    public void PictureShrinksToTheTerminalAndAveragesPixels()
    {
        // black and white columns: two source columns per cell give grey
        var png = PngWriter.Rgba(40, 8, (x, _) => x % 2 == 0 ? ((byte)0, (byte)0, (byte)0, (byte)255) : ((byte)255, (byte)255, (byte)255, (byte)255));
        string text = TerminalImage.Build(png, new ImageOptions { FontRatio = 2 }, new TerminalSize(20, 24), false);
        string[] lines = text.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat(Cell("127;127;127", "127;127;127"), 20)) + "\e[0m", lines[0]);
        // the reserved lines are taken from the height: 8 rows of 2 pixels would need 4 lines, 1 is left
        string flat = TerminalImage.Build(PngWriter.Solid(8, 8, 0, 255, 0), new ImageOptions { FontRatio = 2, Reserve = 23 }, new TerminalSize(80, 24), false);
        Assert.Single(flat.Split('\n'));
        Assert.Equal(2, flat.Split("\u2580").Length - 1);
    }

    [Fact]
    public void SmallPicturesAreNotEnlarged()
    {
        string text = TerminalImage.Build(PngWriter.Solid(2, 2, 1, 2, 3), new ImageOptions { FontRatio = 2 }, new TerminalSize(200, 100), false);
        Assert.Equal(Cell("1;2;3", "1;2;3") + Cell("1;2;3", "1;2;3") + "\e[0m", text);
    }

    [Fact]
    public void TransparentPixelsAreBlendedOnBlack()
    {
        var png = PngWriter.Rgba(1, 2, (_, _) => (200, 100, 50, 0));
        Assert.Equal(Cell("0;0;0", "0;0;0") + "\e[0m", TerminalImage.Build(png, new ImageOptions { FontRatio = 2 }, Big, false));
    }

    [Fact]
    public void PaletteImagesAreDecoded()
    {
        var png = PngWriter.Palette(5, 2, [10, 20, 30, 40, 50, 60, 70, 80, 90], (x, _) => x % 3);
        var image = PngDecoder.Decode(png);
        Assert.Equal((5, 2), (image.Width, image.Height));
        Assert.Equal(((byte)70, (byte)80, (byte)90, (byte)255), image.At(2, 1));
        Assert.Equal(((byte)40, (byte)50, (byte)60, (byte)255), image.At(4, 0));
    }

    [Fact]
    public void InlineTerminalsGetTheFileUnlessTextIsAsked()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[60]];
        string inline = TerminalImage.Build(jpeg, new ImageOptions(), Big, inlineImages: true);
        string base64 = Convert.ToBase64String(jpeg);
        Assert.Equal($"\e]1337;File=inline=1;preserveAspectRatio=1;size={jpeg.Length}:{base64[..60]}\n{base64[60..]}\n\a", inline);
        var e = Assert.Throws<CliException>(() => TerminalImage.Build(jpeg, new ImageOptions { Text = true }, Big, inlineImages: true));
        Assert.Equal("image: JPEG format cannot be displayed: only PNG images are supported", e.Message);
        Assert.True(TerminalImage.InlineImagesSupported(v => v == "TERM_PROGRAM" ? "iTerm.app" : null));
        Assert.True(TerminalImage.InlineImagesSupported(v => v == "LC_TERMINAL" ? "WezTerm" : null));
        Assert.False(TerminalImage.InlineImagesSupported(v => v == "TERM_PROGRAM" ? "Apple_Terminal" : null));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "GIF")]
    [InlineData(new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g', (byte)' ' }, "SVG")]
    [InlineData(new byte[] { (byte)'h', (byte)'i' }, "this")]
    public void UnsupportedFormatsAreAClearError(byte[] data, string kind)
    {
        var e = Assert.Throws<CliException>(() => TerminalImage.Build(data, new ImageOptions(), Big, false));
        Assert.Equal($"image: {kind} format cannot be displayed: only PNG images are supported", e.Message);
        Assert.Equal("Tool", e.Kind);
    }

    [Fact]
    public void DamagedPngIsAnError()
    {
        byte[] png = PngWriter.Solid(4, 4, 1, 1, 1);
        var e = Assert.Throws<CliException>(() => PngDecoder.Decode(png[..40]));
        Assert.StartsWith("image: ", e.Message);
    }

    [Fact]
    public void OptionsComeFromTheImageHash()
    {
        var options = ImageOptions.From(JsonNode.Parse("{\"text\":true,\"double\":false,\"reserve\":5,\"font_ratio\":2.5}")!.AsObject());
        Assert.Equal(new ImageOptions { Text = true, Double = false, Reserve = 5, FontRatio = 2.5 }, options);
        Assert.Equal(new ImageOptions(), ImageOptions.From(null));
        Assert.True(ImageOptions.From(JsonNode.Parse("{\"text\":\"yes\"}")!.AsObject()).Text);
        var e = Assert.Throws<CliException>(() => ImageOptions.From(JsonNode.Parse("{\"width\":10}")!.AsObject()));
        Assert.Equal("unknown keyword: :width", e.Message);
        Assert.Throws<CliException>(() => ImageOptions.From(JsonNode.Parse("{\"double\":3}")!.AsObject()));
    }
}
