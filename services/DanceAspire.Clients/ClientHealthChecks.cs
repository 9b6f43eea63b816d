using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DanceAspire.Clients;

internal static class ClientHealthChecks
{
    /// <summary>Each dependency check gets this long, so /health answers promptly even when a dependency hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void Add<TCheck>(IServiceCollection services, string name) where TCheck : class, IHealthCheck
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            name,
            sp => ActivatorUtilities.GetServiceOrCreateInstance<TCheck>(sp),
            failureStatus: HealthStatus.Unhealthy,
            tags: ["ready"],
            timeout: Timeout));
    }
}
