using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Tests;

/// <summary>Each format on scalars, empty and nested values, plus display levels and item counts.</summary>
public sealed class FormatterTests
{
    internal static string Render(Result result, OutputSettings settings)
    {
        var output = new StringWriter();
        new ResultFormatter(settings, output).DisplayResult(result);
        return output.ToString();
    }

    internal static string Render(string json, string format = "table", OutputSettings? settings = null)
        => Render(Result.Auto(JsonNode.Parse(json)), (settings ?? new OutputSettings()) with { Format = format });

    [Theory]
    // a string: quoted by pp in tables and csv, raw in text
    [InlineData("\"hello\"", "table", "\"hello\"\n")]
    [InlineData("\"hello\"", "csv", "\"hello\"\n")]
    [InlineData("\"hello\"", "text", "hello\n")]
    [InlineData("\"hello\"", "json", "\"hello\"\n")]
    [InlineData("\"hello\"", "jsonpp", "\"hello\"\n")]
    [InlineData("\"hello\"", "ruby", "\"hello\"\n")]
    [InlineData("\"hello\"", "yaml", "--- hello\n")]
    [InlineData("\"a\\nb\\n\"", "table", "\"a\\n\" + \"b\\n\"\n")]
    [InlineData("\"a\\nb\\n\"", "text", "a\nb\n")]
    [InlineData("42", "table", "42\n")]
    [InlineData("42", "json", "42\n")]
    [InlineData("1e3", "json", "1000.0\n")]
    [InlineData("1.0", "text", "1.0\n")]
    [InlineData("false", "ruby", "false\n")]
    [InlineData("false", "csv", "false\n")]
    [InlineData("\"é/ü\\u0001\"", "json", "\"é/ü\\u0001\"\n")]
    [InlineData("[1,[2,3]]", "text", "[1, [2, 3]]\n")]
    [InlineData("[1,[2,3]]", "jsonpp", "[\n  1,\n  [\n    2,\n    3\n  ]\n]\n")]
    // empty values
    [InlineData("[]", "table", "<empty>\n")]
    [InlineData("[]", "csv", "")]
    [InlineData("[]", "json", "[]\n")]
    [InlineData("[]", "jsonpp", "[\n\n]\n")]
    [InlineData("[]", "text", "[]\n")]
    [InlineData("{}", "jsonpp", "{\n}\n")]
    [InlineData("{}", "json", "{}\n")]
    [InlineData("{}", "ruby", "{}\n")]
    [InlineData("{}", "table", "+-------+-------+\n| field | value |\n+-------+-------+\n+---------------+\n")]
    [InlineData("{}", "csv", "\n")]
    [InlineData("{\"a\":[]}", "jsonpp", "{\n  \"a\": [\n\n  ]\n}\n")]
    // nested values
    [InlineData("{\"a\":{\"b\":{}},\"c\":1,\"d\":2}", "table", "+-------+-------+\n| field | value |\n+-------+-------+\n| c     | 1     |\n| d     | 2     |\n+-------+-------+\n")]
    [InlineData("{\"a\":{\"b\":{}},\"c\":1}", "table", "1\n")]
    [InlineData("{\"s\":[{\"name\":\"p\",\"value\":1},{\"name\":\"p\",\"value\":2}],\"z\":0}", "csv", "2,0\n")]
    [InlineData("{\"l\":[[],[1]]}", "csv", "<empty list>,1\n")]
    [InlineData("[{\"a\":{\"b\":null}}]", "csv", "<null>\n")]
    [InlineData("[{\"a\":1,\"b\":null},{\"a\":2}]", "json", "[{\"a\":1,\"b\":null},{\"a\":2}]\n")]
    public void FormatsValues(string json, string format, string expected)
        => Assert.Equal(expected, Render(json, format));

    [Fact]
    public void NoDataIsAnAssertion()
    {
        var e = Assert.Throws<CliException>(() => Render("null"));
        Assert.Equal("Other(Aspera::AssertError)", e.Kind);
        Assert.Equal("assertion failed: result must have data", e.Message);
    }

    [Fact]
    public void NothingResultAmongStatusLines()
    {
        // config preset set: a status, the "nothing" result, another status (recorded cases fmt_nothing_*)
        foreach (var (format, expected) in new[] { ("text", "nil"), ("json", "\"nil\""), ("table", null), ("yaml", "--- :nil") })
        {
            var output = new StringWriter();
            var formatter = new ResultFormatter(new OutputSettings { Format = format }, output);
            formatter.DisplayStatus("Updated: p: k <- v");
            formatter.DisplayResult(Result.Nothing);
            formatter.DisplayStatus("Saving config file.");
            Assert.Equal("Updated: p: k <- v\n" + (expected is null ? "" : expected + "\n") + "Saving config file.\n", output.ToString());
        }
    }

    [Fact]
    public void EmptyResultIsAPlaceholder()
        => Assert.Equal("<empty>\n", Render(Result.Empty, new OutputSettings()));

    [Fact]
    public void StatusAndTextResults()
    {
        Assert.Equal("complete\n", Render(Result.Status("complete"), new OutputSettings()));
        Assert.Equal("", Render(Result.Status("complete"), new OutputSettings { Display = "data" }));
        Assert.Equal("/a/b\n", Render(Result.Text("/a/b"), new OutputSettings { Format = "csv" }));
        Assert.Equal("\"/a/b\"\n", Render(Result.Text("/a/b"), new OutputSettings { Format = "json" }));
    }

