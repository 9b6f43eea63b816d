using DanceAspire.Data.Jobs;
using DanceAspire.Jobs;

namespace DanceAspire.Dispatcher.Events;

/// <summary>A running attempt as the dispatcher last wrote it.</summary>
internal sealed record RunningAttempt(int Number, string WorkerId, string? Stage, string? Error, DateTimeOffset WrittenAt);

/// <summary>
/// The running attempts the dispatcher wrote, so a progress event of a known attempt can be published without a
/// Postgres round trip. Only the dispatcher's single loop writes job states, so this never goes stale behind its back.
/// </summary>
internal sealed class RunningAttempts
{
    private readonly Dictionary<Guid, RunningAttempt> _attempts = [];

    public bool TryGet(Guid jobId, out RunningAttempt attempt) => _attempts.TryGetValue(jobId, out attempt!);

    /// <summary>Remembers a written update of a running job; forgets the job once it left running.</summary>
    public void Record(JobUpdate update, string? workerId, DateTimeOffset writtenAt)
    {
        if (update.State == JobStates.Running)
        {
            _attempts[update.JobId] = new RunningAttempt(update.Attempt, workerId ?? "", update.Stage, update.Error, writtenAt);
        }
        else
        {
            _attempts.Remove(update.JobId);
        }
    }

    public void Forget(Guid jobId) => _attempts.Remove(jobId);
}
