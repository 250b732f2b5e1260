using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Tests;

/// <summary>--fields evaluation order and --select matching.</summary>
public sealed class FieldsAndSelectTests
{
    private const string List = "[{\"id\":1,\"name\":\"alpha\",\"x\":{\"y\":1}},{\"id\":\"1\",\"name\":\"beta\",\"extra\":true}]";

    private static string Csv(JsonNode? fields = null, JsonNode? select = null)
        => FormatterTests.Render(List, "csv", new OutputSettings { Fields = fields, Select = select });

    [Theory]
    [InlineData("ALL", "1,alpha,1,\n1,beta,,true\n")]
    [InlineData("name,id", "alpha,1\nbeta,1\n")]
    [InlineData("name,name", "alpha,alpha\nbeta,beta\n")]
    [InlineData("ALL,-x.y,-id", "alpha,\nbeta,true\n")]
    [InlineData("-id,ALL", "1,alpha,1,\n1,beta,,true\n")]
    [InlineData("id,-id,name", "alpha\nbeta\n")]
    [InlineData("extra,DEF", "," + "1,alpha,1,\ntrue,1,beta,,true\n")]
    public void FieldsApplyInOrder(string fields, string expected)
        => Assert.Equal(expected, Csv(JsonValue.Create(fields)));

    [Fact]
    public void FieldsAsArrayOrRegex()
    {
        Assert.Equal("alpha,1\nbeta,1\n", Csv(JsonNode.Parse("[\"name\",\"id\"]")));
        Assert.Equal("1,\n,true\n", Csv(new RubyRegex("^(x|e)").ToNode()));
    }

    [Fact]
    public void SelectIsTypeStrict()
    {
        Assert.Equal("alpha\n", Csv(JsonValue.Create("name"), JsonNode.Parse("{\"id\":1}")));
        Assert.Equal("beta\n", Csv(JsonValue.Create("name"), JsonNode.Parse("{\"id\":\"1\"}")));
        Assert.Equal("", Csv(JsonValue.Create("name"), JsonNode.Parse("{\"id\":1.0}")));
        Assert.Equal("alpha\n", Csv(JsonValue.Create("name"), JsonNode.Parse("{\"x.y\":1}")));
        Assert.Equal("beta\n", Csv(JsonValue.Create("name"), JsonNode.Parse("{\"x.y\":null}")));
    }

    [Fact]
    public void SelectWithRegexValue()
        => Assert.Equal("beta\n", Csv(JsonValue.Create("name"), new JsonObject { ["name"] = new RubyRegex("^b").ToNode() }));

    [Fact]
    public void StructuredFormatsSelectOnUnflattenedData()
    {
        var settings = new OutputSettings { Select = JsonNode.Parse("{\"name\":\"beta\"}"), Fields = JsonValue.Create("extra,name") };
        Assert.Equal("[{\"extra\":true,\"name\":\"beta\"}]\n", FormatterTests.Render(List, "json", settings));
        Assert.Equal("[\n  \"beta\"\n]\n", FormatterTests.Render(List, "jsonpp", settings with { Fields = JsonValue.Create("name") }));
        Assert.Equal("[{\"name\"=>\"alpha\", \"x\"=>{\"y\"=>1}}]\n", FormatterTests.Render(List, "ruby", new OutputSettings { Select = JsonNode.Parse("{\"id\":1}"), Fields = JsonValue.Create("name,x") }));
    }
}
