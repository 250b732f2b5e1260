using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.Direct;

/// <summary>
/// Runs a session until it succeeds or the policy gives up (ascli's Resumer): retryable errors are retried
/// <c>iter_max</c> times, a non-retryable error once; the sleep starts at <c>sleep_initial</c>, is multiplied by
/// <c>sleep_factor</c> and capped by <c>sleep_max</c>. Stateless: sessions of a multi-session transfer share it.
/// </summary>
public sealed class Resumer(ResumePolicy policy, TransferLog log)
{
    /// <summary>Sleep between attempts; replaced in tests.</summary>
    public Func<TimeSpan, CancellationToken, Task> Sleep { get; init; } = Task.Delay;

    public async Task RunAsync(Func<Task> attempt, CancellationToken cancel)
    {
        int remaining = policy.IterMax;
        long sleepSeconds = policy.SleepInitial;
        while (true)
        {
            try
            {
                await attempt();
                return;
            }
            catch (TransferException e) when (!cancel.IsCancellationRequested)
            {
                log.Warn($"An error occurred during transfer: {e.Message}");
                if (e.Retryable)
                {
                    if (remaining <= 0) throw new TransferException($"Maximum number of retry reached ({policy.IterMax})");
                }
                else if (remaining != policy.IterMax)
                {
                    log.Error("non-retryable error");
                    throw;
                }
            }
            remaining--;
            log.Warn($"Resuming in {sleepSeconds} seconds (retry left:{remaining})");
            await Sleep(TimeSpan.FromSeconds(sleepSeconds), cancel);
            sleepSeconds *= policy.SleepFactor;
            if (sleepSeconds > policy.SleepMax) sleepSeconds = policy.SleepMax;
        }
    }
}
