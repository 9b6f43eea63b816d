using DanceAspire.Dispatcher.Persistence;

namespace DanceAspire.Jobs.Tests;

public sealed class UpdateSequencerTests
{
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Updates_of_a_job_get_strictly_increasing_times_even_when_the_clock_stands_still()
    {
        var sequencer = new UpdateSequencer(new StoppedClock(Noon));
        var jobId = Guid.NewGuid();

        var times = Enumerable.Range(0, 5).Select(_ => sequencer.Next(jobId)).ToArray();

        Assert.Equal(Noon, times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(pair.First.AddTicks(10), pair.Second));
    }

    [Fact]
    public void An_update_is_later_than_the_rows_last_write_even_if_that_came_from_a_clock_ahead_of_ours()
    {
        var sequencer = new UpdateSequencer(new StoppedClock(Noon));

        Assert.Equal(Noon.AddSeconds(3).AddTicks(10), sequencer.Next(Guid.NewGuid(), persisted: Noon.AddSeconds(3)));
    }

    [Fact]
    public void Jobs_are_sequenced_independently_and_a_forgotten_job_starts_from_the_clock_again()
    {
        var clock = new StoppedClock(Noon);
        var sequencer = new UpdateSequencer(clock);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        sequencer.Next(a);
        sequencer.Next(a);
        Assert.Equal(Noon, sequencer.Next(b));
        sequencer.Forget(a);
        Assert.Equal(Noon, sequencer.Next(a));
    }

    [Fact]
    public void Times_are_whole_microseconds_as_Postgres_stores_them_and_the_sequence_is_that_count()
    {
        var clock = new StoppedClock(Noon.AddTicks(7));
        var at = new UpdateSequencer(clock).Next(Guid.NewGuid());

        Assert.Equal(Noon, at);
        Assert.Equal((Noon - DateTimeOffset.UnixEpoch).Ticks / 10, UpdateSequencer.ToSequence(at));
        Assert.Equal(at, UpdateSequencer.FromSequence(UpdateSequencer.ToSequence(at)));
    }
}
