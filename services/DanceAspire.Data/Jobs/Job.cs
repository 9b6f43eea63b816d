namespace DanceAspire.Data.Jobs;

/// <summary>pending → queued → running → succeeded | failed | canceled; running → queued on retry; dead after the last attempt.</summary>
public static class JobStates
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
    public const string Dead = "dead";

    public static readonly string[] Final = [Succeeded, Failed, Canceled, Dead];

    public static bool IsFinal(string state) => state is Succeeded or Failed or Canceled or Dead;
}

/// <summary>A unit of heavy work. Postgres holds it and its state; the dispatcher is the only writer of state transitions.</summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public Guid OwnerId { get; set; }
    public string State { get; set; } = JobStates.Pending;

    /// <summary>Higher runs first.</summary>
    public int Priority { get; set; }

    /// <summary>The attempt now queued or running, from 1; 0 before the first is queued.</summary>
    public int Attempt { get; set; }

    public int MaxAttempts { get; set; } = 3;

    /// <summary>JSON (jsonb) given by the creator and read by the worker.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>JSON (jsonb) written once, by the attempt that succeeded.</summary>
    public string? Result { get; set; }

    public string? Error { get; set; }
    public double Progress { get; set; }
    public string? Stage { get; set; }

    /// <summary>Coins charged when the job was created (refunded if it ends failed, dead or canceled).</summary>
    public int Cost { get; set; }

    /// <summary>The creating request's Idempotency-Key: one job per owner and key.</summary>
    public string? IdempotencyKey { get; set; }

    public bool CancelRequested { get; set; }
    public string? WorkerId { get; set; }

    /// <summary>A running attempt whose worker has not heart-beaten by then is reclaimed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>When a queued retry may be handed to a worker (exponential backoff).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public List<JobAttempt> Attempts { get; set; } = [];
}

/// <summary>How an attempt ended (<see cref="JobAttempt.Outcome"/>).</summary>
public static class AttemptOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Canceled = "canceled";

    /// <summary>The worker stopped heart-beating (it died or lost its connection); the attempt counts as failed.</summary>
    public const string Lost = "lost";

    /// <summary>The worker shut down and handed the attempt back unfinished; it does not count as a failure.</summary>
    public const string Released = "released";
}

/// <summary>The history of one attempt: who ran it, when, and how it ended.</summary>
public sealed class JobAttempt
{
    public Guid JobId { get; set; }
    public int Number { get; set; }
    public string? WorkerId { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>One of <see cref="AttemptOutcomes"/>; null while the attempt is queued or runs.</summary>
    public string? Outcome { get; set; }

    public string? Error { get; set; }
}
