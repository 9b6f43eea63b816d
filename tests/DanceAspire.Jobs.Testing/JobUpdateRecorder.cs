using System.Collections.Concurrent;
using StackExchange.Redis;

namespace DanceAspire.Jobs.Testing;

/// <summary>Records every <see cref="JobUpdate"/> the dispatcher publishes, per job, in the order they arrive.</summary>
public sealed class JobUpdateRecorder : IAsyncDisposable
{
    private static readonly RedisChannel Pattern = new(JobKeys.UpdatesChannel(Guid.Empty).Replace(Guid.Empty.ToString("N"), "*"), RedisChannel.PatternMode.Pattern);
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<JobUpdate>> _updates = new();
    private readonly ISubscriber _subscriber;

    private JobUpdateRecorder(ISubscriber subscriber) => _subscriber = subscriber;

    public static async Task<JobUpdateRecorder> StartAsync(IConnectionMultiplexer redis)
    {
        var recorder = new JobUpdateRecorder(redis.GetSubscriber());
        await recorder._subscriber.SubscribeAsync(Pattern, (_, message) =>
        {
            if (JobJson.DeserializeUpdate(message!) is { } update)
            {
                recorder._updates.GetOrAdd(update.JobId, _ => new ConcurrentQueue<JobUpdate>()).Enqueue(update);
            }
        });
        return recorder;
    }

    public IReadOnlyList<JobUpdate> Of(Guid jobId) => _updates.TryGetValue(jobId, out var updates) ? updates.ToArray() : [];

    public async ValueTask DisposeAsync() => await _subscriber.UnsubscribeAsync(Pattern);
}
