using DanceAspire.Jobs;

namespace DanceAspire.Api.Jobs;

/// <summary>
/// Decides what a live stream passes on after the snapshot it started with. A job's sequence is the time of its
/// state in whole microseconds since the Unix epoch: <c>jobs.updated_at</c> for a snapshot, and the same clock for
/// the <see cref="JobUpdate.Sequence"/>s the dispatcher publishes (see its contract). Only newer ones go out, so
/// nothing older than what the client has, and nothing repeated or out of order.
/// </summary>
internal sealed class JobUpdateOrdering(long snapshotSequence)
{
    /// <summary>The sequence of the newest state the client has.</summary>
    public long SentUpTo { get; private set; } = snapshotSequence;

    public static long SequenceOf(DateTimeOffset updatedAt) => JobUpdate.SequenceAt(updatedAt);

    /// <summary>Whether a published update (or a snapshot read again) is newer than everything sent; if so it counts as sent.</summary>
    public bool Accept(long sequence)
    {
        if (sequence <= SentUpTo)
        {
            return false;
        }
        SentUpTo = sequence;
        return true;
    }
}
