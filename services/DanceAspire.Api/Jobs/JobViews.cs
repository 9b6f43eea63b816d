using System.Linq.Expressions;
using System.Text.Json;
using DanceAspire.Data.Jobs;

namespace DanceAspire.Api.Jobs;

/// <summary>POST /api/v1/jobs. Fields are nullable so a missing one is a validation error with a message.</summary>
public sealed record CreateJobRequest(string? Kind, JsonElement? Payload, int? Priority);

public sealed record JobSummary(
    Guid Id,
    string Kind,
    string State,
    int Priority,
    int Attempt,
    int MaxAttempts,
    double Progress,
    string? Stage,
    int Cost,
    bool CancelRequested,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

public sealed record JobAttemptView(
    int Number,
    string? WorkerId,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    string? Error);

/// <summary>GET /api/v1/jobs/{id}: everything about a job, with its attempt history.</summary>
public sealed record JobDetail(
    Guid Id,
    string Kind,
    Guid OwnerId,
    string State,
    int Priority,
    int Attempt,
    int MaxAttempts,
    double Progress,
    string? Stage,
    string? Error,
    JsonElement Payload,
    JsonElement? Result,
    int Cost,
    bool CancelRequested,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<JobAttemptView> Attempts);

/// <summary>
/// One message of a job's live stream (SSE <c>data</c>, WebSocket text frame): <c>snapshot</c> is the state
/// read from Postgres, <c>update</c> one the dispatcher published. Sequence increases along a stream (the
/// state's time in microseconds since the Unix epoch; also the SSE event id).
/// </summary>
public sealed record JobProgressEvent(
    string Type,
    Guid JobId,
    long Sequence,
    string State,
    int Attempt,
    double Progress,
    string? Stage,
    string? Error,
    DateTimeOffset At)
{
    public const string Snapshot = "snapshot";
    public const string Update = "update";
}

internal static class JobViews
{
    public static readonly Expression<Func<Job, JobSummary>> Summary = j => new JobSummary(
        j.Id, j.Kind, j.State, j.Priority, j.Attempt, j.MaxAttempts, j.Progress, j.Stage, j.Cost, j.CancelRequested,
        j.CreatedAt, j.UpdatedAt, j.FinishedAt);

    public static JobDetail Detail(Job job) => new(
        job.Id, job.Kind, job.OwnerId, job.State, job.Priority, job.Attempt, job.MaxAttempts, job.Progress, job.Stage, job.Error,
        ParseJson(job.Payload), job.Result is null ? null : ParseJson(job.Result),
        job.Cost, job.CancelRequested, job.CreatedAt, job.UpdatedAt, job.StartedAt, job.FinishedAt,
        job.Attempts.OrderBy(a => a.Number)
            .Select(a => new JobAttemptView(a.Number, a.WorkerId, a.QueuedAt, a.StartedAt, a.FinishedAt, a.Outcome, a.Error))
            .ToList());

    public static JobProgressEvent SnapshotOf(Job job) =>
        new(JobProgressEvent.Snapshot, job.Id, JobUpdateOrdering.SequenceOf(job.UpdatedAt), job.State, job.Attempt, job.Progress, job.Stage, job.Error, job.UpdatedAt);

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
