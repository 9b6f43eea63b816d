using DanceAspire.ServiceDefaults.HealthChecks;
using DanceAspire.ServiceDefaults.Resilience;
using DanceAspire.ServiceDefaults.ServiceDiscovery;
using DanceAspire.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The wiring every DanceAspire service shares, as in Aspire's ServiceDefaults: telemetry,
/// health checks, service discovery and resilience. Services call it first and do not repeat it.
/// </summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Resilience wraps discovery, so every attempt resolves the logical name again.
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
