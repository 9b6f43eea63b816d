using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DanceAspire.Api.Health;

public sealed record HealthReportResponse(string Status, double DurationMs, IReadOnlyList<HealthCheckResponse> Checks);

public sealed record HealthCheckResponse(string Name, string Status, double DurationMs, string? Description);

public static class HealthApi
{
    /// <summary>GET /api/v1/health: every dependency check with its status and timing, for the web page.</summary>
    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("", GetHealth)
            .WithName("GetHealth")
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<HealthReportResponse>, JsonHttpResult<HealthReportResponse>>> GetHealth(
        HealthCheckService healthChecks, CancellationToken cancellationToken)
    {
        // Liveness-only checks ("self") say nothing about the system, so the page shows the dependencies.
        var report = await healthChecks.CheckHealthAsync(r => !r.Tags.Contains("live"), cancellationToken);
        var response = ToResponse(report);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    internal static HealthReportResponse ToResponse(HealthReport report) => new(
        report.Status.ToString(),
        Milliseconds(report.TotalDuration),
        report.Entries
            .Select(e => new HealthCheckResponse(
                e.Key,
                e.Value.Status.ToString(),
                Milliseconds(e.Value.Duration),
                e.Value.Description ?? e.Value.Exception?.Message))
            .ToList());

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);
}
