namespace DanceAspire.Workers;

/// <summary>The worker host's settings, from configuration <c>Jobs:Worker</c>.</summary>
public sealed class JobWorkerOptions
{
    public const string Section = "Jobs:Worker";

    /// <summary>Attempts this process runs at once, over all its kinds.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>How often the streams are read when no pub/sub wake-up arrives (a wake-up can be missed; the poll cannot).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Progress is sent at most this often per attempt (a stage change at once).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>On shutdown, how long running attempts may go on before they are stopped and handed back.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);
}
