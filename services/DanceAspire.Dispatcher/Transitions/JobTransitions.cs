using DanceAspire.Data.Jobs;

namespace DanceAspire.Dispatcher.Transitions;

/// <summary>What the dispatcher learns about a job: a worker's event, an expired lease, or the owner's cancel.</summary>
public enum JobSignal
{
    Started,
    Heartbeat,
    Progress,
    Succeeded,
    Failed,
    Canceled,
    Released,
    LeaseExpired,
    CancelRequested,
}

/// <summary>The fields of a job row that decide its next state, read under the row's lock.</summary>
/// <param name="HandedOut">Queued and given to Redis (not waiting for a retry's backoff).</param>
/// <param name="Failures">Earlier attempts that failed or were lost (released ones do not count).</param>
public sealed record JobSnapshot(
    string State,
    int Attempt,
    string? WorkerId,
    bool CancelRequested,
    bool HandedOut,
    int Failures,
    int MaxAttempts);

public enum JobAction
{
    /// <summary>Stale, duplicate or too late: nothing to write.</summary>
    Ignore,

    /// <summary>queued → running on the reporting worker, with a lease.</summary>
    Start,

    /// <summary>Still running: extend the lease (and record progress).</summary>
    Renew,

    /// <summary>→ succeeded, with the attempt's result.</summary>
    Succeed,

    /// <summary>→ queued as the next attempt after a backoff; this attempt counts as a failure.</summary>
    Retry,

    /// <summary>→ queued as the next attempt now; the worker handed this one back, which is no failure.</summary>
    Requeue,

    /// <summary>→ failed: the worker said retrying cannot help. Refunded.</summary>
    Fail,

    /// <summary>→ dead: the last allowed attempt failed. Refunded.</summary>
    Die,

    /// <summary>→ canceled, as the owner asked. Refunded.</summary>
    Cancel,
}

/// <param name="StopWorker">The reporting worker runs an attempt it must give up (the caller publishes a <c>JobStop</c>).</param>
public readonly record struct JobDecision(JobAction Action, bool StopWorker = false)
{
    public static readonly JobDecision Ignore = new(JobAction.Ignore);

    public bool Refunds => Action is JobAction.Fail or JobAction.Die or JobAction.Cancel;

    /// <summary>The state the job moves to; null when it stays where it is.</summary>
    public string? NewState => Action switch
    {
        JobAction.Start => JobStates.Running,
        JobAction.Succeed => JobStates.Succeeded,
        JobAction.Retry or JobAction.Requeue => JobStates.Queued,
        JobAction.Fail => JobStates.Failed,
        JobAction.Die => JobStates.Dead,
        JobAction.Cancel => JobStates.Canceled,
        _ => null,
    };
}

/// <summary>
/// The job state machine, pure: every transition the dispatcher writes is decided here from the row (read under its
/// lock) and one signal. A signal about any attempt but the current one, or from a worker that does not hold the
/// current attempt, changes nothing, so late and duplicate events can never write twice.
/// </summary>
public static class JobTransitions
{
    public static JobDecision Decide(JobSnapshot job, JobSignal signal, int attempt, string? workerId, bool retryable = true)
    {
        // The reporting worker is busy with the attempt right now: if we ignore it, it must be told to stop.
        var workerBusy = signal is JobSignal.Started or JobSignal.Heartbeat or JobSignal.Progress;

        if (signal == JobSignal.CancelRequested)
        {
            return job.State switch
            {
                JobStates.Pending or JobStates.Queued => new(JobAction.Cancel),
                // Canceled when the worker reports it stopped (or its lease runs out); until then tell it to stop.
                JobStates.Running => new(JobAction.Ignore, StopWorker: true),
                _ => JobDecision.Ignore,
            };
        }

        var currentAttempt = attempt == job.Attempt
            && (job.State == JobStates.Running || (job.State == JobStates.Queued && job.HandedOut))
            && (job.State != JobStates.Running || workerId == job.WorkerId);
        if (!currentAttempt)
        {
            return new(JobAction.Ignore, StopWorker: workerBusy);
        }

        return signal switch
        {
            // A queued job hears from its worker before (or instead of) Started when Redis lost the Started event.
            JobSignal.Started or JobSignal.Heartbeat or JobSignal.Progress => job.State == JobStates.Running
                ? new(JobAction.Renew)
                : job.CancelRequested ? new(JobAction.Cancel, StopWorker: true) : new(JobAction.Start),
            JobSignal.Succeeded => new(JobAction.Succeed),
            JobSignal.Failed => job.CancelRequested ? new(JobAction.Cancel)
                : !retryable ? new(JobAction.Fail)
                : RetryOrDie(job),
            JobSignal.LeaseExpired => job.State != JobStates.Running ? JobDecision.Ignore
                : job.CancelRequested ? new(JobAction.Cancel)
                : RetryOrDie(job),
            JobSignal.Canceled or JobSignal.Released => job.CancelRequested ? new(JobAction.Cancel) : new(JobAction.Requeue),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
        };
    }

    /// <summary>How the current attempt ended under <paramref name="action"/>; null while it goes on (or never ran).</summary>
    public static string? AttemptOutcome(JobAction action, JobSignal signal) => action switch
    {
        JobAction.Succeed => AttemptOutcomes.Succeeded,
        JobAction.Retry or JobAction.Fail or JobAction.Die => signal == JobSignal.LeaseExpired ? AttemptOutcomes.Lost : AttemptOutcomes.Failed,
        JobAction.Requeue => AttemptOutcomes.Released,
        JobAction.Cancel => AttemptOutcomes.Canceled,
        _ => null,
    };

    private static JobDecision RetryOrDie(JobSnapshot job) =>
        job.Failures + 1 < job.MaxAttempts ? new(JobAction.Retry) : new(JobAction.Die);
}
