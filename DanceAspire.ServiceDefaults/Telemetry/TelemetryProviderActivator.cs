using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DanceAspire.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the tracer and meter providers when the host starts, so they listen before the first
/// request. The container owns them and disposes them at shutdown, which flushes the exporters.
/// </summary>
internal sealed class TelemetryProviderActivator(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Export what the run produced before the rest of the shutdown adds its own noise.
        tracerProvider.ForceFlush(timeoutMilliseconds: 2000);
        meterProvider.ForceFlush(timeoutMilliseconds: 2000);
        return Task.CompletedTask;
    }
}
