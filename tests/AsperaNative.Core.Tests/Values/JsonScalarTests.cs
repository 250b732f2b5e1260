using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;
using Xunit;

namespace AsperaNative.Core.Tests.Values;

/// <summary>Scalars made without converters read, compare and write as those of <c>JsonValue.Create</c>.</summary>
public sealed class JsonScalarTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("quote \" backslash \\ tab \t newline \n bell \u0007")]
    [InlineData("é日本<>&'")]
    [InlineData("emoji 😀")]
    [InlineData("lone \ud800 surrogate")]
    public void Text_reads_and_writes_as_the_converter_value(string text)
    {
        var made = JsonScalar.Text(text);
        var reference = JsonValue.Create(text);
        Assert.Equal(JsonValueKind.String, made.GetValueKind());
        Assert.True(made.TryGetValue(out string? back));
        Assert.Equal(text, back);
        Assert.Equal(reference.ToJsonString(), made.ToJsonString());
        Assert.True(JsonNode.DeepEquals(reference, made));
        Assert.False(made.TryGetValue(out bool _));
    }

    [Fact]
    public void Long_texts_are_kept_as_given()
        => Assert.Equal(new string('x', 10000), JsonScalar.Text(new string('x', 10000)).GetValue<string>());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bool_reads_and_writes_as_the_converter_value(bool value)
    {
        var made = JsonScalar.Bool(value);
        Assert.Equal(value ? JsonValueKind.True : JsonValueKind.False, made.GetValueKind());
        Assert.Equal(value, made.GetValue<bool>());
        Assert.False(made.TryGetValue(out string? _));
        Assert.Equal(JsonValue.Create(value).ToJsonString(), made.ToJsonString());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-42L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Integer_reads_and_writes_as_the_converter_value(long value)
    {
        var made = JsonScalar.Integer(value);
        Assert.Equal(JsonValueKind.Number, made.GetValueKind());
        Assert.True(made.TryGetValue(out long back));
        Assert.Equal(value, back);
        Assert.False(made.TryGetValue(out string? _));
        Assert.Equal(RubyInspect.RubyNumber(JsonValue.Create(value)), RubyInspect.RubyNumber(made));
        Assert.Equal(JsonValue.Create(value).ToJsonString(), made.ToJsonString());
    }

    [Fact]
    public void Values_can_be_put_in_a_tree_and_cloned()
    {
        var tree = new JsonObject { ["a"] = JsonScalar.Text("x"), ["b"] = new JsonArray(JsonScalar.Integer(1), JsonScalar.Bool(true)) };
        Assert.Equal("""{"a":"x","b":[1,true]}""", tree.DeepClone().ToJsonString());
    }
}
