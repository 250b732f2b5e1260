using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Tests.Values;

public class JsonMergeTests
{
    private static string Merge(string target, string overlay)
        => JsonMerge.Deep(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(overlay)!.AsObject()).ToJsonString();

    [Theory]
    [InlineData("""{"a":1}""", """{"b":2}""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1,"b":2}""", """{"a":3}""", """{"a":3,"b":2}""")]
    [InlineData("""{"a":{"x":1,"y":2}}""", """{"a":{"y":3,"z":4}}""", """{"a":{"x":1,"y":3,"z":4}}""")]
    [InlineData("""{"a":{"b":{"c":1,"d":2}}}""", """{"a":{"b":{"d":3}}}""", """{"a":{"b":{"c":1,"d":3}}}""")]
    // a hash replaces a scalar and the other way round: only two hashes merge
    [InlineData("""{"a":1}""", """{"a":{"x":1}}""", """{"a":{"x":1}}""")]
    [InlineData("""{"a":{"x":1}}""", """{"a":"flat"}""", """{"a":"flat"}""")]
    // arrays are values: replaced, never concatenated
    [InlineData("""{"paths":[{"source":"a"}]}""", """{"paths":[{"source":"b"}]}""", """{"paths":[{"source":"b"}]}""")]
    public void Hashes_merge_other_values_replace(string target, string overlay, string expected)
        => Assert.Equal(expected, Merge(target, overlay));

    [Fact]
    public void Null_replaces_and_the_key_stays_as_in_ruby()
    {
        Assert.Equal("""{"a":{"x":1,"y":null},"b":null}""", Merge("""{"a":{"x":1,"y":2},"b":1}""", """{"a":{"y":null},"b":null}"""));
        Assert.Equal("""{"gone":null}""", Merge("{}", """{"gone":null}"""));
    }

    [Fact]
    public void Neither_side_is_modified_nor_shared()
    {
        var target = JsonNode.Parse("""{"a":{"x":1}}""")!.AsObject();
        var overlay = JsonNode.Parse("""{"a":{"y":2},"b":[1]}""")!.AsObject();
        var result = JsonMerge.Deep(target, overlay);
        ((JsonObject)result["a"]!)["x"] = 9;
        ((JsonArray)result["b"]!).Add(JsonValue.Create(2));
        Assert.Equal("""{"a":{"x":1}}""", target.ToJsonString());
        Assert.Equal("""{"a":{"y":2},"b":[1]}""", overlay.ToJsonString());
    }
}
