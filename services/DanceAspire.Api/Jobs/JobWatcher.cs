using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using DanceAspire.Data;
using DanceAspire.Data.Jobs;
using DanceAspire.Jobs;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DanceAspire.Api.Jobs;

/// <summary>
/// A job's live progress for the SSE and WebSocket endpoints: the state in Postgres first, then every
/// update the dispatcher publishes on the job's Redis channel, in Sequence order, until the job is final.
/// </summary>
public sealed partial class JobWatcher(DanceDbContext db, IConnectionMultiplexer redis, ILogger<JobWatcher> logger)
{
    /// <summary>
    /// After this long without an update the state is read from Postgres again: pub/sub drops messages while
    /// Redis restarts, and a stream must still end when its job does.
    /// </summary>
    public static readonly TimeSpan ResyncAfter = TimeSpan.FromSeconds(5);

    private const int BufferedUpdates = 256;

    /// <summary>The events of a job the caller may see (checked before), ending when the job is final or the client leaves.</summary>
    public async IAsyncEnumerable<JobProgressEvent> WatchAsync(Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var updates = Channel.CreateBounded<JobUpdate>(new BoundedChannelOptions(BufferedUpdates)
        {
            // A slow client loses intermediate progress, never the newest state.
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var channel = new RedisChannel(JobKeys.UpdatesChannel(jobId), RedisChannel.PatternMode.Literal);
        var subscriber = redis.GetSubscriber();
        Action<RedisChannel, RedisValue> handler = (_, message) =>
        {
            if (Parse(message) is { } update && update.JobId == jobId)
            {
                updates.Writer.TryWrite(update);
            }
        };

        // Subscribe before reading the snapshot, so no update falls between the two.
        var subscribed = await TrySubscribeAsync(subscriber, channel, handler, jobId);
        try
        {
            var snapshot = await ReadSnapshotAsync(jobId, cancellationToken);
            if (snapshot is null)
            {
                yield break;
            }
            yield return snapshot;
            var ordering = new JobUpdateOrdering(snapshot.Sequence);
            var state = snapshot.State;

            while (!JobStates.IsFinal(state))
            {
                var next = await NextUpdateAsync(updates.Reader, cancellationToken);
                if (next is { } update)
                {
                    if (!ordering.Accept(update.Sequence))
                    {
                        continue;
                    }
                    state = update.State;
                    yield return new JobProgressEvent(JobProgressEvent.Update, jobId, update.Sequence, update.State,
                        update.Attempt, update.Progress, update.Stage, update.Error, update.At);
                }
                else
                {
                    var fresh = await ReadSnapshotAsync(jobId, cancellationToken);
                    if (fresh is null)
                    {
                        yield break;
                    }
                    if (ordering.Accept(fresh.Sequence))
                    {
                        state = fresh.State;
                        yield return fresh;
                    }
                }
            }
        }
        finally
        {
            if (subscribed)
            {
                await TryUnsubscribeAsync(subscriber, channel, handler);
            }
        }
    }

    /// <summary>The next published update, or null once <see cref="ResyncAfter"/> passes without one.</summary>
    private static async Task<JobUpdate?> NextUpdateAsync(ChannelReader<JobUpdate> reader, CancellationToken cancellationToken)
    {
        if (reader.TryRead(out var ready))
        {
            return ready;
        }
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(ResyncAfter);
        try
        {
            return await reader.ReadAsync(idle.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<JobProgressEvent?> ReadSnapshotAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return job is null ? null : JobViews.SnapshotOf(job);
    }

    private JobUpdate? Parse(RedisValue message)
    {
        try
        {
            return JobJson.DeserializeUpdate((string)message!);
        }
        catch (JsonException ex)
        {
            LogUnreadableUpdate(ex.Message);
            return null;
        }
    }

    private async Task<bool> TrySubscribeAsync(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler, Guid jobId)
    {
        try
        {
            await subscriber.SubscribeAsync(channel, handler);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis the stream still works, from Postgres every ResyncAfter.
            LogSubscribeFailed(jobId, ex.Message);
            return false;
        }
    }

    private static async Task TryUnsubscribeAsync(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        try
        {
            await subscriber.UnsubscribeAsync(channel, handler);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The subscription ends with the connection anyway.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable job update: {Reason}")]
    private partial void LogUnreadableUpdate(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the updates of job {JobId} ({Reason}); following it in Postgres only")]
    private partial void LogSubscribeFailed(Guid jobId, string reason);
}
