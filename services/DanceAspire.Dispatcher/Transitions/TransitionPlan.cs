using DanceAspire.Data.Jobs;
using DanceAspire.Jobs;

namespace DanceAspire.Dispatcher.Transitions;

/// <summary>A signal about one job, with what the worker reported alongside it.</summary>
public sealed record JobChange(
    JobSignal Signal,
    int Attempt,
    string? WorkerId,
    double? Progress = null,
    string? Stage = null,
    string? Result = null,
    string? Error = null,
    bool Retryable = true);

/// <summary>The columns of a <c>jobs</c> row that transitions read or write, and its count of failed or lost attempts.</summary>
public sealed record JobRow(
    Guid Id,
    string Kind,
    string State,
    int Attempt,
    int MaxAttempts,
    int Failures,
    bool CancelRequested,
    string? WorkerId,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset? NotBefore,
    double Progress,
    string? Stage,
    string? Result,
    string? Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset UpdatedAt)
{
    public JobSnapshot Snapshot => new(State, Attempt, WorkerId, CancelRequested, HandedOut: NotBefore is null, Failures, MaxAttempts);
}

/// <summary>The columns of a <c>job_attempts</c> row.</summary>
public sealed record AttemptRow(
    int Number,
    string? WorkerId,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    string? Error);

/// <summary>
/// The rows a decision leaves behind, computed without I/O: the job, its current attempt, the next attempt when it is
/// queued again, and whether the change is worth a published update (a bare heartbeat is not).
/// </summary>
public sealed record TransitionPlan(JobRow Job, AttemptRow? Attempt, AttemptRow? NextAttempt, bool Publish)
{
    /// <param name="updatedAt">The job's next update time (strictly after its last); it becomes the update's sequence.</param>
    /// <param name="random">A uniform random number in [0, 1) for the retry's jitter.</param>
    public static TransitionPlan For(
        JobRow job, AttemptRow? attempt, JobDecision decision, JobChange change,
        DateTimeOffset now, DateTimeOffset updatedAt, JobKindOptions policy, double random)
    {
        var lease = now.AddSeconds(policy.LeaseSeconds);
        var progress = change.Progress is { } reported ? Math.Clamp(reported, 0, 1) : (double?)null;
        // The attempt ran on the reporting worker, unless the signal came from the dispatcher itself.
        var ran = change.Signal is not (JobSignal.CancelRequested or JobSignal.LeaseExpired);
        var ended = attempt is null ? null : attempt with
        {
            Outcome = JobTransitions.AttemptOutcome(decision.Action, change.Signal),
            Error = change.Error,
            FinishedAt = now,
            WorkerId = attempt.WorkerId ?? (ran ? change.WorkerId : null),
            StartedAt = attempt.StartedAt ?? (ran ? now : null),
        };

        switch (decision.Action)
        {
            case JobAction.Start:
                return new(job with
                {
                    State = JobStates.Running,
                    WorkerId = change.WorkerId,
                    LeaseExpiresAt = lease,
                    StartedAt = job.StartedAt ?? now,
                    Progress = progress ?? job.Progress,
                    Stage = progress is null ? job.Stage : change.Stage,
                    UpdatedAt = updatedAt,
                }, attempt is null ? null : attempt with { WorkerId = change.WorkerId, StartedAt = attempt.StartedAt ?? now }, null, Publish: true);
            case JobAction.Renew when progress is null:
                return new(job with { LeaseExpiresAt = lease }, null, null, Publish: false);
            case JobAction.Renew:
                return new(job with { LeaseExpiresAt = lease, Progress = progress.Value, Stage = change.Stage, UpdatedAt = updatedAt }, null, null, Publish: true);
            case JobAction.Succeed:
                return new(job with
                {
                    State = JobStates.Succeeded,
                    Result = change.Result,
                    Progress = 1,
                    Error = null,
                    WorkerId = job.WorkerId ?? change.WorkerId,
                    LeaseExpiresAt = null,
                    StartedAt = job.StartedAt ?? now,
                    FinishedAt = now,
                    UpdatedAt = updatedAt,
                }, ended, null, Publish: true);
            case JobAction.Retry or JobAction.Requeue:
                var retry = decision.Action == JobAction.Retry;
                return new(job with
                {
                    State = JobStates.Queued,
                    Attempt = job.Attempt + 1,
                    Failures = retry ? job.Failures + 1 : job.Failures,
                    NotBefore = retry ? now + RetryBackoff.Delay(job.Failures + 1, policy, random) : now,
                    WorkerId = null,
                    LeaseExpiresAt = null,
                    Progress = 0,
                    Stage = null,
                    Error = retry ? change.Error : job.Error,
                    UpdatedAt = updatedAt,
                }, ended, new AttemptRow(job.Attempt + 1, null, now, null, null, null, null), Publish: true);
            case JobAction.Fail or JobAction.Die:
                return new(job with
                {
                    State = decision.NewState!,
                    Failures = job.Failures + 1,
                    Error = change.Error ?? job.Error,
                    LeaseExpiresAt = null,
                    NotBefore = null,
                    FinishedAt = now,
                    UpdatedAt = updatedAt,
                }, ended, null, Publish: true);
            case JobAction.Cancel:
                return new(job with
                {
                    State = JobStates.Canceled,
                    LeaseExpiresAt = null,
                    NotBefore = null,
                    FinishedAt = now,
                    UpdatedAt = updatedAt,
                }, ended, null, Publish: true);
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision.Action, "This decision writes nothing.");
        }
    }
}
