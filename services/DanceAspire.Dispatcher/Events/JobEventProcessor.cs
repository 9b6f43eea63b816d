using System.Text.Json;
using DanceAspire.Data.Jobs;
using DanceAspire.Dispatcher.Persistence;
using DanceAspire.Dispatcher.Transitions;
using DanceAspire.Jobs;
using Microsoft.Extensions.Options;

namespace DanceAspire.Dispatcher.Events;

/// <summary>What one round of event processing did.</summary>
/// <param name="CaughtUp">The event stream is drained (the last read returned less than a full batch).</param>
/// <param name="CapacityChanged">A job started, ended or went back to the queue: the scheduler may hand out more.</param>
internal readonly record struct EventRound(bool CaughtUp, bool CapacityChanged);

/// <summary>
/// Consumes the workers' events from <see cref="JobKeys.EventStream"/> through the dispatcher's consumer group, in
/// order, a round of them in one transaction through <see cref="JobStateWriter"/>, acknowledging them once it is
/// committed (a crash in between replays them, and replays change nothing). Progress is published on every event but
/// written to Postgres at most every <see cref="DispatcherOptions.ProgressWriteInterval"/> per job.
/// </summary>
internal sealed partial class JobEventProcessor(
    JobStreams streams, JobStateWriter writer, RunningAttempts running, UpdateSequencer sequencer,
    IOptions<DispatcherOptions> options, TimeProvider time, ILogger<JobEventProcessor> logger)
{
    /// <summary>The dispatcher's consumer name: fixed, so a restarted dispatcher finds the events it read but never acknowledged.</summary>
    public const string Consumer = "dispatcher";

    private bool _readUnacknowledged = true;

    /// <summary>After Redis lost its data there is nothing unacknowledged left; after a restart there may be.</summary>
    public void ReadUnacknowledgedFirst() => _readUnacknowledged = true;

    public async Task<EventRound> ProcessRoundAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.EventBatchSize;
        var entries = await streams.ReadEventsAsync(Consumer, batchSize, pending: _readUnacknowledged);
        if (_readUnacknowledged && entries.Count == 0)
        {
            _readUnacknowledged = false;
            entries = await streams.ReadEventsAsync(Consumer, batchSize, pending: false);
        }

        // Progress of a known attempt is published straight away; everything else is written in one transaction.
        // Once a job has a change in the transaction, its later events join it, so its updates keep their order.
        var changes = new List<(Guid JobId, JobChange Change)>();
        var inTransaction = new HashSet<Guid>();
        var published = new List<Task>();
        foreach (var entry in entries)
        {
            if (entry.Event is not { } jobEvent)
            {
                LogUnreadableEvent(entry.Id, entry.Error);
            }
            else if (jobEvent.Type == JobEventType.Progress && !inTransaction.Contains(jobEvent.JobId) && ProgressOnly(jobEvent) is { } update)
            {
                published.Add(streams.PublishUpdateAsync(update));
            }
            else
            {
                changes.Add((jobEvent.JobId, ToChange(jobEvent)));
                inTransaction.Add(jobEvent.JobId);
            }
        }

        IReadOnlyList<AppliedChange> applied;
        try
        {
            applied = await writer.ApplyAsync(changes, cancellationToken);
        }
        catch (Exception e) when (!DispatcherFaults.IsOutage(e) && e is not OperationCanceledException)
        {
            applied = await ApplyOneByOneAsync(changes, cancellationToken);
        }
        catch
        {
            // Not acknowledged: read them again, from this consumer's pending entries, once the outage is over.
            _readUnacknowledged = true;
            throw;
        }
        await Task.WhenAll(published);
        await streams.AckEventsAsync(entries.Select(e => e.Id).ToArray());
        return new EventRound(entries.Count < batchSize, applied.Any(a => a.Decision.NewState is not null));
    }

    /// <summary>The round's transaction failed on something other than an outage: find the poison change, drop it, keep the rest.</summary>
    private async Task<IReadOnlyList<AppliedChange>> ApplyOneByOneAsync(List<(Guid JobId, JobChange Change)> changes, CancellationToken cancellationToken)
    {
        var applied = new List<AppliedChange>(changes.Count);
        foreach (var (jobId, change) in changes)
        {
            try
            {
                applied.Add(await writer.ApplyAsync(jobId, change, cancellationToken));
            }
            catch (Exception e) when (!DispatcherFaults.IsOutage(e) && e is not OperationCanceledException)
            {
                // A poison event must not stall every job behind it; the job's lease expiry covers what it meant.
                LogEventFailed(e, change.Signal, jobId, change.Attempt);
            }
        }
        return applied;
    }

    /// <summary>The update for a progress event that needs no write: its attempt is known to run, in the same stage, written recently.</summary>
    private JobUpdate? ProgressOnly(JobEvent jobEvent)
    {
        if (!running.TryGet(jobEvent.JobId, out var attempt)
            || attempt.Number != jobEvent.Attempt || attempt.WorkerId != jobEvent.WorkerId || attempt.Stage != jobEvent.Stage
            || time.GetUtcNow() - attempt.WrittenAt >= options.Value.ProgressWriteInterval)
        {
            return null;
        }
        var at = sequencer.Next(jobEvent.JobId);
        var progress = Math.Clamp(jobEvent.Progress ?? 0, 0, 1);
        return new JobUpdate(jobEvent.JobId, UpdateSequencer.ToSequence(at), JobStates.Running, jobEvent.Attempt, progress, jobEvent.Stage, attempt.Error, at);
    }

    private static JobChange ToChange(JobEvent e)
    {
        var signal = e.Type switch
        {
            JobEventType.Started => JobSignal.Started,
            JobEventType.Heartbeat => JobSignal.Heartbeat,
            JobEventType.Progress => JobSignal.Progress,
            JobEventType.Succeeded => JobSignal.Succeeded,
            JobEventType.Failed => JobSignal.Failed,
            JobEventType.Canceled => JobSignal.Canceled,
            JobEventType.Released => JobSignal.Released,
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type, "Unknown event type."),
        };
        // The result goes into a jsonb column: a handler's non-JSON result fails the attempt for good rather than the write.
        if (signal == JobSignal.Succeeded && e.Result is { } result && !IsJson(result))
        {
            return new JobChange(JobSignal.Failed, e.Attempt, e.WorkerId, Error: "The handler's result is not valid JSON.", Retryable: false);
        }
        var progress = signal == JobSignal.Progress ? e.Progress ?? 0 : e.Progress;
        return new JobChange(signal, e.Attempt, e.WorkerId, progress, e.Stage, e.Result, e.Error, e.Retryable);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped unreadable job event {EntryId}: {Reason}")]
    private partial void LogUnreadableEvent(string entryId, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not apply {Signal} of job {JobId} attempt {Attempt}; the event is dropped")]
    private partial void LogEventFailed(Exception exception, JobSignal signal, Guid jobId, int attempt);
}
