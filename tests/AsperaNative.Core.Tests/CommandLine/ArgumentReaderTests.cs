using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;

namespace AsperaNative.Core.Tests.CommandLine;

public class ArgumentReaderTests
{
    [Fact]
    public void A_single_array_argument_is_the_whole_list()
    {
        var reader = new ArgumentReader(["@json:[1,2,3]"], TestSupport.Context());
        Assert.Equal("[1,2,3]", reader.NextMultiple("files").ToJsonString());
        Assert.True(reader.IsEmpty);
    }

    [Fact]
    public void Several_arguments_make_a_list()
    {
        var reader = new ArgumentReader(["a", "b"], TestSupport.Context());
        Assert.Equal("[\"a\",\"b\"]", reader.NextMultiple("files").ToJsonString());
    }

    [Fact]
    public void Val_prefix_keeps_a_leading_dash_or_decoder()
    {
        var reader = new ArgumentReader(["@val:@json:x"], TestSupport.Context());
        Assert.Equal("@json:x", ((JsonValue)reader.NextValue("value")!).GetValue<string>());
    }

    [Fact]
    public void Optional_values_are_null_when_absent()
        => Assert.Null(new ArgumentReader([], TestSupport.Context()).NextValue("x", mandatory: false));
}
