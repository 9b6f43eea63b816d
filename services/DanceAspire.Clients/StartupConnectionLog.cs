using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanceAspire.Clients;

/// <summary>A resource a client was registered for: its health check, its connection name, where it points (no secrets).</summary>
internal sealed record ClientEndpoint(string HealthCheckName, string ConnectionName, string Target);

/// <summary>
/// Once the host has started, checks every registered client's resource and logs one line
/// saying what the service is connected to, so a log reader sees the wiring at a glance.
/// </summary>
internal sealed class StartupConnectionLog(
    IEnumerable<ClientEndpoint> endpoints,
    HealthCheckService healthChecks,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    ILogger<StartupConnectionLog> logger) : BackgroundService
{
    public static void Register(IServiceCollection services, ClientEndpoint endpoint)
    {
        services.AddSingleton(endpoint);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupConnectionLog>());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Completes with false when the host stops before it has started: then there is nothing to report.
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult(true)))
        using (stoppingToken.Register(() => started.TrySetResult(false)))
        {
            if (!await started.Task)
            {
                return;
            }
        }

        var byName = endpoints.ToDictionary(e => e.HealthCheckName);
        HealthReport report;
        try
        {
            report = await healthChecks.CheckHealthAsync(r => byName.ContainsKey(r.Name), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var summary = string.Join("; ", byName.Values.Select(e =>
        {
            var entry = report.Entries.GetValueOrDefault(e.HealthCheckName);
            var detail = entry.Status == HealthStatus.Healthy ? "" : $": {entry.Description ?? entry.Exception?.Message}";
            return $"{e.ConnectionName} at {e.Target} ({entry.Status}{detail})";
        }));

        var level = report.Status == HealthStatus.Healthy ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, "{Application} started, connected to {Connections}", environment.ApplicationName, summary);
    }
}
