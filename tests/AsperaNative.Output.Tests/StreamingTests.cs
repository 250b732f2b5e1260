using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Tests;

/// <summary>
/// Lists that flow (<see cref="ItemStream"/>) must print exactly what the whole-list path prints for the same
/// items, in every format and with the options that change the layout.
/// </summary>
public sealed class StreamingTests
{
    private static readonly string[] Formats = ["table", "csv", "json", "jsonpp", "yaml", "ruby", "text", "nagios"];

    /// <summary>Rows that vary: nested hashes, lists of strings and of names, secrets, wide characters, multi-line and empty strings, keys missing or added.</summary>
    internal static string Listing(int count)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            if (i > 0) text.Append(',');
            string size = (i % 11 == 0 ? (i * 1.5).ToString("0.0", CultureInfo.InvariantCulture) : (i * 1024L).ToString(CultureInfo.InvariantCulture));
            text.Append(CultureInfo.InvariantCulture, $$"""{"path":"/big/file_{{i:D6}}.bin","basename":"file_{{i:D6}}.bin","type":"{{(i % 3 == 0 ? "directory" : "file")}}","size":{{size}},"mtime":"2024-05-0{{i % 9 + 1}}T10:11:12Z","permissions":[{"name":"view"},{"name":"edit"}]""");
            if (i % 5 == 0) text.Append(CultureInfo.InvariantCulture, $$""","owner":{"id":{{i % 7}},"name":"用户{{i % 7}}","token":"tk{{i}}"}""");
            if (i % 7 == 1) text.Append(""","tags":["a","b\nc"],"note":"","ssh_private_key":"secret","empty":[],"nothing":null""");
            if (i % 13 == 2) text.Append(""","pairs":[{"name":"k","value":1},{"name":"j","value":{"deep":true}}],"mixed":[1,"x",{"y":2}]""");
            if (i == count - 1 && count > 3) text.Append(""","late_field":"only in the last row 🔑 with a longer text than the others"}""");
            else text.Append('}');
        }
        return text.Append(']').ToString();
    }

    private static string Render(Result result, OutputSettings settings)
    {
        var output = new StringWriter();
        var formatter = new ResultFormatter(settings, output);
        try { formatter.DisplayResultAsync(result).GetAwaiter().GetResult(); }
        catch (Exception e) { output.Write("<" + e.GetType().Name + ": " + e.Message + ">"); }
        return output.ToString();
    }

    private static void AssertSame(string json, OutputSettings settings, IReadOnlyList<string>? fields = null, bool values = false)
    {
        var dom = JsonNode.Parse(json)!.AsArray();
        var streamed = JsonNode.Parse(json)!.AsArray();
        var items = streamed.ToArray();
        streamed.Clear();
        Result whole = values ? Result.ValueList(dom, "name") : Result.ObjectList(dom, fields);
        Result flowing = values ? Result.ValueList(ItemStream.From(items), "name") : Result.ObjectList(ItemStream.From(items), fields);
        string expected = Render(whole, settings);
        string actual = Render(flowing, settings);
        if (expected != actual)
        {
            int at = 0;
            while (at < Math.Min(expected.Length, actual.Length) && expected[at] == actual[at]) at++;
            Assert.Fail($"{settings} rows={dom.Count}: differ at {at}\nexpected: …{Excerpt(expected, at)}\nactual:   …{Excerpt(actual, at)}");
        }
    }

    private static string Excerpt(string s, int at) => s.Substring(Math.Max(0, at - 80), Math.Min(160, s.Length - Math.Max(0, at - 80)));

    public static TheoryData<string, int> FormatsAndSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var format in Formats)
            foreach (int n in new[] { 0, 1, 2, 3, 4, 30 })
                data.Add(format, n);
        return data;
    }

    private static IEnumerable<OutputSettings> Variants(string format)
    {
        var plain = new OutputSettings { Format = format };
        yield return plain;
        yield return plain with { ShowSecrets = true };
        yield return plain with { Display = "data" };
        yield return plain with { FlatHash = false };
        yield return plain with { Fields = JsonValue.Create("path") };
        yield return plain with { Fields = JsonValue.Create("path,size,owner.name,tags") };
        yield return plain with { Fields = JsonValue.Create("DEF,-permissions,-mtime") };
        yield return plain with { Fields = JsonValue.Create("ALL") };
        yield return plain with { Fields = JsonValue.Create("path,ALL,-size,path") };
        yield return plain with { Fields = new JsonArray("type", "size") };
        yield return plain with { Fields = new RubyRegex("^(p|s)").ToNode() };
        yield return plain with { Select = new JsonObject { ["type"] = "file" } };
        yield return plain with { Select = new JsonObject { ["type"] = "directory" }, Fields = JsonValue.Create("path,size") };
        yield return plain with { Select = new JsonObject { ["type"] = "none" } };
        yield return plain with { Select = new JsonObject { ["basename"] = new RubyRegex("_00000[12]").ToNode() }, Fields = JsonValue.Create("path") };
        yield return plain with { MultiSingle = "yes" };
        yield return plain with { MultiSingle = "single" };
        yield return plain with { MultiSingle = "single", Select = new JsonObject { ["path"] = "/big/file_000001.bin" } };
        yield return plain with { TableStyle = new JsonObject { ["border"] = "unicode_round", ["all_separators"] = true } };
        yield return plain with { TableStyle = new JsonObject { ["border"] = "markdown", ["alignment"] = "right" } };
    }

    [Theory]
    [MemberData(nameof(FormatsAndSizes))]
    public void ObjectListsFlowAsTheyPrintWhole(string format, int rows)
    {
        string json = Listing(rows);
        foreach (var settings in Variants(format))
        {
            AssertSame(json, settings);
            AssertSame(json, settings, fields: ["path", "type", "owner.name", "missing"]);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("ruby")]
    [InlineData("yaml")]
    [InlineData("text")]
    public void ValueListsFlowAsTheyPrintWhole(string format)
    {
        foreach (string json in new[] { "[]", "[\"a\"]", "[1,2.5,null,\"x\\ny\",true]", "[\"" + new string('w', 100) + "\",\"b\"]", "[[1,2],{\"password\":\"p\"}]" })
            foreach (var settings in new[] { new OutputSettings { Format = format }, new OutputSettings { Format = format, Fields = JsonValue.Create("name") } })
                AssertSame(json, settings, values: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void RubyListsBreakWhereTheWholeListBreaks(int count)
    {
        // short items that fit on one line together, then do not
        var text = new StringBuilder("[");
        for (int i = 0; i < count; i++) text.Append(i > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $$"""{"i":{{i}}}""");
        AssertSame(text.Append(']').ToString(), new OutputSettings { Format = "ruby" });
        AssertSame("""[{"a":"x"},{"b":"y"}]""", new OutputSettings { Format = "ruby" });
        AssertSame("[{\"long\":\"" + new string('z', 70) + "\"},{\"b\":1}]", new OutputSettings { Format = "ruby" });
        AssertSame("[{\"long\":\"" + new string('z', 90) + "\",\"n\":{\"deep\":[1,2,3,\"" + new string('q', 60) + "\"]}}]", new OutputSettings { Format = "ruby" });
    }

    /// <summary>The acceptance comparison of issue 13: 100 000 rows, every format, old path against the flowing one.</summary>
    [Fact]
    public void HundredThousandRowsPrintTheSameInEveryFormat()
    {
        string json = Listing(100_000);
        foreach (var format in Formats.Where(static f => f != "nagios"))
            AssertSame(json, new OutputSettings { Format = format });
        AssertSame(json, new OutputSettings { Format = "table", Fields = JsonValue.Create("path,size,type") });
        AssertSame(json, new OutputSettings { Format = "csv", Select = new JsonObject { ["type"] = "file" } });
        AssertSame(json, new OutputSettings { Format = "json", Fields = JsonValue.Create("path,size") });
    }

    [Fact]
    public void ItemCountComesBeforeTheItems()
    {
        const string json = """[{"id":1},{"id":2},{"id":3}]""";
        var settings = new OutputSettings { Format = "json" };
        string whole = Render(Result.ObjectList(JsonNode.Parse(json)!.AsArray(), total: 10), settings);
        Assert.StartsWith("Items: 3/10\n", whole);
        // the source tells its count
        Assert.Equal(whole, Render(Result.ObjectList(Stream(json, total: 10, tellsCount: true), totalLine: TotalLine.WhenAnnounced), settings));
        // or the items are counted first
        Assert.Equal(whole, Render(Result.ObjectList(Stream(json, total: 10, tellsCount: false), totalLine: TotalLine.WhenAnnounced), settings));
        Assert.Equal(whole, Render(Result.ObjectList(Stream(json, total: 10, tellsCount: false), totalLine: TotalLine.WhenPartial), settings));
        // a complete list shows no count when only partial ones do
        Assert.DoesNotContain("Items", Render(Result.ObjectList(Stream(json, total: 3, tellsCount: false), totalLine: TotalLine.WhenPartial), settings));
        Assert.StartsWith("Items: 3/3\n", Render(Result.ObjectList(Stream(json, total: 3, tellsCount: true), totalLine: TotalLine.WhenAnnounced), settings));
        Assert.DoesNotContain("Items", Render(Result.ObjectList(Stream(json, total: 10, tellsCount: true), totalLine: TotalLine.WhenAnnounced), settings with { Display = "data" }));
    }

    [Fact]
    public async Task TheFirstItemIsReadBeforeAnythingIsWritten()
    {
        var output = new StringWriter();
        var formatter = new ResultFormatter(new OutputSettings { Format = "json" }, output);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => formatter.DisplayResultAsync(Result.ObjectList(Failing())));
        Assert.Equal("first page failed", e.Message);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task JsonIsWrittenBeforeTheListEnds()
    {
        var output = new StringWriter();
        var gate = new TaskCompletionSource();
        var formatter = new ResultFormatter(new OutputSettings { Format = "json" }, output);
        var display = formatter.DisplayResultAsync(Result.ObjectList(Gated(gate.Task)));
        SpinWait.SpinUntil(() => output.ToString().Length > 0, TimeSpan.FromSeconds(5));
        Assert.Equal("""[{"n":1}""", output.ToString());
        gate.SetResult();
        await display;
        Assert.Equal("""[{"n":1},{"n":2}]""" + "\n", output.ToString());
    }

    private static async IAsyncEnumerable<JsonNode?> Gated(Task gate)
    {
        yield return new JsonObject { ["n"] = 1 };
        await gate;
        yield return new JsonObject { ["n"] = 2 };
    }

    private static async IAsyncEnumerable<JsonNode?> Failing()
    {
        await Task.Yield();
        if (DateTime.Now.Year > 0) throw new InvalidOperationException("first page failed");
        yield return null;
    }

    private static ItemStream Stream(string json, long total, bool tellsCount)
    {
        var array = JsonNode.Parse(json)!.AsArray();
        var items = array.ToArray();
        array.Clear();
        return new CountedStream(items, total, tellsCount);
    }

    private sealed class CountedStream(JsonNode?[] items, long total, bool tellsCount) : ItemStream
    {
        private bool _started;
        public override long? Total => _started ? total : null;
        public override long? ExpectedCount => _started && tellsCount ? items.Length : null;

        public override async IAsyncEnumerator<JsonNode?> GetAsyncEnumerator(CancellationToken cancel = default)
        {
            await Task.Yield();
            _started = true;
            foreach (var item in items) yield return item;
        }
    }
}
