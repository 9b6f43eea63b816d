using StackExchange.Redis;

namespace DanceAspire.Jobs;

/// <summary>An event-stream entry: its id (to acknowledge) and the event, or why the entry could not be read.</summary>
public sealed record JobEventEntry(string Id, JobEvent? Event, string? Error);

/// <summary>
/// The Redis side of the job system: the work streams the workers take from, the event stream the dispatcher reads,
/// and the pub/sub channels that wake them. Postgres stays the source of truth; all of this can be rebuilt from it.
/// </summary>
public sealed class JobStreams(IConnectionMultiplexer redis)
{
    /// <summary>How long a taken-key outlives its take; far longer than the dispatcher needs to process the Started event.</summary>
    public static readonly TimeSpan TakenLifetime = TimeSpan.FromDays(1);

    private IDatabase Database => redis.GetDatabase();

    /// <summary>Creates <paramref name="group"/> on <paramref name="stream"/> (and the stream) unless it exists; true if created.</summary>
    public async Task<bool> EnsureGroupAsync(string stream, string group) =>
        (int)await Database.ScriptEvaluateAsync(JobScripts.EnsureGroup, [stream], [group]) == 1;

    /// <summary>Appends the messages to their kind's work stream and wakes that kind's workers.</summary>
    public async Task EnqueueAsync(string kind, IReadOnlyCollection<JobMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }
        var values = new List<RedisValue>(2 + messages.Count * JobStreamCodec.MessageWidth)
        {
            JobKeys.WorkAvailableChannel(kind),
            JobStreamCodec.MessageWidth,
        };
        foreach (var message in messages)
        {
            values.AddRange(JobStreamCodec.Encode(message).Select(v => (RedisValue)v));
        }
        await Database.ScriptEvaluateAsync(JobScripts.Enqueue, [JobKeys.WorkStream(kind)], [.. values]);
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> new attempts of <paramref name="kind"/> for <paramref name="workerId"/>, reporting
    /// each as started in the same atomic step. Recreates the consumer group if Redis lost it.
    /// </summary>
    public async Task<IReadOnlyList<JobMessage>> TakeAsync(string kind, string workerId, int max)
    {
        RedisResult reply;
        try
        {
            reply = await EvaluateTakeAsync(kind, workerId, max);
        }
        catch (RedisServerException e) when (IsMissingGroup(e))
        {
            await EnsureGroupAsync(JobKeys.WorkStream(kind), JobKeys.WorkerGroup);
            reply = await EvaluateTakeAsync(kind, workerId, max);
        }

        var messages = new List<JobMessage>();
        foreach (var entry in (RedisResult[])reply!)
        {
            var fields = JobStreamCodec.ToDictionary((string[])entry!);
            try
            {
                messages.Add(JobStreamCodec.DecodeMessage(fields));
            }
            catch (FormatException e)
            {
                await FailUnreadableAsync(fields, workerId, e.Message);
            }
        }
        return messages;
    }

    /// <summary>Removes a worker that shuts down from its kind's consumer group (it holds no entries: they are acknowledged when taken).</summary>
    public Task RemoveConsumerAsync(string kind, string workerId) =>
        Database.ScriptEvaluateAsync(JobScripts.RemoveConsumer, [JobKeys.WorkStream(kind)], [JobKeys.WorkerGroup, workerId]);

    /// <summary>Appends a worker's event to the event stream and wakes the dispatcher.</summary>
    public Task ReportAsync(JobEvent jobEvent)
    {
        var values = new List<RedisValue> { JobKeys.DispatcherChannel, JobKeys.WorkerEventSignal };
        values.AddRange(JobStreamCodec.Encode(jobEvent).Select(v => (RedisValue)v));
        return Database.ScriptEvaluateAsync(JobScripts.Report, [JobKeys.EventStream], [.. values]);
    }

