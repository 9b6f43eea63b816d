namespace DanceAspire.ServiceDefaults.Resilience;

/// <summary>
/// The standard pipeline's settings (configuration section <c>Http:Resilience</c>). The defaults
/// are those of Microsoft.Extensions.Http.Resilience's standard handler.
/// </summary>
public sealed class HttpResilienceOptions
{
    public const string SectionName = "Http:Resilience";

    /// <summary>The whole call, every attempt and back-off included.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public double CircuitBreakerFailureRatio { get; set; } = 0.1;

    public int CircuitBreakerMinimumThroughput { get; set; } = 100;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
