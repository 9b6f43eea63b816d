namespace DanceAspire.Jobs;

/// <summary>
/// Redis names of the job system. Postgres holds every job; Redis only moves work and progress, so
/// everything here can be rebuilt from Postgres after Redis loses its data.
/// </summary>
public static class JobKeys
{
    /// <summary>Stream of <see cref="JobMessage"/> per job kind, read by workers through <see cref="WorkerGroup"/>.</summary>
    public static string WorkStream(string kind) => $"jobs:work:{kind}";

    public const string WorkerGroup = "workers";

    /// <summary>Stream of <see cref="JobEvent"/> from every worker, read by the dispatcher through <see cref="DispatcherGroup"/>.</summary>
    public const string EventStream = "jobs:events";

    public const string DispatcherGroup = "dispatcher";

    /// <summary>Pub/sub: wakes the workers of a kind when work is added (StackExchange.Redis 1.2.6 has no blocking stream reads).</summary>
    public static string WorkAvailableChannel(string kind) => $"jobs:work-available:{kind}";

    /// <summary>
    /// Pub/sub: wakes the dispatcher. Workers publish <see cref="WorkerEventSignal"/> after writing events; any other
    /// message (the api's: a job was created, a cancel asked for) also makes it look at new jobs and cancels at once.
    /// </summary>
    public const string DispatcherChannel = "jobs:dispatcher";

    /// <summary>The message workers publish on <see cref="DispatcherChannel"/>.</summary>
    public const string WorkerEventSignal = "event";

    /// <summary>Pub/sub: tells the worker running a job to stop it (message: a <see cref="JobStop"/>, the job id and optionally one worker).</summary>
    public const string CancelChannel = "jobs:cancel";

    /// <summary>Pub/sub: <see cref="JobUpdate"/>s of one job, in order, for the api's SSE and WebSocket streams.</summary>
    public static string UpdatesChannel(Guid jobId) => $"jobs:updates:{jobId:N}";

    /// <summary>A key the dispatcher writes when it sets Redis up; its absence means Redis lost its data.</summary>
    public const string Epoch = "jobs:epoch";

    /// <summary>
    /// Prefix of the keys (<c>jobs:taken:&lt;job&gt;:&lt;attempt&gt;</c>) that mark an attempt as taken by a worker, so a
    /// duplicate stream entry of the same attempt is never run a second time.
    /// </summary>
    public const string TakenPrefix = "jobs:taken:";

    public static string Taken(Guid jobId, int attempt) => $"{TakenPrefix}{jobId:N}:{attempt}";
}

/// <summary>
/// One attempt of a job handed to a worker (fields of a work-stream entry). The worker heart-beats often enough
/// to keep the lease of <paramref name="LeaseSeconds"/> alive.
/// </summary>
public sealed record JobMessage(Guid JobId, string Kind, int Attempt, Guid OwnerId, string Payload, int LeaseSeconds = 15);

public enum JobEventType
{
    Started,
    Heartbeat,
    Progress,
    Succeeded,
    Failed,
    Canceled,
    /// <summary>The worker is shutting down and hands the attempt back unfinished (not a failure).</summary>
    Released,
}

/// <summary>
/// What a worker reports about an attempt (fields of an event-stream entry). A <see cref="JobEventType.Failed"/>
/// event that is not <paramref name="Retryable"/> ends the job <c>failed</c> at once (bad input, not bad luck).
/// </summary>
public sealed record JobEvent(
    Guid JobId,
    int Attempt,
    string WorkerId,
    JobEventType Type,
    double? Progress = null,
    string? Stage = null,
    string? Result = null,
    string? Error = null,
    bool Retryable = true);

/// <summary>
/// A job's state as the dispatcher wrote it, published in order for live progress. <see cref="Sequence"/> increases
/// strictly per job: it is the update's time in microseconds since the Unix epoch, and for every update written to
/// Postgres it equals <c>jobs.updated_at</c>, so a snapshot read from the table orders with the live updates
/// (skip live updates whose Sequence is not above the snapshot's). Serialize with <see cref="JobJson"/>.
/// </summary>
public sealed record JobUpdate(
    Guid JobId,
    long Sequence,
    string State,
    int Attempt,
    double Progress,
    string? Stage,
    string? Error,
    DateTimeOffset At)
{
    /// <summary>The sequence of the update written at <paramref name="updatedAt"/> (a job's <c>updated_at</c>): whole microseconds since the Unix epoch.</summary>
    public static long SequenceAt(DateTimeOffset updatedAt) => (updatedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}

/// <summary>
/// A message on <see cref="JobKeys.CancelChannel"/>: stop <paramref name="JobId"/> wherever it runs (a cancel), or only on
/// <paramref name="WorkerId"/> (that worker runs an attempt the dispatcher no longer counts: a duplicate or a reclaimed one).
/// </summary>
public readonly record struct JobStop(Guid JobId, string? WorkerId = null)
{
    public override string ToString() => WorkerId is null ? JobId.ToString("N") : $"{JobId:N} {WorkerId}";

    public static bool TryParse(string? text, out JobStop stop)
    {
        stop = default;
        var parts = (text ?? "").Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !Guid.TryParse(parts[0], out var jobId))
        {
            return false;
        }
        stop = new JobStop(jobId, parts.Length == 2 ? parts[1] : null);
        return true;
    }

    /// <summary>Whether the worker <paramref name="workerId"/> running <paramref name="jobId"/> must stop it.</summary>
    public bool Applies(Guid jobId, string workerId) => JobId == jobId && (WorkerId is null || WorkerId == workerId);
}

/// <summary>Policy per job kind, from configuration <c>Jobs:Kinds:&lt;kind&gt;</c>.</summary>
public sealed class JobKindOptions
{
    /// <summary>Coins charged when a job is created; refunded if it ends failed, dead or canceled.</summary>
    public int Cost { get; set; }

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Jobs of this kind one user may have queued or running at once (the dispatcher's appsettings.json allows one generation at a time).</summary>
    public int MaxConcurrentPerUser { get; set; } = 2;

    /// <summary>How long a worker may go without a heartbeat before its attempt is reclaimed.</summary>
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>Back-pressure: at most this many jobs of the kind queued in Redis at once; the rest wait in Postgres.</summary>
    public int MaxQueued { get; set; } = 200;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public double RetryBaseSeconds { get; set; } = 1;

    /// <summary>The longest retry delay, however many attempts failed.</summary>
    public double RetryMaxSeconds { get; set; } = 300;

    /// <summary>Whether users may create jobs of this kind through POST /api/v1/jobs (test and system kinds).</summary>
    public bool Public { get; set; }
}

public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public Dictionary<string, JobKindOptions> Kinds { get; set; } = new(StringComparer.Ordinal);

    public JobKindOptions For(string kind) => Kinds.TryGetValue(kind, out var options) ? options : new JobKindOptions();
}
