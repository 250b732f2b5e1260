namespace AsperaNative.Output.Tests;

public sealed class CompatTests
{
    private static readonly Lazy<IReadOnlyList<CompatCase>> Cases = new(CompatCase.Load);

    public static TheoryData<string> RunnableIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value.Where(static c => c.SkipReason is null)) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableIds))]
    public void MatchesRecordedOutput(string id)
    {
        var c = Cases.Value.Single(x => x.Id == id);
        var output = new StringWriter();
        new ResultFormatter(c.Settings!, output).DisplayResult(c.Result!);
        Assert.Equal(c.Stdout, output.ToString());
    }

    [Fact]
    public void OnlyTheKnownCasesAreSkipped()
    {
        var skipped = Cases.Value.Where(static c => c.SkipReason is not null && !c.Args.Any(CompatCase.IsOutputOption)).Select(static c => c.Id).Order().ToList();
        Assert.Equal(CompatCase.ExpectedSkips.Keys.Order().ToList(), skipped);
        Assert.True(Cases.Value.Count - skipped.Count >= 50, "most recorded cases run");
    }
}
