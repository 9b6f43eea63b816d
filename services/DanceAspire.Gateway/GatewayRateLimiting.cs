using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DanceAspire.Gateway;

/// <summary>Requests per client IP and fixed window (configuration section <c>Gateway:RateLimit</c>).</summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    public int PermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 10;
}

public static class GatewayRateLimiting
{
    /// <summary>
    /// Limits each client IP (after forwarded headers) to a number of requests per window and answers
    /// the rest with 429, a ProblemDetails body and Retry-After. Endpoints marked DisableRateLimiting
    /// (the health endpoints) are exempt.
    /// </summary>
    public static IServiceCollection AddPerClientRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetSection(GatewayRateLimitOptions.SectionName).Get<GatewayRateLimitOptions>() ?? new();
        if (limit.PermitLimit <= 0 || limit.WindowSeconds <= 0)
        {
            throw new InvalidOperationException(
                $"{GatewayRateLimitOptions.SectionName}: PermitLimit and WindowSeconds must be positive (got {limit.PermitLimit} and {limit.WindowSeconds}).");
        }
        var window = TimeSpan.FromSeconds(limit.WindowSeconds);

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = window, QueueLimit = 0 }));
            options.OnRejected = (rejection, _) => new ValueTask(RejectAsync(rejection, limit, window));
        });
    }

    private static Task RejectAsync(OnRejectedContext rejection, GatewayRateLimitOptions limit, TimeSpan window)
    {
        // A fixed window reports its whole length: an upper bound on the wait, never too early.
        var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejection.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This client may send {limit.PermitLimit} requests every {limit.WindowSeconds} s. Retry in {seconds} s.",
                type: "https://tools.ietf.org/html/rfc6585#section-4")
            .ExecuteAsync(rejection.HttpContext);
    }
}