    [Fact]
    public void ValueListIsOneColumn()
    {
        var result = Result.ValueList(new JsonArray(1, "b"), "name");
        Assert.Equal("+------+\n| name |\n+------+\n| 1    |\n| b    |\n+------+\n", Render(result, new OutputSettings()));
    }

    [Fact]
    public void DisplayLevels()
    {
        var result = Result.ObjectList((JsonArray)JsonNode.Parse("[{\"a\":1,\"b\":2}]")!, total: 7);
        Assert.Equal("Items: 1/7\n[{\"a\":1,\"b\":2}]\n", Render(result, new OutputSettings { Format = "json" }));
        Assert.Equal("[{\"a\":1,\"b\":2}]\n", Render(result, new OutputSettings { Format = "json", Display = "data" }));
        Assert.Equal("", Render(result, new OutputSettings { Format = "json", Display = "error" }));
        Assert.Equal("", Render(Result.ObjectList([], total: 0), new OutputSettings { Display = "data" }));
    }

    [Fact]
    public void DefaultFieldsOfTheCommandApplyToTablesOnly()
    {
        var result = Result.ObjectList((JsonArray)JsonNode.Parse("[{\"id\":1,\"name\":\"a\",\"x\":3},{\"id\":2,\"name\":\"b\",\"x\":4}]")!, ["name", "id"]);
        Assert.Equal("+------+----+\n| name | id |\n+------+----+\n| a    | 1  |\n| b    | 2  |\n+------+----+\n", Render(result, new OutputSettings()));
        Assert.Equal("b,2,4\n", Render(result, new OutputSettings { Format = "csv", Fields = JsonValue.Create("DEF,x"), Select = JsonNode.Parse("{\"id\":2}") }));
        Assert.Equal("[{\"id\":1,\"name\":\"a\",\"x\":3},{\"id\":2,\"name\":\"b\",\"x\":4}]\n", Render(result, new OutputSettings { Format = "json" }));
    }

    [Fact]
    public void FilteringNeedsAListOfHashes()
    {
        var e = Assert.Throws<CliException>(() => Render("\"hello\"", "json", new OutputSettings { Select = JsonNode.Parse("{\"a\":1}") }));
        Assert.Equal("assertion failed: Filtering fields or select requires result is an Array of Hash: expecting Array, but have \"hello\"", e.Message);
        e = Assert.Throws<CliException>(() => Render("[1]", "yaml", new OutputSettings { Fields = JsonValue.Create("a") }));
        Assert.Equal("assertion failed: Filtering fields or select requires result is an Array of Hash", e.Message);
    }

    [Fact]
    public void NagiosStatusAndExitCode()
    {
        var output = new StringWriter();
        var formatter = new ResultFormatter(new OutputSettings { Format = "nagios" }, output);
        formatter.DisplayResult(Result.Auto(JsonNode.Parse(
            "[{\"status\":\"ok\",\"component\":\"a\",\"message\":\"fine\"},{\"status\":\"critical\",\"component\":\"b\",\"message\":\"x\"},{\"status\":\"critical\",\"component\":\"b\",\"message\":\"y\\nz\"}]")));
        Assert.Equal("CRITICAL - [b:x,y z]\n", output.ToString());
        Assert.Equal(2, formatter.ExitCode);

        output = new StringWriter();
        formatter = new ResultFormatter(new OutputSettings { Format = "nagios" }, output);
        formatter.DisplayResult(Result.Auto(JsonNode.Parse("[{\"status\":\"ok\",\"component\":\"a\",\"message\":\"m1\"},{\"status\":\"ok\",\"component\":\"a\",\"message\":\"m2\"}]")));
        Assert.Equal("OK - [a:m1,m2]\n", output.ToString());
        Assert.Equal(0, formatter.ExitCode);
    }

    [Fact]
    public void ImageFormatIsAClearError()
    {
        var e = Assert.Throws<CliException>(() => Render("\"https://example.com/a.png\"", "image"));
        Assert.StartsWith("format image", e.Message);
        e = Assert.Throws<CliException>(() => Render("[{\"a\":1},{\"a\":2}]", "image"));
        Assert.Equal("image display requires a single result", e.Message);
    }

    [Fact]
    public void ResultIsNotModified()
    {
        var data = JsonNode.Parse("[{\"password\":\"p\",\"n\":{\"token\":\"t\"}}]")!.AsArray();
        var result = Result.Auto(data);
        Render(result, new OutputSettings { Format = "json" });
        Render(result, new OutputSettings { Format = "yaml", Fields = JsonValue.Create("password") });
        Assert.Equal("[{\"password\":\"p\",\"n\":{\"token\":\"t\"}}]", data.ToJsonString());
    }

    [Fact]
    public void RegexValuesShowAsRuby()
    {
        var obj = new JsonObject { ["re"] = new RubyRegex("^a.*").ToNode() };
        Assert.Equal("{\"re\":\"(?-mix:^a.*)\"}\n", Render(Result.SingleObject(obj), new OutputSettings { Format = "json" }));
        Assert.Equal("{\"re\"=>/^a.*/}\n", Render(Result.SingleObject(obj), new OutputSettings { Format = "ruby" }));
    }
}
