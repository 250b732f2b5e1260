using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Tests.Values;

public class RubyToSTests
{
    [Theory]
    [InlineData("\"text\"", "text")]
    [InlineData("\"a \\\"quoted\\\" \\u00e9t\\u00e9\"", "a \"quoted\" été")]
    [InlineData("\"\"", "")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.50", "1.5")]
    [InlineData("2.0", "2.0")]
    [InlineData("1e3", "1000.0")]
    [InlineData("1e20", "1.0e+20")]
    [InlineData("0.00001", "1.0e-05")]
    [InlineData("[\"a\",1,null]", "[\"a\", 1, nil]")]
    [InlineData("{\"k\":\"it's\",\"n\":null}", "{\"k\"=>\"it's\", \"n\"=>nil}")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    public void Parsed_values_read_as_ruby_prints_them(string json, string expected)
        => Assert.Equal(expected, RubyToS.Of(JsonNode.Parse(json)));

    [Fact]
    public void Nil_is_empty() => Assert.Equal("", RubyToS.Of(null));

    [Fact]
    public void Values_built_in_code_read_as_parsed_ones()
    {
        Assert.Equal("text", RubyToS.Of(JsonValue.Create("text")));
        Assert.Equal("12", RubyToS.Of(JsonValue.Create(12)));
        Assert.Equal("12", RubyToS.Of(JsonValue.Create(12L)));
        Assert.Equal("0.25", RubyToS.Of(JsonValue.Create(0.25)));
        Assert.Equal("3.0", RubyToS.Of(JsonValue.Create(3.0)));
        Assert.Equal("true", RubyToS.Of(JsonValue.Create(true)));
        Assert.Equal("[\"x\", {\"y\"=>2}]", RubyToS.Of(new JsonArray("x", new JsonObject { ["y"] = 2 })));
    }

    [Fact]
    public void Regexp_is_its_source_with_flags()
    {
        Assert.Equal("(?-mix:ab+c)", RubyToS.Of(new RubyRegex("ab+c").ToNode()));
        Assert.Equal("(?i-mx:x)", RubyToS.Of(new RubyRegex("x", IgnoreCase: true).ToNode()));
        // inside a structure it is inspected, as Ruby's Array#to_s does
        Assert.Equal("[/x/i]", RubyToS.Of(new JsonArray(new RubyRegex("x", IgnoreCase: true).ToNode())));
    }
}
