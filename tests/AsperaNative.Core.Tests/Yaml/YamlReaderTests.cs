using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Core.Tests.Yaml;

public class YamlReaderTests
{
    [Theory]
    [InlineData("a: yes\nb: 010\nc: 1.5e3\nd: ~\ne: \"2\"\n", "{\"a\":true,\"b\":8,\"c\":\"1.5e3\",\"d\":null,\"e\":\"2\"}")]
    [InlineData("a: 1", "{\"a\":1}")]
    [InlineData("---\nconfig:\n  version: 4.21.1\np:\n  k: \"@env:MYV\"\n", "{\"config\":{\"version\":\"4.21.1\"},\"p\":{\"k\":\"@env:MYV\"}}")]
    [InlineData("[on, Off, NULL, null, '', 0x1F, 0b101, -017, 1_000, 1:20, .5, 1., y, n, 09, 12345678901234567890]",
        "[true,false,null,null,\"\",31,5,-15,1000,80,0.5,1,\"y\",\"n\",\"09\",12345678901234567890]")]
    [InlineData("z: 1\na: 2\nm: 3", "{\"z\":1,\"a\":2,\"m\":3}")]
    [InlineData("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n", "{\"base\":{\"x\":1,\"y\":2},\"derived\":{\"x\":1,\"y\":3}}")]
    [InlineData("t: |-\n  line1\n  line2\n", "{\"t\":\"line1\\nline2\"}")]
    [InlineData("'yes'", "\"yes\"")]
    [InlineData("!!str 12", "\"12\"")]
    [InlineData("1.5", "1.5")]
    [InlineData("a: 1,000", "{\"a\":1000}")]
    public void ResolvesAsPsych(string yaml, string json)
    {
        var node = YamlReader.Parse(yaml);
        Assert.Equal(json, node!.ToJsonString());
    }

    [Fact]
    public void SpecialFloats()
    {
        var a = (JsonArray)YamlReader.Parse("[-.inf, .Inf, .nan]")!;
        Assert.Equal(double.NegativeInfinity, a[0]!.GetValue<double>());
        Assert.Equal(double.PositiveInfinity, a[1]!.GetValue<double>());
        Assert.True(double.IsNaN(a[2]!.GetValue<double>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("---\n")]
    public void EmptyOrNilIsNull(string yaml) => Assert.Null(YamlReader.Parse(yaml));

    [Theory]
    [InlineData("a: [1, 2")]
    [InlineData("a: {x\nb: 1\n")]
    public void SyntaxErrorIsPsychs(string yaml)
    {
        var e = Assert.Throws<CliException>(() => YamlReader.Parse(yaml));
        Assert.Equal("Other(Psych::SyntaxError)", e.Kind);
    }
}
