using DanceAspire.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace DanceAspire.ServiceDefaults.HealthChecks;

public static class HealthEndpoints
{
    /// <summary>Checks tagged <c>live</c> say the process responds; <c>/alive</c> runs only those.</summary>
    public const string LiveTag = "live";

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is running."), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> runs every check (readiness: the AppHost waits on it), <c>/alive</c> only the
    /// live ones. Mapped in every environment; anonymous; never rate limited, traced or counted in HTTP metrics.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/health", new HealthCheckOptions());
        Map(endpoints, "/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, HealthCheckOptions options)
    {
        options.ResponseWriter = HealthReportWriter.WriteAsync;
        options.ResultStatusCodes[HealthStatus.Healthy] = StatusCodes.Status200OK;
        options.ResultStatusCodes[HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable;
        options.ResultStatusCodes[HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable;

        // Probes (the AppHost, load balancers) carry no token, also where a service requires one by default.
        endpoints.MapHealthChecks(pattern, options)
            .AllowAnonymous()
            .DisableRateLimiting()
            .DisableHttpMetrics()
            .ExcludeFromTracing();
    }
}