    /// <summary>Reads events for the dispatcher: its delivered but unacknowledged ones (<paramref name="pending"/>) or new ones.</summary>
    public async Task<IReadOnlyList<JobEventEntry>> ReadEventsAsync(string consumer, int max, bool pending)
    {
        var reply = await Database.ScriptEvaluateAsync(
            JobScripts.Read, [JobKeys.EventStream], [JobKeys.DispatcherGroup, consumer, max, pending ? "0" : ">"]);
        var entries = new List<JobEventEntry>();
        foreach (var entry in (RedisResult[])reply!)
        {
            var parts = (RedisResult[])entry!;
            var id = (string)parts[0]!;
            // An entry deleted while it was pending comes back without fields: nothing left to process.
            if (parts[1].IsNull)
            {
                entries.Add(new JobEventEntry(id, null, "the entry was deleted"));
                continue;
            }
            try
            {
                entries.Add(new JobEventEntry(id, JobStreamCodec.DecodeEvent(JobStreamCodec.ToDictionary((string[])parts[1]!)), null));
            }
            catch (FormatException e)
            {
                entries.Add(new JobEventEntry(id, null, e.Message));
            }
        }
        return entries;
    }

    /// <summary>Acknowledges and deletes processed events.</summary>
    public async Task AckEventsAsync(IReadOnlyCollection<string> ids)
    {
        if (ids.Count > 0)
        {
            await Database.ScriptEvaluateAsync(
                JobScripts.Ack, [JobKeys.EventStream], [JobKeys.DispatcherGroup, .. ids.Select(id => (RedisValue)id)]);
        }
    }

    /// <summary>Of the attempts Postgres holds as queued for <paramref name="kind"/>, those Redis neither holds nor handed out.</summary>
    public async Task<IReadOnlyList<(Guid JobId, int Attempt)>> FindMissingAsync(string kind, IReadOnlyCollection<(Guid JobId, int Attempt)> queued)
    {
        if (queued.Count == 0)
        {
            return [];
        }
        var reply = await Database.ScriptEvaluateAsync(
            JobScripts.FindMissing, [JobKeys.WorkStream(kind)],
            [JobKeys.TakenPrefix, .. queued.Select(q => (RedisValue)$"{q.JobId:N}:{q.Attempt}")]);
        return ((string[])reply!)
            .Select(pair => pair.Split(':'))
            .Select(parts => (Guid.ParseExact(parts[0], "N"), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }

    public Task PublishUpdateAsync(JobUpdate update) =>
        redis.GetSubscriber().PublishAsync(JobKeys.UpdatesChannel(update.JobId), JobJson.Serialize(update));

    public Task PublishStopAsync(JobStop stop) => redis.GetSubscriber().PublishAsync(JobKeys.CancelChannel, stop.ToString());

    /// <summary>Whether Redis still holds the dispatcher's epoch key; false after Redis lost its data (or before the first set-up).</summary>
    public Task<bool> HasEpochAsync() => Database.KeyExistsAsync(JobKeys.Epoch);

    public Task SetEpochAsync(string epoch) => Database.StringSetAsync(JobKeys.Epoch, epoch);

    /// <summary>Whether <paramref name="exception"/> says a stream or its consumer group does not exist (Redis lost its data).</summary>
    public static bool IsMissingGroup(Exception exception) => exception is RedisServerException && exception.Message.Contains("NOGROUP", StringComparison.Ordinal);

    private Task<RedisResult> EvaluateTakeAsync(string kind, string workerId, int max) => Database.ScriptEvaluateAsync(
        JobScripts.Take,
        [JobKeys.WorkStream(kind), JobKeys.EventStream],
        [JobKeys.WorkerGroup, workerId, max, JobKeys.DispatcherChannel, JobKeys.WorkerEventSignal, JobKeys.TakenPrefix, (long)TakenLifetime.TotalSeconds]);

    /// <summary>An entry no worker can read fails its attempt at once (when its job and attempt are readable) instead of waiting for the lease.</summary>
    private async Task FailUnreadableAsync(Dictionary<string, string> fields, string workerId, string reason)
    {
        if (Guid.TryParseExact(fields.GetValueOrDefault(JobStreamCodec.JobField), "N", out var jobId)
            && int.TryParse(fields.GetValueOrDefault(JobStreamCodec.AttemptField), out var attempt))
        {
            await ReportAsync(new JobEvent(jobId, attempt, workerId, JobEventType.Failed, Error: $"Unreadable work entry: {reason}", Retryable: false));
        }
    }
}
