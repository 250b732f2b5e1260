using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;

namespace AsperaNative.Core.Tests.Options;

public class ValueListsTests
{
    private static readonly string[] Words = ["preset", "plugins", "platform", "pubkey", "pub"];

    [Theory]
    [InlineData("pre", "preset")]
    [InlineData("pla", "platform")]
    [InlineData("pub", "pub")]
    [InlineData("pubk", "pubkey")]
    public void Unique_prefix_or_exact_word_matches(string given, string expected)
        => Assert.Equal(expected, ValueLists.Match(given, "command (Symbol)", Words));

    [Fact]
    public void Ambiguous_prefix_lists_the_candidates()
    {
        var e = Assert.Throws<CliException>(() => ValueLists.Match("p", "command (Symbol)", Words));
        Assert.Equal("ambiguous shortcut for command (Symbol): p\nUse:\n- platform\n- plugins\n- preset\n- pub\n- pubkey", e.Message);
    }

    [Fact]
    public void Unknown_word_lists_every_word()
    {
        var e = Assert.Throws<CliException>(() => ValueLists.Match("x", "command (Symbol)", ["b", "a"]));
        Assert.Equal("Argument", e.Kind);
        Assert.Equal("unknown value for command (Symbol): x\nUse:\n- a\n- b", e.Message);
    }
}
