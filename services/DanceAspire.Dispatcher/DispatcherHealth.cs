using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DanceAspire.Dispatcher;

/// <summary>Healthy while the dispatcher's rounds complete; unhealthy before the first one, while they fail (with the error), or when they stall.</summary>
internal sealed class DispatcherHealth(IOptions<DispatcherOptions> options, TimeProvider time) : IHealthCheck
{
    private long _lastRoundTicks;
    private volatile string? _lastError = "no round completed yet";

    public void RoundCompleted()
    {
        Interlocked.Exchange(ref _lastRoundTicks, time.GetUtcNow().UtcTicks);
        _lastError = null;
    }

    public void RoundFailed(Exception exception) => _lastError = exception.Message.Split(';')[0];

    /// <summary>A standby replica is healthy: it is ready to take over when the dispatcher holding the lock goes away.</summary>
    public void StandingBy() => RoundCompleted();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lastRound = new DateTimeOffset(Interlocked.Read(ref _lastRoundTicks), TimeSpan.Zero);
        var healthy = _lastError is null && time.GetUtcNow() - lastRound < options.Value.UnhealthyAfter;
        return Task.FromResult(healthy
            ? HealthCheckResult.Healthy($"Last round completed at {lastRound:O}.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"Dispatcher rounds fail: {_lastError ?? $"none since {lastRound:O}"}"));
    }
}
