using System.Text.Json.Nodes;

namespace AsperaNative.Output.Tests;

/// <summary>Table layout: borders, unicode widths, multi-line cells, --multi-single, --flat-hash.</summary>
public sealed class TableTests
{
    private static string Table(string json, OutputSettings? settings = null) => FormatterTests.Render(json, "table", settings);

    [Fact]
    public void UnicodeRoundBorder()
    {
        var style = new OutputSettings { TableStyle = JsonNode.Parse("{\"border\":\"unicode_round\"}") };
        Assert.Equal(
            "╭───────┬───────╮\n│ field │ value │\n╞═══════╪═══════╡\n│ a     │ 1     │\n│ b     │ 2     │\n╰───────┴───────╯\n",
            Table("{\"a\":1,\"b\":2}", style));
    }

    [Fact]
    public void UnicodeThickEdgeAndPlainUnicode()
    {
        Assert.Equal(
            "┏━━━┯━━━━┓\n┃ a │ b  ┃\n┣═══╪════┫\n┃ 1 │ 22 ┃\n┠───┼────┨\n┃ 3 │ 4  ┃\n┗━━━┷━━━━┛\n",
            Table("[{\"a\":1,\"b\":22},{\"a\":3,\"b\":4}]", new OutputSettings { TableStyle = JsonNode.Parse("{\"border\":\"unicode_thick_edge\",\"all_separators\":true}") }));
        Assert.Equal(
            "┌───────┬───────┐\n│ field │ value │\n╞═══════╧═══════╡\n└───────────────┘\n",
            Table("{}", new OutputSettings { TableStyle = JsonNode.Parse("{\"border\":\"unicode\"}") }));
    }

    [Fact]
    public void MarkdownBorder()
        => Assert.Equal(
            "| a   | b  |\n|-----|----|\n| 1   | 22 |\n| 333 | 4  |\n",
            Table("[{\"a\":1,\"b\":22},{\"a\":333,\"b\":4}]", new OutputSettings { TableStyle = JsonNode.Parse("{\"border\":\"markdown\"}") }));

    [Fact]
    public void PaddingAlignmentAndMargin()
        => Assert.Equal(
            "  +-----+----+\n  |   a |  b |\n  +-----+----+\n  | 333 |  4 |\n  |   1 | 22 |\n  +-----+----+\n",
            Table("[{\"a\":333,\"b\":4},{\"a\":1,\"b\":22}]", new OutputSettings { TableStyle = JsonNode.Parse("{\"alignment\":\"right\",\"padding_right\":1,\"margin_left\":\"  \"}") }));

    [Fact]
    public void UnknownBorderOrOptionIsAnError()
    {
        var e = Assert.Throws<AsperaNative.Core.Errors.CliException>(() => Table("{\"a\":1,\"b\":2}", new OutputSettings { TableStyle = JsonNode.Parse("{\"border\":\"fancy_one\"}") }));
        Assert.Equal("Cannot lookup class Terminal::Table::FancyOneBorder from symbol :fancy_one", e.Message);
    }

    [Fact]
    public void CjkCharactersTakeTwoColumns()
        => Assert.Equal(
            "+------+---+\n| name | v |\n+------+---+\n| 日本 | 1 |\n| abc  | 2 |\n+------+---+\n",
            Table("[{\"name\":\"日本\",\"v\":1},{\"name\":\"abc\",\"v\":2}]"));

    [Fact]
    public void EmojiAndCombiningMarks()
        => Assert.Equal(
            "+-------+-------+\n| field | value |\n+-------+-------+\n| k     | 🔑🔑  |\n| e     | e\u0301     |\n+-------+-------+\n",
            Table("{\"k\":\"🔑🔑\",\"e\":\"e\\u0301\"}"));

    [Fact]
    public void MultiLineCellsAndBlankRows()
        => Assert.Equal(
            "+---+---+\n| a | b |\n+---+---+\n| x | 1 |\n| y |   |\n\n+---+---+\n",
            Table("[{\"a\":\"x\\ny\",\"b\":1},{\"c\":2}]", new OutputSettings { Fields = JsonValue.Create("a,b") }));

    [Fact]
    public void FlatHashNoShowsRubySyntax()
        => Assert.Equal(
            "+-------+------------+\n| field | value      |\n+-------+------------+\n| a     | {\"b\"=>[1]} |\n| l     | [\"x\", \"y\"] |\n| n     |            |\n+-------+------------+\n",
            Table("{\"a\":{\"b\":[1]},\"l\":[\"x\",\"y\"],\"n\":null}", new OutputSettings { FlatHash = false }));

    [Fact]
    public void SingleValueIsPrintedLikeRubyPuts()
    {
        Assert.Equal("x\ny\n", Table("{\"a\":[\"x\",\"y\"]}", new OutputSettings { FlatHash = false, Fields = JsonValue.Create("a") }));
        Assert.Equal("\n", Table("{\"a\":1}", new OutputSettings { Fields = JsonValue.Create("zz") }));
        Assert.Equal("<null>\n", Table("{\"a\":null}", new OutputSettings { Fields = JsonValue.Create("a") }));
    }

    [Fact]
    public void MultiSingleSingleOnlyForOneRow()
    {
        var settings = new OutputSettings { MultiSingle = "single" };
        Assert.Equal("+-------+-------+\n| field | value |\n+-------+-------+\n| a     | 1     |\n| b     | 2     |\n+-------+-------+\n",
            Table("[{\"a\":1,\"b\":2}]", settings));
        Assert.Equal("+---+---+\n| a | b |\n+---+---+\n| 1 | 2 |\n| 3 | 4 |\n+---+---+\n",
            Table("[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}]", settings));
    }
}
