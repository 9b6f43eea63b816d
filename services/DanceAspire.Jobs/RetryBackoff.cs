namespace DanceAspire.Jobs;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th retry waits between half and all of base·2^(n-1), capped, so
/// retries of many jobs that failed together spread out instead of returning in lockstep, and none comes back at once.
/// </summary>
public static class RetryBackoff
{
    /// <param name="failures">Failed attempts so far (1 for the first retry).</param>
    /// <param name="random">A uniform random number in [0, 1).</param>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(random);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1.0);
        // 2^(failures-1) overflows double only far past any cap; clamp the exponent so it never does.
        var exponential = baseDelay.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 62));
        var ceiling = Math.Min(exponential, maxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(ceiling / 2 + ceiling / 2 * random);
    }

    public static TimeSpan Delay(int failures, JobKindOptions policy, double random) =>
        Delay(failures, TimeSpan.FromSeconds(policy.RetryBaseSeconds), TimeSpan.FromSeconds(policy.RetryMaxSeconds), random);
}
