using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.Tests;

public sealed class ResumerTests
{
    private static (int Runs, List<double> Sleeps, Exception? Error) Run(ResumePolicy policy, Func<int, int?> failCode)
    {
        var sleeps = new List<double>();
        int runs = 0;
        var resumer = new Resumer(policy, TransferLog.Silent) { Sleep = (t, _) => { sleeps.Add(t.TotalSeconds); return Task.CompletedTask; } };
        try
        {
            resumer.RunAsync(() => ++runs is var n && failCode(n) is { } code ? throw new TransferException("failed", code) : Task.CompletedTask, CancellationToken.None).GetAwaiter().GetResult();
            return (runs, sleeps, null);
        }
        catch (Exception e) { return (runs, sleeps, e); }
    }

    [Fact]
    public void RetryableErrorsAreRetriedIterMaxTimesWithCappedBackoff()
    {
        var (runs, sleeps, error) = Run(new ResumePolicy(IterMax: 4, SleepInitial: 1, SleepFactor: 3, SleepMax: 5), _ => 16);
        Assert.Equal(5, runs);
        Assert.Equal([1, 3, 5, 5], sleeps);
        Assert.Equal("Maximum number of retry reached (4)", error!.Message);
    }

    [Fact]
    public void SucceedsAfterTransientFailures()
    {
        var (runs, sleeps, error) = Run(new ResumePolicy(IterMax: 7), n => n <= 2 ? 13 : null);
        Assert.Null(error);
        Assert.Equal(3, runs);
        Assert.Equal([2, 4], sleeps);
    }

    [Fact]
    public void NonRetryableErrorGetsOneMoreChance()
    {
        var (runs, _, error) = Run(new ResumePolicy(IterMax: 7), _ => 19);
        Assert.Equal(2, runs);
        Assert.Equal("failed", error!.Message);
    }

    [Fact]
    public void IterMaxZeroRunsOnce()
    {
        var (runs, _, error) = Run(new ResumePolicy(IterMax: 0), _ => 16);
        Assert.Equal(1, runs);
        Assert.Equal("Maximum number of retry reached (0)", error!.Message);
    }
}
