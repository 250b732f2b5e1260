using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Output.Images;

namespace AsperaNative.Output.Tests.Images;

/// <summary><c>--format=image</c>: a URL read through the given reader or the picture's bytes, from a value or a single field</summary>
public sealed class ImageFormatTests
{
    private static readonly byte[] Red = PngWriter.Solid(2, 2, 255, 0, 0);
    private static readonly string RedDrawing = string.Concat(Enumerable.Repeat("\e[38;2;255;0;0m\e[48;2;255;0;0m\u2580", 2)) + "\e[0m\n";

    private static string Render(Result result, ImageSettings images, JsonNode? fields = null)
    {
        var output = new StringWriter();
        new ResultFormatter(new OutputSettings { Format = "image", Fields = fields }, output) { Images = images }.DisplayResult(result);
        return output.ToString();
    }

    private static ImageSettings Settings(Func<string, byte[]>? reader = null, JsonObject? options = null)
        => new() { UrlReader = reader, Options = options ?? new JsonObject { ["font_ratio"] = 2 }, Terminal = new TerminalSize(80, 24), InlineImages = false };

    [Fact]
    public void UrlIsReadThroughTheReader()
    {
        var asked = new List<string>();
        string output = Render(Result.Text("https://example.com/red.png"), Settings(url => { asked.Add(url); return Red; }));
        Assert.Equal(RedDrawing, output);
        Assert.Equal(["https://example.com/red.png"], asked);
    }

    [Fact]
    public void BinaryStringIsThePictureItself()
        => Assert.Equal(RedDrawing, Render(Result.Text(Encoding.Latin1.GetString(Red)), Settings()));

    [Fact]
    public void SingleFieldOfAnObjectIsDisplayed()
    {
        var data = new JsonObject { ["name"] = "pic", ["url"] = "http://h/p.png" };
        Assert.Equal(RedDrawing, Render(Result.SingleObject(data), Settings(_ => Red), fields: JsonValue.Create("url")));
        var e = Assert.Throws<CliException>(() => Render(Result.SingleObject(data), Settings(_ => Red)));
        Assert.Equal("select a single field to display", e.Message);
        e = Assert.Throws<CliException>(() => Render(Result.ObjectList(new JsonArray(new JsonObject { ["a"] = 1 }, new JsonObject { ["a"] = 2 })), Settings()));
        Assert.Equal("image display requires a single result", e.Message);
    }

    [Fact]
    public void OptionsOfTheImageHashApply()
    {
        string output = Render(Result.Text(Encoding.Latin1.GetString(Red)), Settings(options: new JsonObject { ["font_ratio"] = 2, ["double"] = false }));
        Assert.Equal("\e[48;2;255;0;0m \e[48;2;255;0;0m \e[0m\n", output);
        var e = Assert.Throws<CliException>(() => Render(Result.Text(Encoding.Latin1.GetString(Red)), Settings(options: new JsonObject { ["size"] = 2 })));
        Assert.Equal("Other(ArgumentError)", e.Kind);
        Assert.Equal("unknown keyword: :size", e.Message);
    }

    [Fact]
    public void ErrorsAreClear()
    {
        var e = Assert.Throws<CliException>(() => Render(Result.Text("https://example.com/a.png"), Settings(reader: null)));
        Assert.StartsWith("format image: cannot read https://example.com/a.png", e.Message);
        e = Assert.Throws<CliException>(() => Render(Result.Text("<svg viewBox=\"0 0 100 100\"/>"), Settings()));
        Assert.Equal("image: SVG format cannot be displayed: only PNG images are supported", e.Message);
        e = Assert.Throws<CliException>(() => Render(Result.Text("https://x/j.jpg"), Settings(_ => [0xFF, 0xD8, 0xFF, 0xDB])));
        Assert.Equal("image: JPEG format cannot be displayed: only PNG images are supported", e.Message);
        e = Assert.Throws<CliException>(() => Render(new Result(ResultKind.OtherStruct, new JsonArray(1), null), Settings()));
        Assert.Equal("assertion failed: URL or blob for image: expecting String, but have [1]", e.Message);
    }
}
