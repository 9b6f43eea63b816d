using System.Text.Json;
using DanceAspire.Jobs;

namespace DanceAspire.Workers;

/// <summary>The attempt a handler runs, and its way to report progress.</summary>
public sealed class JobContext
{
    private readonly Func<double, string?, ValueTask> _reportProgress;

    internal JobContext(JobMessage message, string workerId, Func<double, string?, ValueTask> reportProgress)
    {
        JobId = message.JobId;
        Kind = message.Kind;
        Attempt = message.Attempt;
        OwnerId = message.OwnerId;
        Payload = message.Payload;
        WorkerId = workerId;
        _reportProgress = reportProgress;
    }

    public Guid JobId { get; }
    public string Kind { get; }

    /// <summary>The attempt number, from 1: a retry or a reclaimed attempt has a higher one.</summary>
    public int Attempt { get; }

    public Guid OwnerId { get; }

    /// <summary>The job's payload as its creator gave it (JSON).</summary>
    public string Payload { get; }

    public string WorkerId { get; }

    /// <summary>The payload as <typeparamref name="T"/> (web casing: camelCase properties); one that does not fit fails the job for good.</summary>
    public T GetPayload<T>()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Payload, JsonSerializerOptions.Web)
                ?? throw new JobFailedException($"The job's payload is not a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new JobFailedException($"The job's payload is not a {typeof(T).Name}: {e.Message}", retryable: false, e);
        }
    }

    /// <summary>
    /// Reports progress (0..1, clamped) and what the handler is doing. Cheap to call often: updates are coalesced
    /// (a stage change is sent at once), and a report that cannot reach Redis is dropped, never thrown.
    /// </summary>
    public ValueTask ReportProgressAsync(double progress, string? stage = null) => _reportProgress(progress, stage);
}
