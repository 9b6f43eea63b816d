using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DanceAspire.ServiceDefaults.HealthChecks;

/// <summary>Writes a health report as JSON: the overall status and each check's name, status, duration and description.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthReportBody(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            [.. report.Entries.Select(entry => new HealthCheckBody(
                entry.Key,
                entry.Value.Status.ToString(),
                entry.Value.Duration.TotalMilliseconds,
                entry.Value.Description))]);

        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthReportJsonContext.Default.HealthReportBody, context.RequestAborted);
    }
}

public sealed record HealthReportBody(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckBody> Checks);

public sealed record HealthCheckBody(string Name, string Status, double DurationMs, string? Description);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReportBody))]
internal sealed partial class HealthReportJsonContext : JsonSerializerContext;
