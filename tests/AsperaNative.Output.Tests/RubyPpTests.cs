namespace AsperaNative.Output.Tests;

/// <summary>The ruby format follows Ruby 3.3's pp: 79 columns, consistent breaking of the outer groups first.</summary>
public sealed class RubyPpTests
{
    [Fact]
    public void LongArrayBreaksOneElementALine()
    {
        string json = "[" + string.Join(",", Enumerable.Range(0, 12).Select(static i => $"\"item{i:00}\"")) + "]";
        string expected = "[" + string.Join(",\n ", Enumerable.Range(0, 12).Select(static i => $"\"item{i:00}\"")) + "]\n";
        Assert.Equal(expected, FormatterTests.Render(json, "ruby"));
    }

    [Fact]
    public void LongValueGoesBelowItsKey()
    {
        string value = new('x', 90);
        Assert.Equal("{\"k\"=>\n  \"" + value + "\"}\n", FormatterTests.Render("{\"k\":\"" + value + "\"}", "ruby"));
    }

    [Fact]
    public void NestedGroupsStayFlatWhenTheyFit()
        => Assert.Equal(
            "{\"first\"=>[1, 2, 3],\n \"second\"=>{\"a\"=>\"aaaaaaaaaaaaaaaaaaaa\", \"b\"=>\"bbbbbbbbbbbbbbbbbbbb\"},\n \"third\"=>nil}\n",
            FormatterTests.Render("{\"first\":[1,2,3],\"second\":{\"a\":\"aaaaaaaaaaaaaaaaaaaa\",\"b\":\"bbbbbbbbbbbbbbbbbbbb\"},\"third\":null}", "ruby"));

    [Fact]
    public void MultiLineStringsAreSums()
    {
        Assert.Equal("{\"a\"=>\"x\\n\" + \"y\"}\n", FormatterTests.Render("{\"a\":\"x\\ny\"}", "ruby"));
        string line = new('l', 50);
        Assert.Equal("\"" + line + "\\n\" +\n\"" + line + "\\n\"\n", FormatterTests.Render("\"" + line + "\\n" + line + "\\n\"", "ruby"));
    }
}
