using DanceAspire.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisClientExtensions
{
    public const string HealthCheckName = "redis";

    /// <summary>
    /// Registers a singleton <see cref="IConnectionMultiplexer"/> for
    /// ConnectionStrings:<paramref name="connectionName"/> (<c>host:port,password=...</c>),
    /// connected at start-up, and the "redis" health check (a PING round trip).
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = ConnectionStrings.GetRequired(builder, connectionName);
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is not up yet: the multiplexer keeps reconnecting and the
        // health check reports the outage, instead of the whole service failing to start.
        options.AbortOnConnectFail = false;
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.ConnectTimeout = 5000;
        }
        options.ClientName ??= builder.Environment.ApplicationName;

        builder.Services.AddSingleton<IConnectionMultiplexer>(sp => Connect(options, sp.GetRequiredService<ILogger<ConnectionMultiplexer>>()));
        builder.Services.AddHostedService<RedisStartupConnection>();
        ClientHealthChecks.Add<RedisHealthCheck>(builder.Services, HealthCheckName);
        StartupConnectionLog.Register(builder.Services,
            new ClientEndpoint(HealthCheckName, connectionName, string.Join(",", options.EndPoints.Select(e => e.ToString()))));
        return builder;
    }

    private static ConnectionMultiplexer Connect(ConfigurationOptions options, ILogger logger)
    {
        var multiplexer = ConnectionMultiplexer.Connect(options);
        multiplexer.ConnectionFailed += (_, e) =>
            logger.LogWarning(e.Exception, "Redis connection to {EndPoint} failed ({FailureType})", e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) =>
            logger.LogInformation("Redis connection to {EndPoint} restored", e.EndPoint);
        return multiplexer;
    }

    /// <summary>Resolves the multiplexer while the host starts, so the first request does not pay for the connect.</summary>
    private sealed class RedisStartupConnection(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
