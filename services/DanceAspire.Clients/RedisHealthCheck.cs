using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace DanceAspire.Clients;

/// <summary>Healthy when a PING makes the round trip to the server.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // StackExchange.Redis 1.x takes no cancellation token: stop waiting when the check's timeout fires.
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["latencyMs"] = latency.TotalMilliseconds });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The client appends a long connection dump after ';': the exception keeps it for the logs.
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message.Split(';')[0], ex);
        }
    }
}
