namespace DanceAspire.Dispatcher;

/// <summary>The dispatcher's own timing, from configuration <c>Dispatcher</c>. The per-kind policy is <c>Jobs:Kinds</c>.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Dispatcher";

    /// <summary>How often the timed duties run (expired leases, cancel requests, scheduling) when nothing wakes the dispatcher sooner.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the dispatcher checks that Redis still holds its state (the epoch key).</summary>
    public TimeSpan EpochCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often Postgres's queued jobs are compared with Redis's streams, re-adding any that went missing.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events read and processed per round.</summary>
    public int EventBatchSize { get; set; } = 256;

    /// <summary>Progress is published on every event but written to Postgres at most this often per job (and on every stage change).</summary>
    public TimeSpan ProgressWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a stop is published again for a canceled job whose worker has not confirmed yet.</summary>
    public TimeSpan StopRepeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the dispatcher may go without a completed round before its health check fails (rounds run at least every <see cref="TimerInterval"/>).</summary>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromSeconds(10);
}
