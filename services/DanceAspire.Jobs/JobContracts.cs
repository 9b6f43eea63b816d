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

    /// <summary>Pub/sub: wakes the dispatcher (a job was created or a cancel was asked for; a worker wrote an event).</summary>
    public const string DispatcherChannel = "jobs:dispatcher";

    /// <summary>Pub/sub: tells the worker running a job to stop it (message: the job id).</summary>
    public const string CancelChannel = "jobs:cancel";

    /// <summary>Pub/sub: <see cref="JobUpdate"/>s of one job, in order, for the api's SSE and WebSocket streams.</summary>
    public static string UpdatesChannel(Guid jobId) => $"jobs:updates:{jobId:N}";

    /// <summary>A key the dispatcher writes when it sets Redis up; its absence means Redis lost its data.</summary>
    public const string Epoch = "jobs:epoch";
}

/// <summary>One attempt of a job handed to a worker (fields of a work-stream entry).</summary>
public sealed record JobMessage(Guid JobId, string Kind, int Attempt, Guid OwnerId, string Payload);

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

/// <summary>What a worker reports about an attempt (fields of an event-stream entry).</summary>
public sealed record JobEvent(
    Guid JobId,
    int Attempt,
    string WorkerId,
    JobEventType Type,
    double? Progress = null,
    string? Stage = null,
    string? Result = null,
    string? Error = null);

/// <summary>A job's state as the dispatcher wrote it, published in order for live progress (Sequence increases per job).</summary>
public sealed record JobUpdate(
    Guid JobId,
    long Sequence,
    string State,
    int Attempt,
    double Progress,
    string? Stage,
    string? Error,
    DateTimeOffset At);

/// <summary>Policy per job kind, from configuration <c>Jobs:Kinds:&lt;kind&gt;</c>.</summary>
public sealed class JobKindOptions
{
    /// <summary>Coins charged when a job is created; refunded if it ends failed, dead or canceled.</summary>
    public int Cost { get; set; }

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Jobs of this kind one user may have queued or running at once (one generation at a time by default).</summary>
    public int MaxConcurrentPerUser { get; set; } = 2;

    /// <summary>How long a worker may go without a heartbeat before its attempt is reclaimed.</summary>
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>Back-pressure: at most this many jobs of the kind queued in Redis at once; the rest wait in Postgres.</summary>
    public int MaxQueued { get; set; } = 200;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public double RetryBaseSeconds { get; set; } = 1;

    /// <summary>Whether users may create jobs of this kind through POST /api/v1/jobs (test and system kinds).</summary>
    public bool Public { get; set; }
}

public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public Dictionary<string, JobKindOptions> Kinds { get; set; } = new(StringComparer.Ordinal);

    public JobKindOptions For(string kind) => Kinds.TryGetValue(kind, out var options) ? options : new JobKindOptions();
}
