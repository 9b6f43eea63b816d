using DanceAspire.Jobs;

namespace DanceAspire.Dispatcher.Persistence;

/// <summary>
/// Gives each job's updates strictly increasing times, in whole microseconds (what Postgres stores): they are written
/// as <c>jobs.updated_at</c> and published as <c>JobUpdate.Sequence</c>. Used only from the dispatcher's single loop.
/// </summary>
internal sealed class UpdateSequencer(TimeProvider time)
{
    private readonly Dictionary<Guid, long> _last = [];

    /// <summary>The next update time of <paramref name="jobId"/>: now, unless that is not after <paramref name="persisted"/> or the last one given.</summary>
    public DateTimeOffset Next(Guid jobId, DateTimeOffset? persisted = null)
    {
        var micros = ToSequence(time.GetUtcNow());
        if (persisted is { } floor)
        {
            micros = Math.Max(micros, ToSequence(floor) + 1);
        }
        if (_last.TryGetValue(jobId, out var last))
        {
            micros = Math.Max(micros, last + 1);
        }
        _last[jobId] = micros;
        return FromSequence(micros);
    }

    /// <summary>Drops what is kept for a job that reached a final state.</summary>
    public void Forget(Guid jobId) => _last.Remove(jobId);

    public static long ToSequence(DateTimeOffset at) => JobUpdate.SequenceAt(at);

    public static DateTimeOffset FromSequence(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
}
