using DanceAspire.Api.Jobs;

namespace DanceAspire.Api.Tests;

public sealed class JobUpdateOrderingTests
{
    private const long Snapshot = 1_795_000_000_000_000;

    [Fact]
    public void Updates_newer_than_the_snapshot_pass_in_sequence_order()
    {
        var ordering = new JobUpdateOrdering(Snapshot);

        Assert.True(ordering.Accept(Snapshot + 1));
        Assert.True(ordering.Accept(Snapshot + 2));
        Assert.True(ordering.Accept(Snapshot + 700));
        Assert.Equal(Snapshot + 700, ordering.SentUpTo);
    }

    [Fact]
    public void An_update_not_newer_than_the_snapshot_is_dropped()
    {
        var ordering = new JobUpdateOrdering(Snapshot);

        Assert.False(ordering.Accept(Snapshot - 60_000_000));
        Assert.False(ordering.Accept(Snapshot));
        Assert.Equal(Snapshot, ordering.SentUpTo);
    }

    [Fact]
    public void A_late_or_repeated_update_is_dropped()
    {
        var ordering = new JobUpdateOrdering(Snapshot);
        Assert.True(ordering.Accept(Snapshot + 2));

        Assert.False(ordering.Accept(Snapshot + 1));
        Assert.False(ordering.Accept(Snapshot + 2));
        Assert.True(ordering.Accept(Snapshot + 3));
    }

    [Fact]
    public void The_sequence_of_a_state_is_its_time_in_whole_microseconds_since_the_unix_epoch()
    {
        var at = DateTimeOffset.UnixEpoch.AddSeconds(2).AddTicks(15);

        Assert.Equal(2_000_001, JobUpdateOrdering.SequenceOf(at));
        Assert.Equal(2_000_001, JobUpdateOrdering.SequenceOf(at.ToOffset(TimeSpan.FromHours(5))));
    }
}
