namespace DanceAspire.Jobs.Tests;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 2, 4)]
    [InlineData(6, 16, 32)]
    public void The_nth_retry_waits_between_half_and_all_of_base_times_two_to_the_n_minus_one(int failures, double lowSeconds, double highSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), RetryBackoff.Delay(failures, Base, Cap, random: 0));
        Assert.InRange(RetryBackoff.Delay(failures, Base, Cap, random: 0.999999), TimeSpan.FromSeconds(highSeconds * 0.999), TimeSpan.FromSeconds(highSeconds));
        Assert.Equal(TimeSpan.FromSeconds((lowSeconds + highSeconds) / 2), RetryBackoff.Delay(failures, Base, Cap, random: 0.5));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(int.MaxValue)]
    public void However_many_attempts_failed_the_delay_never_exceeds_the_cap_and_never_drops_below_half_of_it(int failures)
    {
        Assert.Equal(Cap / 2, RetryBackoff.Delay(failures, Base, Cap, random: 0));
        Assert.True(RetryBackoff.Delay(failures, Base, Cap, random: 0.999999) <= Cap);
    }

    [Fact]
    public void Jitter_spreads_retries_that_failed_together_over_the_whole_range()
    {
        var random = new Random(42);
        var delays = Enumerable.Range(0, 10_000).Select(_ => RetryBackoff.Delay(3, Base, Cap, random.NextDouble()).TotalSeconds).ToArray();

        Assert.All(delays, d => Assert.InRange(d, 2, 4));
        // Every quarter of the range gets a fair share: no lockstep.
        var quarters = delays.GroupBy(d => Math.Min(3, (int)((d - 2) / 0.5))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, quarters.Count);
        Assert.All(quarters.Values, count => Assert.InRange(count, 2_000, 3_000));
    }

    [Fact]
    public void A_kinds_policy_supplies_base_and_cap()
    {
        var policy = new JobKindOptions { RetryBaseSeconds = 0.2, RetryMaxSeconds = 1 };

        Assert.Equal(TimeSpan.FromSeconds(0.2), RetryBackoff.Delay(2, policy, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(0.5), RetryBackoff.Delay(10, policy, random: 0));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.0)]
    public void Nonsense_arguments_are_refused(int failures, double random)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(failures, Base, Cap, random));
    }
}
